import type { StepId } from '../lib/onboarding/steps';
import type { Translate } from '../lib/i18n';

import { STEP_LINK, type StepButtons, type StepExtras } from './step-link';

/** The action of the next step: its button when the host gives one, else the link to where it is done. */
export function StepAction({ step, t, buttons, extras }: { step: StepId; t: Translate; buttons?: StepButtons; extras?: StepExtras }) {
  const extra = extras?.[step];
  return (
    <>
      <MainAction step={step} t={t} buttons={buttons} />
      {extra && (
        <>
          {' '}
          <button type="button" class="action" data-action={extra.action} onClick={extra.run}>
            {extra.label}
          </button>
        </>
      )}
    </>
  );
}

function MainAction({ step, t, buttons }: { step: StepId; t: Translate; buttons?: StepButtons }) {
  const button = buttons?.[step];
  return button ? (
    <button type="button" class="action" onClick={button.run}>
      {button.label}
    </button>
  ) : (
    <a class="action" href={STEP_LINK[step]} target="_blank" rel="noopener noreferrer">
      {t(`checklist.action.${step}`)}
    </a>
  );
}
