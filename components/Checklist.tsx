import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { STEP_IDS, type StepId } from '../lib/onboarding/steps';
import { nextOpenStep, type OnboardingState } from '../lib/onboarding/state';
import { formatDate, type Lang, type Translate } from '../lib/i18n';
import { LINKS } from '../lib/otto/urls';
import { StepAction, type StepButtons, type StepExtras } from './StepAction';
import { ChecklistCompact, COMPACT_CSS } from './ChecklistCompact';

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

export { STEP_LINK } from './StepAction';

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
    return <ChecklistCompact state={state} t={t} next={next} headingId={headingId} headingLevel={headingLevel} buttons={buttons} extras={extras} onExpand={() => collapse(false)} toggleRef={toggleRef} />;
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

export const CHECKLIST_CSS = `
.checklist { background: var(--lga-bg); border: 1px solid var(--lga-border); border-radius: 8px; padding: 12px 14px; }
.head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.title { font-size: 15px; margin: 0; flex: 1; }
.progress { font-weight: 600; white-space: nowrap; }
.live-badge { font-weight: 600; color: var(--lga-ok); white-space: nowrap; }
.collapse { background: none; border: 1px solid var(--lga-border); border-radius: 6px; min-width: 28px; min-height: 28px; }
.collapse.text { padding: 2px 8px; font-size: 13px; }
.bar { width: 100%; height: 6px; margin: 8px 0; accent-color: var(--lga-accent); }
.next { margin: 6px 0 10px; }
.action { display: inline-block; margin-left: 4px; padding: 3px 10px; border-radius: 6px; background: var(--lga-accent); color: var(--lga-accent-fg); border: 0; text-decoration: none; font-weight: 600; }
.steps { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.box { display: flex; gap: 8px; align-items: flex-start; background: none; border: 0; padding: 4px 2px; text-align: left; width: 100%; }
.mark { flex: none; width: 18px; height: 18px; border: 2px solid var(--lga-muted); border-radius: 4px; display: inline-flex; align-items: center; justify-content: center; font-size: 12px; line-height: 1; }
.is-done .mark { background: var(--lga-ok); border-color: var(--lga-ok); color: var(--lga-bg); }
.detail { display: block; margin-left: 28px; color: var(--lga-muted); font-size: 12.5px; }
.article { margin: 10px 0 0; font-size: 13px; }
.is-live { padding: 8px 12px; }
.save-error { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 8px 0 0; padding: 6px 8px; border-radius: 6px; background: var(--lga-warn-bg); color: var(--lga-warn-fg); }
.save-error p { margin: 0; flex: 1; }
.save-error button { font: inherit; color: inherit; background: var(--lga-bg); border: 1px solid currentColor; border-radius: 6px; padding: 2px 10px; }
.is-live .title { font-size: 14px; }
${COMPACT_CSS}`;
