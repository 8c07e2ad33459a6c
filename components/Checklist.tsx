import { STEP_IDS, type StepId } from '../lib/onboarding/steps';
import { nextOpenStep, type OnboardingState } from '../lib/onboarding/state';
import { formatDate, type Lang, type Translate } from '../lib/i18n';
import { LINKS } from '../lib/otto/urls';

export interface ChecklistProps {
  state: OnboardingState;
  t: Translate;
  lang: Lang;
  onToggle: (step: StepId, done: boolean) => void;
  /** "Open confirmation ticket": registers the one-shot fill request, then opens the form. */
  onOpenTicket?: () => void;
  /** Heading level inside the host page or popup. */
  headingLevel?: 2 | 3;
  collapsed?: boolean;
  onCollapse?: (collapsed: boolean) => void;
  idPrefix?: string;
}

/** Where the merchant goes to do a step (OTTO's own pages; the article is always current). */
const STEP_LINK: Record<StepId, string> = {
  registered: LINKS.registration,
  'customer-account': 'https://www.otto.de/',
  'product-with-stock': LINKS.productOverview,
  'deeplink-opened': LINKS.productOverview,
  'test-order': LINKS.livegangArticle,
  'shipment-request-read': LINKS.livegangArticle,
  'confirmation-sent': LINKS.ticketForm,
  live: LINKS.livegangArticle,
};

export function Checklist({ state, t, lang, onToggle, onOpenTicket, headingLevel = 2, collapsed = false, onCollapse, idPrefix = 'lga' }: ChecklistProps) {
  const done = STEP_IDS.filter((id) => state.steps[id].done).length;
  const total = STEP_IDS.length;
  const next = nextOpenStep(state);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${idPrefix}-checklist-heading`;
  const listId = `${idPrefix}-checklist-steps`;
  return (
    <section class="checklist" role="region" aria-labelledby={headingId} data-collapsed={collapsed ? 'true' : 'false'}>
      <header class="head">
        <H id={headingId} class="title">
          {t('checklistTitle')}
        </H>
        <span class="progress" aria-label={`${t('progressLabel')}: ${t('progress', { done, total })}`}>
          {t('progress', { done, total })}
        </span>
        {onCollapse && (
          <button type="button" class="collapse" aria-expanded={!collapsed} aria-controls={listId} onClick={() => onCollapse(!collapsed)}>
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
            <span class="lga-visually-hidden">{t('checklistTitle')}</span>
          </button>
        )}
      </header>
      <progress class="bar" max={total} value={done} aria-hidden="true" />
      <div id={listId} hidden={collapsed}>
        {next ? (
          <p class="next">
            <strong>{t('nextStep')}:</strong> {t(`step.${next}`)}{' '}
            {next === 'confirmation-sent' && onOpenTicket ? (
              <button type="button" class="action" onClick={onOpenTicket}>
                {t('openTicket')}
              </button>
            ) : (
              <a class="action" href={STEP_LINK[next]} target="_blank" rel="noopener noreferrer">
                {t('openStepLink')}
              </a>
            )}
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
                  onClick={() => onToggle(id, !s.done)}
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
        </p>
      </div>
    </section>
  );
}

export const CHECKLIST_CSS = `
.checklist { background: var(--lga-bg); border: 1px solid var(--lga-border); border-radius: 8px; padding: 12px 14px; }
.head { display: flex; align-items: center; gap: 8px; }
.title { font-size: 15px; margin: 0; flex: 1; }
.progress { font-weight: 600; white-space: nowrap; }
.collapse { background: none; border: 1px solid var(--lga-border); border-radius: 6px; min-width: 28px; min-height: 28px; }
.bar { width: 100%; height: 6px; margin: 8px 0; accent-color: var(--lga-accent); }
.next { margin: 6px 0 10px; }
.action { display: inline-block; margin-left: 4px; padding: 3px 10px; border-radius: 6px; background: var(--lga-accent); color: var(--lga-accent-fg); border: 0; text-decoration: none; font-weight: 600; }
.steps { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.box { display: flex; gap: 8px; align-items: flex-start; background: none; border: 0; padding: 4px 2px; text-align: left; width: 100%; }
.mark { flex: none; width: 18px; height: 18px; border: 2px solid var(--lga-muted); border-radius: 4px; display: inline-flex; align-items: center; justify-content: center; font-size: 12px; line-height: 1; }
.is-done .mark { background: var(--lga-ok); border-color: var(--lga-ok); color: var(--lga-bg); }
.detail { display: block; margin-left: 28px; color: var(--lga-muted); font-size: 12.5px; }
.article { margin: 10px 0 0; font-size: 13px; }
`;
