import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { SERVED_HOSTS, serve, withFixtures } from '../support/fixtures';
import { collectNeedles, leaksIn, type Needles } from '../support/privacy-needles';
import { fixtureFromReport } from '../support/fixture-from-report';
import { askTab, extensionPage, portalFixtures, settledRecognition, structureOf } from '../support/structure-e2e';
import type { StructureReport } from '../../lib/diagnostics/structure';

/**
 * The page-structure report in real Chromium with the built extension, for every product and
 * order fixture (test/fixtures/portal), rendered by its own scripts:
 * - privacy: asked for exactly as the popup asks, the report contains none of the rendered
 *   page's texts and attribute values (shadow roots and frames included);
 * - round trip: the report turned into a fixture (test/support/fixture-from-report.ts, what
 *   `npm run fixture:from-report` writes) and served at the same URL is recognised like the
 *   original: the same items, statuses, stock evidence and contact values by kind.
 * One browser for all fixtures (launching one per fixture would cost a minute; so this file launches
 * it in beforeAll instead of using the per-test fixture); the extension
 * page sends the requests to the active tab, as the popup does.
 */
let b: ExtensionBrowser;
let ext: Page;
test.beforeAll(async () => {
  b = await launchWithExtension();
  ext = await extensionPage(b);
});
test.afterAll(async () => {
  await b?.close();
});

/** Opens `url` in a new tab with `html` served for its path (and frames), everything else from the fixtures. */
async function openGenerated(url: string, files: Record<string, string>, routes: Parameters<typeof withFixtures>[1]): Promise<Page> {
  const page = await b.context.newPage();
  const all = withFixtures(undefined, routes);
  await page.route((u) => SERVED_HOSTS.includes(u.host), (route) => {
    const u = new URL(route.request().url());
    const own = u.host === new URL(url).host ? files[u.pathname] : undefined;
    if (own !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: own });
    const r = serve(route.request().url(), all);
    return route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
  });
  await page.goto(url);
  return page;
}

/** Report and settled recognition of the tab: the structure request also loads the page's UI chunk. */
async function reportAndCounts(page: Page) {
  await askTab(ext, page, 'diagnostics/structure');
  const counts = await settledRecognition(ext, page, { minWait: 2000 });
  const report = await structureOf(ext, page);
  return { counts, report };
}

const rows: string[] = [];
test.afterAll(() => {
  // The matrix of the round trip, one line per fixture (shown in the test output).
  console.log(`page-structure round trip (items / statuses / withStock / contacts):\n${rows.join('\n')}`);
});

