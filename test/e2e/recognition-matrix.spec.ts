import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, inlineFixture, type FixtureMap } from '../support/fixtures';
import { classBlind, classBlindSeed } from '../support/class-blind';
import { EXPECTED, type FixtureExpectation } from '../fixtures/expected';
import type { RecognitionCounts } from '../../lib/otto/recognise';

/**
 * The recognition matrix (issue #15, items 4 and 7): every fixture in EXPECTED, served at its
 * real URL to the built extension in Chromium, and its class-blind copy (every class and id
 * renamed, test/support/class-blind.ts). What the extension recognises is read from its own
 * diagnostics answer (the popup's `diagnostics/get`, counted in the page's UI chunk) once the
 * page and the extension have settled. The original must match EXPECTED; the copy must match the
 * original. One table row per fixture and variant names any regression; the test fails listing
 * every mismatch. Fixtures added to EXPECTED join the table by themselves.
 * `LGA_CLASS_BLIND_SEED` repeats a run's copies; `LGA_MATRIX_ONLY=products-late` runs a part.
 */

type Variant = 'original' | 'class-blind';

interface Row {
  file: string;
  variant: Variant;
  /** What the extension recognised; `null` when it never answered with a recognition. */
  got: RecognitionCounts | null;
  /** What it should have recognised: EXPECTED for the original, the original's result for the copy. */
  want: RecognitionCounts | null;
  /** Why the reading is not to be trusted (did not settle, the copy renders differently, …). */
  notes: string[];
}

/** Main-world probe, before any page script: pending short timers and the time of the last DOM change. */
const QUIET_PROBE = `(() => {
  const live = new Set();
  const set = window.setTimeout, clear = window.clearTimeout;
  window.setTimeout = function (fn, ms, ...args) {
    if (typeof fn !== 'function' || Number(ms) > 10000) return set.call(this, fn, ms, ...args);
    const id = set.call(this, (...a) => { live.delete(id); fn(...a); }, ms, ...args);
    live.add(id);
    return id;
  };
  window.clearTimeout = function (id) { live.delete(id); return clear.call(this, id); };
  let last = performance.now();
  new MutationObserver(() => { last = performance.now(); }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  Object.defineProperty(window, '__lgaMatrixQuiet', { value: () => ({ timers: live.size, idle: performance.now() - last, ready: document.readyState }) });
})();`;

/**
 * How the page renders, element by element (open shadow roots included, our hosts and anything
 * named lga-* left out): tag, own text and the styles the page's CSS decides. A class-blind copy
 * whose styling or scripts broke shows here, apart from what recognition found.
 */
function pageShape(): string[] {
  const out: string[] = [];
  const walk = (node: ParentNode) => {
    for (const el of Array.from(node.children)) {
      if (el.tagName.startsWith('LGA-') || el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
      const cs = getComputedStyle(el);
      const text = Array.from(el.childNodes)
        .filter((n) => n.nodeType === 3)
        .map((n) => n.nodeValue ?? '')
        .join('')
        .trim();
      out.push([el.tagName, cs.display, cs.visibility, cs.position, cs.color, cs.backgroundColor, cs.fontWeight, text.slice(0, 40)].join('|'));
      if (el.shadowRoot) walk(el.shadowRoot);
      walk(el);
    }
  };
  walk(document);
  return out;
}

const SETTLE_TIMEOUT = 20_000;

/** Recognition counts once the page's scripts are done and two reads 300 ms apart agree. */
async function settledRecognition(page: Page, ask: () => Promise<RecognitionCounts | null>, notes: string[]): Promise<RecognitionCounts | null> {
  const end = Date.now() + SETTLE_TIMEOUT;
  let prev: string | undefined;
  let last: RecognitionCounts | null = null;
  while (Date.now() < end) {
    const quiet = await page.evaluate(() => (window as unknown as { __lgaMatrixQuiet?: () => { timers: number; idle: number; ready: string } }).__lgaMatrixQuiet?.()).catch(() => undefined);
    last = await ask();
    const now = last ? JSON.stringify(normalised(last)) : undefined;
    const pageDone = !!quiet && quiet.ready === 'complete' && quiet.timers === 0 && quiet.idle >= 400;
    if (pageDone && now !== undefined && now === prev) return last;
    prev = now;
    await page.waitForTimeout(300); // the interval of a poll for "settled" (two equal answers on a quiet page)
  }
  notes.push(`did not settle within ${SETTLE_TIMEOUT / 1000} s`);
  return last;
}

/** Counts without zero entries, keys sorted: comparable as JSON. */
function normalised(c: RecognitionCounts): RecognitionCounts {
  const clean = <T extends Record<string, number | undefined>>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => !!v).sort(([a], [b]) => a.localeCompare(b))) as T;
  return { items: c.items, statuses: clean(c.statuses), withStock: c.withStock ?? null, contacts: clean(c.contacts) };
}

