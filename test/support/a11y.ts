/**
 * Accessibility helpers shared by the axe spec (Chromium, Playwright) and the keyboard specs
 * (Chromium through Playwright, Firefox through puppeteer-core). The page-side functions are
 * self-contained: they are serialised into the page's main world and return plain data.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (axe's tags). */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Host elements of our injected UI (spec: "UI contract"). */
export const HOST_TAGS = ['lga-checklist', 'lga-deeplink', 'lga-contact-warning', 'lga-contact-rules', 'lga-ticket-assist', 'lga-otto-guide', 'lga-sender-warning'];

/** A context selector axe understands: a plain selector, or a path through open shadow roots. */
export type AxeSelector = string | { fromShadowDom: string[] };

/**
 * Marks each of our hosts (also those inside the page's own open shadow roots) with
 * `data-lga-axe="<n>"` and returns, for each, the axe selector reaching it, with its tag.
 * `only`: a selector our hosts must match to be included (null: all of them).
 */
export function markOwnHosts([tags, only]: [string[], string | null]): Array<{ tag: string; path: string[] }> {
  const out: Array<{ tag: string; path: string[] }> = [];
  let n = 0;
  const visit = (root: Document | ShadowRoot, path: string[]) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (tags.includes(tag)) {
        if (only && !el.matches(only)) continue;
        const id = String(++n);
        el.setAttribute('data-lga-axe', id);
        out.push({ tag, path: [...path, `${tag}[data-lga-axe="${id}"]`] });
      } else if (el.shadowRoot) {
        const pageId = `p${++n}`;
        el.setAttribute('data-lga-axe', pageId);
        visit(el.shadowRoot, [...path, `[data-lga-axe="${pageId}"]`]);
      }
    }
  };
  visit(document, []);
  return out;
}

export interface AxeOutcome {
  /** "rule-id: selector — summary" per violating node; [] when clean. */
  violations: string[];
  /** Hosts in scope, per tag. */
  hosts: Record<string, number>;
  /** Elements axe looked at inside our shadow roots (proves it reached inside), per tag. */
  checkedInside: Record<string, number>;
  /** Rules that passed or failed at least one node. */
  rulesRun: number;
}

function describeViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  const out: string[] = [];
  for (const v of results.violations) {
    for (const node of v.nodes) out.push(`${v.id}: ${JSON.stringify(node.target)} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`);
  }
  return out;
}

/**
 * axe with the WCAG 2.2 AA tags. `scope: 'hosts'` limits it to our injected UI (the fixture pages
 * are OTTO's replicas, not ours); `scope: 'page'` checks the whole document (popup, options);
 * `only` narrows the hosts (see markOwnHosts).
 */
export async function runAxe(page: Page, scope: 'hosts' | 'page', only: string | null = null): Promise<AxeOutcome> {
  // Also axe's experimental check of WCAG 2.5.3 "Label in Name" (level A): a control's visible
  // text must be part of its accessible name (our aria-labels extend the visible text).
  // (options() replaces everything set before it: it comes first, withTags() after.)
  let builder = new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).withTags(WCAG_AA_TAGS);
  const hosts: Record<string, number> = {};
  if (scope === 'hosts') {
    const found = await page.evaluate(markOwnHosts, [HOST_TAGS, only] as [string[], string | null]);
    if (!found.length) throw new Error('none of our hosts is on the page');
    for (const h of found) {
      hosts[h.tag] = (hosts[h.tag] ?? 0) + 1;
      builder = builder.include(h.path.length === 1 ? h.path[0]! : ({ fromShadowDom: h.path } as never));
    }
  }
  const results = await builder.analyze();
  const checkedInside: Record<string, number> = {};
  for (const r of [...results.passes, ...results.violations, ...results.incomplete]) {
    for (const node of r.nodes) {
      const path = node.target[0];
      if (!Array.isArray(path)) continue;
      const tag = HOST_TAGS.find((t) => path.some((sel) => sel.startsWith(t) || sel.includes(` ${t}`) || sel.includes(`>${t}`)));
      if (tag) checkedInside[tag] = (checkedInside[tag] ?? 0) + 1;
    }
  }
  return {
    violations: describeViolations(results),
    hosts,
    checkedInside,
    rulesRun: results.passes.length + results.violations.length,
  };
}