for (const fx of portalFixtures()) {
  test(`page-structure report of ${fx.file}: none of the page's data; its fixture is recognised like the original`, async () => {
    // Big pages (hostile-products' 100,000-character names, products-2000) take their time.
    test.setTimeout(150_000);
    const page = await b.openOtto(fx.url, fx.routes);
    const { counts, report } = await reportAndCounts(page);

    await test.step('privacy', async () => {
      expect(report.format).toBe('livegang-page-structure/1');
      expect(report.cut).toEqual({ nodes: false, depth: false });
      const needles = await page.evaluate(collectNeedles as () => Needles);
      expect(needles.values.length).toBeGreaterThan(0);
      if (process.env.LGA_DUMP) writeFileSync(`${process.env.LGA_DUMP}/${fx.file.replace('/', '_')}.json`, JSON.stringify({ report, needles }, null, 1));
      expect(leaksIn(report, needles), 'texts or values of the page found in its report').toEqual([]);
      // The header holds enums and the day only; the page's address is never written.
      expect(JSON.stringify(report)).not.toContain(fx.url);
      expect(report.browser).toMatch(/^Chrome \d+$/);
      expect(report.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    await test.step('round trip', async () => {
      const name = fx.file.replace(/^portal\//, '').replace(/\.html$/, '');
      const generated = fixtureFromReport(report as StructureReport, { name });
      const path = new URL(fx.url).pathname;
      const files: Record<string, string> = { [path]: generated.html };
      for (const f of generated.frames) files[f.path] = f.html;
      const copy = await openGenerated(fx.url, files, fx.routes);
      const again = await reportAndCounts(copy);
      rows.push(`${fx.file}: original ${JSON.stringify(counts)} | from report ${JSON.stringify(again.counts)}`);
      expect(again.counts, `${fx.file}: recognition of the fixture made from its report`).toEqual(counts);
      // The generated page has the same structure: same number of elements, shadow roots, frames, links.
      expect(again.report.counts).toMatchObject({ shadowRoots: report.counts.shadowRoots, frames: report.counts.frames, links: report.counts.links, emails: report.counts.emails, phones: report.counts.phones });
      await copy.close();
    });
    await page.close();
  });
}

test('frames: a same-origin frame is walked, a cross-origin one only marked; the fixture gets the frame as a file of its own', async () => {
  const url = 'https://portal.otto.market/products/#productoverview';
  const main = `<!doctype html><html lang="de"><head><title>Produkte</title></head><body><header><a href="/oauth2/sign_out">Abmelden</a></header>
    <main><h1>Produktübersicht</h1>
    <iframe id="mfe" src="/lga-test/list.html" title="Produktliste"></iframe>
    <iframe id="shop" src="https://www.otto.de/" title="Shop"></iframe>
    <b2b-card><template shadowrootmode="open"><p>Lieferant Schraubenwerk Nord</p></template></b2b-card></main></body></html>`;
  const frame = `<!doctype html><html><body><table aria-label="Produkte"><thead><tr><th>Produkt</th><th>Status</th><th>Bestand</th></tr></thead><tbody>
    <tr><td><a href="https://www.otto.de/p/kletterrose-ramblerrose-4711/">Kletterrose Ramblerrose</a></td><td><span class="obc_label">Sichtbarkeit eingeschränkt</span></td><td>12</td></tr>
    </tbody></table></body></html>`;
  const page = await openGenerated(url, { '/products/': main, '/lga-test/list.html': frame }, {});
  await page.frameLocator('#mfe').locator('table').waitFor();
  const { counts, report } = await reportAndCounts(page);
  expect(report.counts).toMatchObject({ frames: 2, crossOriginFrames: 1, shadowRoots: 1 });
  const json = JSON.stringify(report);
  expect(json).toContain('"access":"cross-origin"');
  expect(json).toContain('{status:restricted}');
  expect(json).toContain('{=https:}//{=www.otto.de}/{=p}/{masked}');
  for (const value of ['Kletterrose', 'Ramblerrose', 'Schraubenwerk', '4711']) expect(json).not.toContain(value);

  const generated = fixtureFromReport(report, { name: 'frames' });
  expect(generated.frames.map((f) => f.path)).toEqual(['/lga-frames/frames.frame-1.html']);
  expect(generated.html).toContain('<iframe id="mfe" src="/lga-frames/frames.frame-1.html"');
  expect(generated.html).toContain('<template shadowrootmode="open">');
  const copy = await openGenerated(url, { '/products/': generated.html, [generated.frames[0]!.path]: generated.frames[0]!.html }, {});
  await copy.frameLocator('#mfe').locator('table').waitFor();
  // The frame's own markup (light DOM only: our controls beside the link live in shadow roots).
  const inFrame = copy.frames().find((f) => f.url().endsWith(generated.frames[0]!.path))!;
  expect(await inFrame.evaluate(() => document.querySelectorAll('a[href^="https://www.otto.de/p/"]').length)).toBe(1);
  expect(await inFrame.evaluate(() => document.querySelector('.obc_label')?.textContent)).toBe('Sichtbarkeit eingeschränkt');
  const again = await reportAndCounts(copy);
  expect(again.report.counts).toMatchObject({ frames: 2, crossOriginFrames: 1, shadowRoots: 1, links: report.counts.links });
  // The product in the frame is recognised on the copy as on the original.
  expect(again.counts).toEqual(counts);
  rows.push(`frames (inline test page): original ${JSON.stringify(counts)} | from report ${JSON.stringify(again.counts)}`);
  await copy.close();
  await page.close();
});
