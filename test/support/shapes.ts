import { expect } from '@playwright/test';
import { EXPECTED } from '../fixtures/expected';
import type { FixtureMap } from './fixtures';
import { pollUntil } from './firefox';
import { allItems, auditItems, isRestricted, itemProblems, type FrameAudit } from './items';
import { panelStep } from './audit';

/**
 * The product-overview shapes of issue #15 (cards with infinite scroll, <li>/<dl> items, a
 * micro-frontend in a same-origin frame, a recycling virtual list) and what a merchant does on
 * each: scroll the window or the inner container. One scenario, driven by the Chromium spec
 * (Playwright) and the Firefox spec (puppeteer-core) alike.
 */
export const OVERVIEW = 'https://portal.otto.market/products/#productoverview';

export interface ScrollStep {
  what: string;
  /** `window`, or a selector of the inner scroll container in the top document. */
  scroller: string;
  /** A scroll position, the end, or `into-view`: the window scrolls the scroller's top to the top of the view. */
  to: number | 'end' | 'into-view';
  /** The page has reacted to the scroll (next page appended, rows repainted). */
  done: (frames: FrameAudit[]) => boolean;
}

export interface ShapeCase {
  /** Key of test/fixtures/expected.ts, served at the overview URL. */
  file: string;
  locale?: string;
  /** The list's block in the top document (an inner scroll container, a list, the frame): first scrolled into view. */
  list: string;
  steps: ScrollStep[];
}

/** The fixture at /products/ plus the further routes it loads (its frame). */
export const routesOf = (file: string): Record<string, FixtureMap> => ({
  'portal.otto.market': { '/products/': file, ...EXPECTED[file]!.routes?.['portal.otto.market'] },
});

const inView = (frames: FrameAudit[]) => allItems(frames).filter((i) => i.visible);
/** Index of a generated card: its name ends in "<40 + 5 i> cm" (see the fixture's script). */
const cardIndex = (name: string) => (Number(/(\d+) cm$/.exec(name)?.[1] ?? NaN) - 40) / 5;
const INNER = 'main > div[style]';
const cardsStep = (what: string, items: number, firstNew: number): ScrollStep => ({
  what,
  scroller: INNER,
  to: 'end',
  done: (f) => allItems(f).length === items && inView(f).some((i) => cardIndex(i.name) >= firstNew),
});
/** Virtual list: product i is named "… no. <i + 1>"; at scroll position i × 56 px it is the top row. */
const virtualStep = (what: string, to: number | 'end', topNo: number): ScrollStep => ({
  what,
  scroller: INNER,
  to,
  // At the end, the last product is rendered; it may sit just below a short window's edge
  // (Firefox's headless window is 600 px high), so it need not count as in view.
  done: (f) => (to === 'end' ? allItems(f) : inView(f)).some((i) => new RegExp(`no\\. ${topNo}$`).test(i.name)),
});
const windowEnd = (last: string): ScrollStep => ({
  what: 'window scrolled to the end',
  scroller: 'window',
  to: 'end',
  done: (f) => inView(f).some((i) => i.name === last),
});

export const SHAPES: ShapeCase[] = [
  {
    file: 'portal/products-cards.html',
    list: INNER,
    steps: [
      // The second page arrives below the view; the next scroll to the end shows it (and loads the third).
      cardsStep('infinite scroll: page 2', 48, 0),
      cardsStep('infinite scroll: page 3', 72, 40),
      cardsStep('infinite scroll: page 4', 96, 64),
      cardsStep('inner container at its end', 96, 88),
    ],
  },
  { file: 'portal/products-dl.html', list: 'main ul', steps: [windowEnd('Fußmatte Kokos 60 × 40 cm')] },
  { file: 'portal/products-mfe.html', list: 'main iframe', steps: [windowEnd('Sitzbank Flur Eiche')] },
  {
    file: 'portal/products-virtual-en.html',
    locale: 'en-US',
    list: INNER,
    steps: [
      virtualStep('recycled: row 41 on top', 56 * 40, 41),
      virtualStep('recycled: three rows further', 56 * 43 + 20, 44),
      virtualStep('recycled: row 301 on top', 56 * 300, 301),
      virtualStep('recycled: end of the list', 'end', 600),
      virtualStep('recycled: back to the top', 0, 1),
    ],
  },
];