/** What has the keyboard focus, through open shadow roots, and how its focus is shown. */
export interface FocusInfo {
  /** A stable description: `step:<id>`, `feature:<id>`, `#<id>`, or `<role>:<name>`. */
  key: string;
  /** The host element the focus sits in (our injected UI), or null in the document itself. */
  host: string | null;
  /** The focus indicator is drawn (outline ≥ 2 px or a box shadow) on the element or its label. */
  indicator: boolean;
  /** The element's box lies within the viewport horizontally and is not zero-sized. */
  onScreen: boolean;
}

export function focusInfo(): FocusInfo | null {
  let el: Element | null = document.activeElement;
  let host: string | null = null;
  while (el?.shadowRoot?.activeElement) {
    if (el.tagName.startsWith('LGA-')) host = el.tagName.toLowerCase();
    el = el.shadowRoot.activeElement;
  }
  if (!el || el === document.body || el === document.documentElement) return null;
  const h = el as HTMLElement;
  // The text a screen reader would read for it, roughly: aria-label, else its text without aria-hidden parts.
  const nameOf = (e: HTMLElement) => {
    const label = e.getAttribute('aria-label');
    if (label) return label.replace(/\s+/g, ' ').trim();
    const copy = e.cloneNode(true) as HTMLElement;
    for (const hidden of Array.from(copy.querySelectorAll('[aria-hidden="true"]'))) hidden.remove();
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  const role = h.getAttribute('role') ?? (h.tagName === 'A' ? 'link' : h.tagName === 'BUTTON' ? 'button' : h.tagName.toLowerCase());
  let key: string;
  if (h.dataset.step) key = `step:${h.dataset.step}`;
  else if (h.dataset.feature) key = `feature:${h.dataset.feature}`;
  else if (h.dataset.action) key = `action:${h.dataset.action}`;
  else if (h.hasAttribute('data-preview')) key = 'preview';
  else if (h.id) key = `#${h.id}`;
  else key = `${role}:${nameOf(h)}`;
  // A visually hidden control (the file input) shows its focus on its label.
  const rect = h.getBoundingClientRect();
  const root = h.getRootNode() as Document | ShadowRoot;
  const shown = rect.width <= 1 && rect.height <= 1 && h.id ? (root.querySelector(`label[for="${h.id}"]`) as HTMLElement | null) ?? h : h;
  const cs = getComputedStyle(shown);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
  const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
  const r = shown.getBoundingClientRect();
  return {
    key,
    host,
    indicator: outline || shadow,
    onScreen: r.width > 0 && r.height > 0 && r.left >= -1 && r.right <= document.documentElement.clientWidth + 1,
  };
}

/** Horizontal overflow of the page and controls cut off or reaching outside the viewport. */
export function reflowProblems(): string[] {
  const problems: string[] = [];
  const doc = document.documentElement;
  const width = doc.clientWidth;
  if (doc.scrollWidth > width + 1) problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${width}`);
  const controls = Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, label, h1, h2, h3, p, li, pre'));
  for (const c of controls) {
    const r = c.getBoundingClientRect();
    if (!r.width && !r.height) continue; // not rendered (hidden) or visually hidden on purpose
    if (c.classList.contains('lga-visually-hidden')) continue;
    const name = `${c.tagName.toLowerCase()} "${(c.textContent ?? c.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"`;
    if (r.left < -1 || r.right > width + 1) problems.push(`${name} outside the viewport (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
    // Text cut off inside its own box (not for fields, whose value may scroll).
    if (!['INPUT', 'SELECT', 'TEXTAREA', 'PRE'].includes(c.tagName) && c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).overflowX !== 'visible') {
      problems.push(`${name} clips its content (${c.scrollWidth} > ${c.clientWidth})`);
    }
  }
  return problems;
}

/**
 * Presses Tab (or Shift+Tab) up to `max` times and records where the focus goes, until it
 * leaves the document, comes back to the element focused before the first press, or wraps around
 * to the first stop. Works with Playwright and puppeteer pages.
 */
export async function tabSequence(press: (key: string) => Promise<void>, info: () => Promise<FocusInfo | null>, max = 40, key = 'Tab'): Promise<FocusInfo[]> {
  const seen: FocusInfo[] = [];
  const start = await info();
  const same = (a: FocusInfo, b: FocusInfo | null | undefined) => !!b && a.key === b.key && a.host === b.host;
  for (let i = 0; i < max; i++) {
    await press(key);
    const f = await info();
    if (!f || same(f, seen[0]) || same(f, start)) break;
    seen.push(f);
  }
  return seen;
}
