import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { STEP_IDS, type StepId } from '../lib/onboarding/steps';
import { nextOpenStep, type OnboardingState } from '../lib/onboarding/state';
import { formatDate, type Lang, type Translate } from '../lib/i18n';
import { LINKS } from '../lib/otto/urls';
import { StepAction } from './StepAction';
import type { StepButtons, StepExtras } from './step-link';
import { ChecklistCompact } from './ChecklistCompact';

export interface ChecklistProps {
  state: OnboardingState;
  t: Translate;
  lang: Lang;
  /**
   * A click on a step. When it answers whether the change was stored, a change that was not
   * stored is said so beside the steps, with a button to try again.
   */
  onToggle: (step: StepId, done: boolean) => void | Promise<boolean>;
  /** "Open confirmation ticket": registers the one-shot fill request, then opens the form. */
  onOpenTicket?: () => void;
  /** More steps' own actions (a button instead of the step's link), by step. */
  stepButtons?: StepButtons;
  /** "Testbestellung auf otto.de begleiten" beside the test-order step (absent: not offered, e.g. already on). */
  onCompanion?: () => void;
  /** Heading level inside the host page or popup. */
  headingLevel?: 2 | 3;
  /** Collapsed: the compact line (progress, next step, "Alle Schritte"); the steps are not rendered. */
  collapsed?: boolean;
  onCollapse?: (collapsed: boolean) => void;
  idPrefix?: string;
  /** Once every step is done, show a one-line "live" state (steps behind a toggle). */
  quietWhenDone?: boolean;
  /** Extra control in the header (e.g. the launcher's close button). */
  headerExtra?: ComponentChildren;
}


export function Checklist({
  state,
  t,
  lang,
  onToggle,
  onOpenTicket,
  stepButtons,
  onCompanion,
  headingLevel = 2,
  collapsed = false,
  onCollapse,
  idPrefix = 'lga',
  quietWhenDone = false,
  headerExtra,
}: ChecklistProps) {
  const done = STEP_IDS.filter((id) => state.steps[id].done).length;
  const total = STEP_IDS.length;
  const next = nextOpenStep(state);
  const quiet = quietWhenDone && !next;
  const [showQuietSteps, setShowQuietSteps] = useState(false);
  const [unsaved, setUnsaved] = useState<{ step: StepId; done: boolean } | null>(null);
  const toggle = (step: StepId, doneNow: boolean) => {
    const result = onToggle(step, doneNow);
    if (!result) return;
    void result.then((stored) => setUnsaved((u) => (stored ? (u?.step === step ? null : u) : { step, done: doneNow })));
  };
  // The merchant's own switch between the line and the panel keeps the focus on the switch.
  const toggleRef = useRef<HTMLButtonElement>(null);
  const switched = useRef(false);
  useEffect(() => {
    if (switched.current) toggleRef.current?.focus();
    switched.current = false;
  }, [collapsed]);
  const collapse = (to: boolean) => {
    switched.current = true;
    onCollapse?.(to);
  };
  const buttons: StepButtons = { ...(onOpenTicket && { 'confirmation-sent': { label: t('openTicket'), run: onOpenTicket } }), ...stepButtons };
  const extras: StepExtras = onCompanion ? { 'test-order': { label: t('checklist.companion'), run: onCompanion, action: 'companion' } } : {};
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${idPrefix}-checklist-heading`;
  const listId = `${idPrefix}-checklist-steps`;
  if (collapsed && !quiet && onCollapse) {
    return <ChecklistCompact state={state} t={t} headingId={headingId} headingLevel={headingLevel} buttons={buttons} extras={extras} onExpand={() => collapse(false)} toggleRef={toggleRef} />;
  }
  const stepsHidden = quiet && !showQuietSteps;
  return (
    <section
      class={quiet ? 'checklist is-live' : 'checklist'}
      role="region"
      aria-labelledby={headingId}
      data-collapsed="false"
      data-live={next ? undefined : 'true'}
    >
      <header class="head">
        <H id={headingId} class="title">
          {t('checklistTitle')}
        </H>
        {quiet ? (
          <span class="live-badge">
            <span aria-hidden="true">✓ </span>
            {t('checklist.live')}
          </span>
        ) : (
          <span class="progress" aria-label={`${t('progressLabel')}: ${t('progress', { done, total })}`}>
            {t('progress', { done, total })}
          </span>
        )}
        {quiet ? (
          <button type="button" class="collapse text" aria-expanded={showQuietSteps} aria-controls={listId} onClick={() => setShowQuietSteps(!showQuietSteps)}>
            {showQuietSteps ? t('checklist.hideSteps') : t('checklist.showSteps')}
          </button>
        ) : (
          onCollapse && (
            <button
              type="button"
              class="collapse"
              aria-controls={listId}
              aria-expanded="true"
              title={t('checklist.collapse')}
              ref={toggleRef}
              onClick={() => collapse(true)}
            >
              <span aria-hidden="true">▾</span>
              <span class="lga-visually-hidden">{t('checklist.collapse')}</span>
            </button>
          )
        )}
        {headerExtra}
      </header>
      {/* Gone by itself once the step shows what the click wanted (stored later, or from another tab). */}
      {unsaved && state.steps[unsaved.step].done !== unsaved.done && (
        <div class="save-error" role="alert" data-save-error={unsaved.step}>
          <p>{t('checklist.notSaved', { step: t(`step.${unsaved.step}`) })}</p>
          <button type="button" onClick={() => toggle(unsaved.step, unsaved.done)}>
            {t('checklist.retry')}
          </button>
        </div>
      )}
      {!quiet && <progress class="bar" max={total} value={done} aria-hidden="true" />}
      <div id={listId} hidden={stepsHidden}>
        {next ? (
          <p class="next">
            <strong>{t('nextStep')}:</strong> {t(`step.${next}`)} <StepAction step={next} t={t} buttons={buttons} extras={extras} />
          </p>
        ) : (
          <p class="next done">{t('allDone')}</p>
        )}
        <ul class="steps">
          {STEP_IDS.map((id) => {
            const s = state.steps[id];
            const detailId = `${idPrefix}-step-${id}-detail`;
            return (
              <li key={id} class={s.done ? 'step is-done' : 'step'}>
                <button
                  type="button"
                  role="checkbox"
                  class="box"
                  data-step={id}
                  aria-checked={s.done ? 'true' : 'false'}
                  aria-describedby={s.done ? detailId : undefined}
                  onClick={() => toggle(id, !s.done)}
                >
                  <span class="mark" aria-hidden="true">
                    {s.done ? '✓' : ''}
                  </span>
                  <span class="label">{t(`step.${id}`)}</span>
                </button>
                {s.done && (
                  <span class="detail" id={detailId}>
                    {s.how ? t(`how.${s.how}`) : ''}
                    {s.evidence ? ` – ${t(`evidence.${s.evidence.code}`, { count: s.evidence.count ?? 1 })}` : ''}
                    {s.at ? ` – ${t('stepDoneAt', { date: formatDate(lang, s.at) })}` : ''}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <p class="article">
          <a href={LINKS.livegangArticle} target="_blank" rel="noopener noreferrer">
            {t('currentArticle')}
          </a>
          <span aria-hidden="true"> · </span>
          <a href={LINKS.contactArticle} target="_blank" rel="noopener noreferrer">
            {t('checklist.contactArticle')}
          </a>
        </p>
      </div>
    </section>
  );
}

