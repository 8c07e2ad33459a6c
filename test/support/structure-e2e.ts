import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './chromium';
import { FIXTURE_DIR, type FixtureMap } from './fixtures';
import { EXPECTED } from '../fixtures/expected';
import type { StructureReport } from '../../lib/diagnostics/structure';
import type { RecognitionCounts } from '../../lib/otto/recognise';

/** A product or order fixture of test/fixtures/portal and the real URL it is served at. */
export interface PortalFixture {
  file: string;
  url: string;
  routes: Record<string, FixtureMap>;
}

/**
 * Every fixture in test/fixtures/portal: its URL from the expectations table
 * (test/fixtures/expected.ts) when it has an entry, else from the "Stands for:" line every
 * fixture carries at its top (the first URL there).
 */
export function portalFixtures(): PortalFixture[] {
  // Documents another fixture frames (its routes) are tested inside that page, not on their own.
  const framed = new Set(Object.values(EXPECTED).flatMap((e) => Object.values(e.routes ?? {}).flatMap((m) => Object.values(m))));
  return readdirSync(`${FIXTURE_DIR}/portal`)
    .filter((f) => f.endsWith('.html') && !framed.has(`portal/${f}`))
    .sort()
    .map((name) => {
      const file = `portal/${name}`;
      const expected = EXPECTED[file];
      const standsFor = /Stands for:\s*(https:\/\/[^\s,(]+)/.exec(readFileSync(`${FIXTURE_DIR}/${file}`, 'utf8'))?.[1];
      const url = expected?.url ?? standsFor;
      if (!url) throw new Error(`${file}: no URL (neither in EXPECTED nor a "Stands for:" line)`);
      const u = new URL(url);
      const routes: Record<string, FixtureMap> = { ...(expected?.routes ?? {}) };
      routes[u.host] = { ...routes[u.host], [u.pathname]: file };
      return { file, url, routes };
    });
}

/** The extension page the tests send from, as the popup does (`tabs.sendMessage` to the top frame). */
export async function extensionPage(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  return page;
}

/**
 * Sends `type` to the top frame of `page`'s tab from the extension page, as the popup does for
 * the active tab (extension pages cannot read OTTO tabs' URLs without the `tabs` permission, so
 * the tab is found by bringing it to the front).
 */
export async function askTab<T>(ext: Page, page: Page, type: string): Promise<{ ok?: boolean; data?: T; error?: string } | null> {
  await page.bringToFront();
  return ext.evaluate(async (type) => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    const [tab] = (await c.tabs.query({ active: true, lastFocusedWindow: true })) as Array<{ id: number }>;
    if (!tab) return null;
    return c.tabs.sendMessage(tab.id, { type }, { frameId: 0 }).catch((e: Error) => ({ ok: false, error: String(e?.message ?? e) }));
  }, type);
}

/** The page-structure report of `page`'s tab, asked for exactly as the popup does. */
export async function structureOf(ext: Page, page: Page): Promise<StructureReport> {
  const reply = await askTab<StructureReport>(ext, page, 'diagnostics/structure');
  if (!reply?.ok || !reply.data) throw new Error(`no structure report for ${page.url()}: ${JSON.stringify(reply)}`);
  return reply.data;
}

/** Recognition counts of the tab once they stop changing (rendering scripts, late lists). */
export async function settledRecognition(ext: Page, page: Page, opts: { minWait?: number; timeout?: number } = {}): Promise<RecognitionCounts | undefined> {
  const started = Date.now();
  let last = '';
  let same = 0;
  let counts: RecognitionCounts | undefined;
  while (Date.now() - started < (opts.timeout ?? 8000)) {
    const reply = await askTab<{ recognition?: RecognitionCounts }>(ext, page, 'diagnostics/get');
    counts = reply?.data?.recognition;
    const now = JSON.stringify(counts ?? null);
    same = now === last && counts ? same + 1 : 0;
    last = now;
    if (same >= 2 && Date.now() - started >= (opts.minWait ?? 0)) return counts;
    await page.waitForTimeout(400); // the interval of a poll for "settled" (three equal answers)
  }
  return counts;
}
