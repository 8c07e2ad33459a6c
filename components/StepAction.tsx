import type { StepId } from '../lib/onboarding/steps';
import type { Translate } from '../lib/i18n';
import { LINKS } from '../lib/otto/urls';

/** Where the merchant goes to do a step (OTTO's own pages; the article is always current). */
export const STEP_LINK: Record<StepId, string> = {
  registered: LINKS.registration,
  'customer-account': LINKS.shop,
  'product-with-stock': LINKS.productOverview,
  'deeplink-opened': LINKS.productOverview,
  'test-order': LINKS.livegangArticle,
  'shipment-request-read': LINKS.livegangArticle,
  'confirmation-sent': LINKS.ticketForm,
  live: LINKS.livegangArticle,
};

/** A step's own action instead of its link (e.g. "open confirmation ticket"): a label and what it does. */
export interface StepButton {
  label: string;
  run: () => void;
}
export type StepButtons = Partial<Record<StepId, StepButton>>;
/** An offer beside a step's action (e.g. "Testbestellung auf otto.de begleiten"), named by `data-action`. */
export type StepExtras = Partial<Record<StepId, StepButton & { action: string }>>;

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
