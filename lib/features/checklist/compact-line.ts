import { STEP_IDS, type StepId } from '../../onboarding/steps';
import { nextOpenStep, type OnboardingState } from '../../onboarding/state';
import type { Translate } from '../../i18n';
import { STEP_LINK, type StepButtons, type StepExtras } from '../../../components/step-link';

export interface CompactLineOptions {
  headingId: string;
  /** The heading's level where the line stands (2 on the overview, 3 beside a help article). */
  headingLevel?: 2 | 3;
  /** "Alle Schritte". */
  onExpand: () => void;
  /** The next step's own action instead of its link, by step (e.g. "open confirmation ticket"). */
  buttons?: StepButtons;
  /** Offers beside a step's action (e.g. the test-order companion), named by `data-action`. */
  extras?: StepExtras;
}

export interface CompactLine {
  el: HTMLElement;
  /** The "Alle Schritte" button (the focus goes back to it when the merchant collapses the panel). */
  toggle: HTMLButtonElement;
  update: (state: OnboardingState, t: Translate) => void;
}

/** An element with a class and text (text only: nothing is ever parsed as HTML). */
function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

function actionButton(doc: Document, label: string, run: () => void): HTMLButtonElement {
  const b = el(doc, 'button', 'action', label);
  b.type = 'button';
  b.addEventListener('click', run);
  return b;
}

/**
 * The checklist as one line (issue 16), in plain DOM so that the overview's first path carries no
 * UI library: progress, the next step with its action, and "Alle Schritte" to show the steps
 * (the full panel, components/Checklist.tsx, imported only then). The panel's own collapsed
 * form (components/ChecklistCompact.tsx) is this line too. A step that completes
 * automatically while the line is shown is announced in it (a status).
 */
export function compactLine(doc: Document, opts: CompactLineOptions): CompactLine {
  const section = el(doc, 'section', 'checklist compact');
  section.setAttribute('role', 'region');
  section.setAttribute('aria-labelledby', opts.headingId);
  section.dataset.collapsed = 'true';
  const title = el(doc, opts.headingLevel === 3 ? 'h3' : 'h2', 'title');
  title.id = opts.headingId;
  const progress = el(doc, 'span', 'progress');
  const next = el(doc, 'span', 'next');
  const announce = el(doc, 'span', 'announce');
  announce.setAttribute('role', 'status');
  const toggle = el(doc, 'button', 'collapse text');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', opts.onExpand);
  section.append(title, progress, next, announce, toggle);

  let seen: ReadonlySet<StepId> | null = null;
  let fresh: StepId | null = null;
  let nextKey = '';
  const update = (state: OnboardingState, t: Translate) => {
    const done = STEP_IDS.filter((id) => state.steps[id].done);
    // A step done since the last update by itself is "just done".
    if (seen) fresh = done.find((id) => !seen!.has(id) && state.steps[id].how === 'auto') ?? fresh;
    seen = new Set(done);
    const count = t('progress', { done: done.length, total: STEP_IDS.length });
    title.textContent = t('checklistTitle');
    progress.textContent = count;
    progress.setAttribute('aria-label', `${t('progressLabel')}: ${count}`);
    toggle.textContent = t('checklist.allSteps');
    toggle.title = t('checklist.expand');
    announce.textContent = fresh && state.steps[fresh].done ? `✓ ${t('checklist.autoDone', { step: t(`step.${fresh}`) })}` : '';
    // The next step's part is rebuilt only when it changes (keeps the focus on its action).
    const step = nextOpenStep(state);
    const button = step ? opts.buttons?.[step] : undefined;
    const extra = step ? opts.extras?.[step] : undefined;
    const key = `${step}|${t('nextStep')}|${button?.label}|${extra?.label}`;
    if (key === nextKey) return;
    nextKey = key;
    if (!step) return next.remove();
    if (next.parentNode !== section) progress.after(next);
    const name = el(doc, 'span', 'name', t(`step.${step}`));
    name.title = t(`step.${step}`);
    let main: HTMLElement;
    // Actions look their handler up when clicked: the options may hand newer ones since.
    if (button) main = actionButton(doc, button.label, () => opts.buttons?.[step]?.run());
    else {
      const link = el(doc, 'a', 'action', t(`checklist.action.${step}`));
      Object.assign(link, { href: STEP_LINK[step], target: '_blank', rel: 'noopener noreferrer' });
      main = link;
    }
    next.replaceChildren(el(doc, 'strong', '', `${t('nextStep')}:`), ' ', name, ' ', main);
    if (extra) {
      const b = actionButton(doc, extra.label, () => opts.extras?.[step]?.run());
      b.dataset.action = extra.action;
      next.append(' ', b);
    }
  };
  return { el: section, toggle, update };
}