/** The route table of one fixture and variant: the page at its URL, its extra routes; copies served from memory. */
function routesOf(file: string, e: FixtureExpectation, variant: Variant, seed: string): Record<string, FixtureMap> {
  const serveAs = (f: string) => (variant === 'original' || !f.endsWith('.html') ? f : inlineFixture(classBlind(readFileSync(join(FIXTURE_DIR, f), 'utf8'), seed).html));
  const u = new URL(e.url);
  const routes: Record<string, FixtureMap> = {};
  for (const [host, map] of Object.entries(e.routes ?? {})) routes[host] = Object.fromEntries(Object.entries(map).map(([path, f]) => [path, serveAs(f)]));
  routes[u.host] = { ...routes[u.host], [u.pathname]: serveAs(file) };
  return routes;
}

// ---- table ---------------------------------------------------------------------------------

const list = (o: Record<string, number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => !!v)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '–';
const stock = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(n));

/** The fields that differ between `got` and `want`, in words. */
function mismatches(r: Row): string[] {
  const where = `${r.file} (${r.variant})`;
  const out = r.notes.map((n) => `${where}: ${n}`);
  if (!r.want) return out; // the original gave nothing to compare the copy with (reported there)
  if (!r.got) return [...out, `${where}: no recognition in the diagnostics answer`];
  const g = normalised(r.got);
  const w = normalised(r.want);
  const against = r.variant === 'original' ? 'expected' : 'original';
  if (g.items !== w.items) out.push(`${where}: items ${g.items}, ${against} ${w.items}`);
  if (list(g.statuses) !== list(w.statuses)) out.push(`${where}: statuses ${list(g.statuses)}; ${against} ${list(w.statuses)}`);
  if (g.withStock !== w.withStock) out.push(`${where}: with stock ${stock(g.withStock)}, ${against} ${stock(w.withStock)}`);
  if (list(g.contacts) !== list(w.contacts)) out.push(`${where}: contacts ${list(g.contacts)}; ${against} ${list(w.contacts)}`);
  return out;
}