/** What a spec gives the scenario: its browser's way to reach the tab. */
export interface Tab {
  /** `auditItems` in every frame of the tab (top first). */
  audit: () => Promise<FrameAudit[]>;
  scroll: (scroller: string, to: ScrollStep['to']) => Promise<void>;
  /** `aria-checked` of a step in the top document's checklist. */
  step: (id: string) => Promise<string | null>;
}

/** Scrolls the window or an inner container (serialised into the page). */
function scrollPage([scroller, to]: [string, number | 'end' | 'into-view']): void {
  const el = scroller === 'window' ? document.scrollingElement! : document.querySelector(scroller)!;
  if (to === 'into-view') el.scrollIntoView({ block: 'start' });
  else el.scrollTop = to === 'end' ? el.scrollHeight : to;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A Playwright or puppeteer-core page or frame (both evaluate a function with one argument). */
interface Evaluates {
  evaluate: (fn: (arg: any) => any, arg?: any) => Promise<any>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The Tab of a Playwright or puppeteer-core page: audits every frame (frames being detached are skipped). */
export function tabOf(page: Evaluates & { frames: () => Evaluates[] }): Tab {
  return {
    audit: async () =>
      (await Promise.all(page.frames().map((f) => (f.evaluate(auditItems) as Promise<FrameAudit>).catch(() => null)))).filter(
        (x): x is FrameAudit => x !== null,
      ),
    scroll: async (scroller, to) => {
      await page.evaluate(scrollPage, [scroller, to]);
    },
    step: (id) => page.evaluate(panelStep, id) as Promise<string | null>,
  };
}

/** Waits until `done` holds and nothing is wrong (itemProblems); fails naming what is still wrong. */
async function settle(tab: Tab, file: string, what: string, done: (f: FrameAudit[]) => boolean): Promise<FrameAudit[]> {
  let last: FrameAudit[] = [];
  try {
    return await pollUntil(
      async () => (last = await tab.audit()),
      (f) => done(f) && itemProblems(f).length === 0,
      what,
      10_000,
    );
  } catch {
    const problems = itemProblems(last);
    const items = allItems(last);
    throw new Error(
      `${file}, ${what}: ${done(last) ? '' : 'the page did not get there; '}${items.length} items, in view: ${items.filter((i) => i.visible).map((i) => i.name).join(', ') || 'none'}` +
        (problems.length ? `; still wrong: ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? ` … (${problems.length})` : ''}` : ''),
    );
  }
}

/**
 * The issue's acceptance on one shape: one checklist per tab, in the top document; every
 * restricted product in view has exactly one control linking it, at load and after each scroll
 * (infinite scroll, recycling); product-with-stock ticks where stock > 0 is shown and stays open
 * where no stock is shown.
 */
export async function checkShape(c: ShapeCase, tab: Tab): Promise<void> {
  const expected = EXPECTED[c.file]!;
  const atLoad = await settle(tab, c.file, 'after load', (f) => allItems(f).length === expected.items);
  // The fixture shows what expected.ts says (a check of the fixture and of this probe).
  expect(allItems(atLoad).filter(isRestricted).length, `${c.file}: restricted items`).toBe(expected.statuses.restricted);
  expect(atLoad.find((f) => f.top)!.checklists, `${c.file}: checklists in the top document`).toBe(1);

  // The merchant scrolls to the list (a docked checklist may push it below the fold), then on.
  const steps: ScrollStep[] = [{ what: 'list scrolled into view', scroller: c.list, to: 'into-view', done: () => true }, ...c.steps];
  for (const s of steps) {
    await tab.scroll(s.scroller, s.to);
    // Never judged vacuously: a restricted product is in view.
    await settle(tab, c.file, s.what, (f) => s.done(f) && inView(f).some(isRestricted));
  }

  if (expected.withStock) {
    await pollUntil(() => tab.step('product-with-stock'), (v) => v === 'true', `${c.file}: product-with-stock ticked`);
  } else {
    await pollUntil(() => tab.step('registered'), (v) => v === 'true', `${c.file}: registered ticked`);
    await new Promise((r) => setTimeout(r, 1500)); // proves absence: without stock information the step must not tick later
    expect(await tab.step('product-with-stock'), `${c.file}: product-with-stock without stock information`).toBe('false');
  }
}
