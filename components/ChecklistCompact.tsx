import type { Ref } from 'preact';
import { useRef } from 'preact/hooks';
import { STEP_IDS, type StepId } from '../lib/onboarding/steps';
import type { OnboardingState } from '../lib/onboarding/state';
import type { Translate } from '../lib/i18n';
import { StepAction } from './StepAction';
import type { StepButtons, StepExtras } from './step-link';

export interface ChecklistCompactProps {
  state: OnboardingState;
  t: Translate;
  next: StepId | null;
  headingId: string;
  headingLevel: 2 | 3;
  buttons?: StepButtons;
  extras?: StepExtras;
  onExpand: () => void;
  toggleRef?: Ref<HTMLButtonElement>;
}

/**
 * The checklist as one line (issue 16): progress, the next step with its action, and "Alle
 * Schritte" to show the steps. A step that completes automatically while the line is shown is
 * announced in it (a status, not a panel pushing the list down). The steps themselves are not
 * rendered until the merchant expands.
 */
export function ChecklistCompact({ state, t, next, headingId, headingLevel, buttons, extras, onExpand, toggleRef }: ChecklistCompactProps) {
  const done = STEP_IDS.filter((id) => state.steps[id].done);
  const total = STEP_IDS.length;
  // What was done at the last render: a step done since then by itself is "just done".
  const seen = useRef<ReadonlySet<StepId> | null>(null);
  const fresh = useRef<StepId | null>(null);
  const before = seen.current;
  if (before) fresh.current = done.find((id) => !before.has(id) && state.steps[id].how === 'auto') ?? fresh.current;
  seen.current = new Set(done);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="checklist compact" role="region" aria-labelledby={headingId} data-collapsed="true">
      <H id={headingId} class="title">
        {t('checklistTitle')}
      </H>
      <span class="progress" aria-label={`${t('progressLabel')}: ${t('progress', { done: done.length, total })}`}>
        {t('progress', { done: done.length, total })}
      </span>
      {next && (
        <span class="next">
          <strong>{t('nextStep')}:</strong> <span class="name" title={t(`step.${next}`)}>{t(`step.${next}`)}</span> <StepAction step={next} t={t} buttons={buttons} extras={extras} />
        </span>
      )}
      <span class="announce" role="status">
        {fresh.current && state.steps[fresh.current].done ? `✓ ${t('checklist.autoDone', { step: t(`step.${fresh.current}`) })}` : ''}
      </span>
      <button type="button" class="collapse text" aria-expanded="false" title={t('checklist.expand')} ref={toggleRef} onClick={onExpand}>
        {t('checklist.allSteps')}
      </button>
    </section>
  );
}