function table(rows: Row[]): string {
  const cells = rows.map((r, i) => {
    const g = r.got ? normalised(r.got) : null;
    const w = r.want ? normalised(r.want) : null;
    const pair = (a: string, b: string) => (a === b ? a : `${a} (want ${b})`);
    return [
      i > 0 && rows[i - 1]!.file === r.file ? '' : r.file,
      r.variant,
      `${g ? g.items : '?'}/${w ? w.items : '?'}`,
      g && w ? pair(list(g.statuses), list(w.statuses)) : g ? list(g.statuses) : '?',
      `${g ? stock(g.withStock) : '?'}/${w ? stock(w.withStock) : '?'}`,
      g && w ? pair(list(g.contacts), list(w.contacts)) : g ? list(g.contacts) : '?',
      mismatches(r).length ? '✗' : '✓',
    ];
  });
  const head = ['fixture', 'variant', 'items found/want', 'statuses', 'stock found/want', 'contacts', 'ok'];
  const widths = head.map((h, k) => Math.max(h.length, ...cells.map((c) => c[k]!.length)));
  const line = (c: string[]) => c.map((x, k) => x.padEnd(widths[k]!)).join(' | ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

// ---- the test ------------------------------------------------------------------------------

test('recognition matrix: every fixture in EXPECTED and its class-blind copy', async ({ chromium }, testInfo) => {
  // LGA_MATRIX_ONLY=<part of a file name> runs a part of the table (while working on one fixture).
  const only = process.env.LGA_MATRIX_ONLY;
  const files = Object.keys(EXPECTED).filter((f) => !only || f.includes(only));
  test.setTimeout(60_000 + files.length * 2 * (SETTLE_TIMEOUT + 5_000));
  const seed = classBlindSeed();
  const b = await chromium();
  await b.context.addInitScript(QUIET_PROBE);
  const popup = await b.popup();
  // Without the "tabs" permission tabs carry no URL: ask every tab's top frame; one OTTO tab is open at a time.
  const ask = async (): Promise<RecognitionCounts | null> => {
    const replies = await popup.evaluate(async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const c = (globalThis as any).chrome;
      const tabs: Array<{ id: number }> = await c.tabs.query({});
      return Promise.all(tabs.map((t) => c.tabs.sendMessage(t.id, { type: 'diagnostics/get' }, { frameId: 0 }).catch(() => null)));
    });
    const answer = replies.find((r: { ok?: boolean; data?: { recognition?: RecognitionCounts } } | null) => r?.ok && r.data?.recognition);
    return answer ? (answer.data.recognition as RecognitionCounts) : null;
  };

  const rows: Row[] = [];
  for (const file of files) {
    const e = EXPECTED[file]!;
    let original: { got: RecognitionCounts | null; shape: string[] } | null = null;
    for (const variant of ['original', 'class-blind'] as const) {
      const notes: string[] = [];
      let got: RecognitionCounts | null = null;
      let shape: string[] = [];
      // A fixture that breaks (a page error, a crash) is one row of the table, not the end of it.
      try {
        const page = await b.openOtto(e.url, routesOf(file, e, variant, seed));
        try {
          got = await settledRecognition(page, ask, notes);
          shape = await page.evaluate(pageShape);
        } finally {
          await page.close();
        }
      } catch (err) {
        notes.push(`failed: ${(err as Error).message.split('\n')[0]}`);
      }
      if (variant === 'original') {
        original = { got, shape };
        rows.push({ file, variant, got, want: { items: e.items, statuses: e.statuses, withStock: e.withStock, contacts: e.contacts }, notes });
      } else {
        const diff = shape.findIndex((s, i) => s !== original!.shape[i]);
        if (diff >= 0 || shape.length !== original!.shape.length) {
          const at = diff >= 0 ? diff : Math.min(shape.length, original!.shape.length);
          notes.push(`the copy renders differently from the original (element ${at}: ${shape[at] ?? 'missing'} ≠ ${original!.shape[at] ?? 'missing'}): a class-blind tool bug, not recognition`);
        }
        rows.push({ file, variant, got, want: original!.got, notes });
      }
    }
  }

  const out = [`Recognition matrix — ${files.length} fixtures; class-blind seed ${seed} (LGA_CLASS_BLIND_SEED=${seed} repeats the copies)`, table(rows)];
  const problems = rows.flatMap(mismatches);
  if (problems.length) out.push('', `Mismatches (${problems.length}):`, ...problems.map((p) => `- ${p}`));
  const text = out.join('\n');
  console.log(`\n${text}\n`);
  await testInfo.attach('recognition-matrix.txt', { body: text, contentType: 'text/plain' });
  expect(problems, text).toEqual([]);
});
