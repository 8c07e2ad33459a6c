import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { rowsInView } from '../support/rows-in-view';
import type { ExtensionBrowser } from '../support/chromium';
import { auditDeeplinks, panelStep, type DeeplinkAudit } from '../support/audit';

/**
 * Deeplink controls and the automatic steps in real Chromium, on every fixture variant of the
 * product overview (test/fixtures/portal/products-*.html), the product page, the order list and
 * an in-app navigation between them.
 */
const OVERVIEW = 'https://portal.otto.market/products/#productoverview';
const at = (file: string) => ({ 'portal.otto.market': { '/products/': `portal/${file}` } });

const audit = (page: Page) => page.evaluate(auditDeeplinks);

/** Every row with a safe link has exactly one control with that very link; others none. */
function expectOnePerRow(a: DeeplinkAudit, safe = (href: string) => href.startsWith('https://www.otto.de/')) {
  for (const row of a.rows) {
    if (safe(row.href)) {
      expect(row.controls, row.name).toBe(1);
      expect(row.controlHref, row.name).toBe(new URL(row.href).href);
      expect(row.controlTarget).toBe('_blank');
    } else {
      expect(row.controls, row.name).toBe(0);
    }
  }
  expect(a.hosts).toBe(a.rows.filter((r) => safe(r.href)).length);
  expect(a.checklists).toBe(1);
  expect(a.pwned).toBe(false);
}

/**
 * Polls until every row is decorated correctly (the page and our frame batching settle) and
 * `also` holds; returns that very audit (a later one could catch the page mid-update).
 */
async function settled(page: Page, rows: number, also: (a: DeeplinkAudit) => boolean = () => true) {
  let good: DeeplinkAudit | null = null;
  await expect
    .poll(async () => {
      const a = await audit(page);
      const shop = a.rows.filter((r) => r.href.startsWith('https://www.otto.de/'));
      const ok = a.rows.length === rows && shop.every((r) => r.controls === 1 && r.controlHref === new URL(r.href).href) && a.hosts === shop.length && also(a);
      if (ok) good = a;
      return ok;
    }, { timeout: 10_000 })
    .toBe(true);
  return good!;
}

test('every fixture variant: one panel, one control per row with the right link and status, names stay text', async ({ chromium }) => {
  const cases: Array<{ file: string; rows: number; status: string[] }> = [
    { file: 'products-overview.html', rows: 3, status: ['restricted', 'restricted', 'restricted'] },
    { file: 'products-shadow.html', rows: 4, status: ['restricted', 'restricted', 'pending', 'rejected'] },
    { file: 'products-english.html', rows: 7, status: ['restricted', 'online', 'pending', 'rejected', 'restricted'] },
    { file: 'products-late.html', rows: 2, status: ['restricted', 'restricted'] },
  ];
  for (const c of cases) {
    const b = await chromium({ fixtures: at(c.file) });
    const page = await b.openOtto(OVERVIEW);
    const a = await settled(page, c.rows);
    expectOnePerRow(a);
    expect(a.rows.filter((r) => r.controls).map((r) => r.status), c.file).toEqual(c.status);
    // Restricted products get the emphasised control.
    const weights = await page.locator('lga-deeplink a.open').evaluateAll((links) => links.map((a) => getComputedStyle(a).fontWeight));
    expect(weights, c.file).toEqual(c.status.map((s) => (s === 'restricted' ? '600' : '400')));
    // The panel is docked above the list (in the light DOM, before the list or its host).
    await expect(page.locator('lga-checklist')).toHaveCount(1);
    await b.close();
  }
  // Names with markup: shown as text in the accessible name, never run (overview + shadow fixture).
  for (const file of ['products-overview.html', 'products-shadow.html']) {
    const b = await chromium({ fixtures: at(file) });
    const page = await b.openOtto(OVERVIEW);
    const a = await settled(page, file === 'products-overview.html' ? 3 : 4);
    expect(a.rows[1]!.label).toContain('<img src=x onerror="window.__lgaPwned=1">');
    await page.waitForTimeout(300); // proves absence: markup that ran would have set the flag by now
    expect(await page.evaluate(() => (window as unknown as { __lgaPwned?: unknown }).__lgaPwned ?? null)).toBeNull();
    await b.close();
  }
});

test('re-render, sort, paging (with and without URL change), filter, load more, recycled rows, replaced table', async ({ chromium }) => {
  const b = await chromium({ fixtures: at('products-paging.html') });
  const page = await b.openOtto(OVERVIEW);
  expectOnePerRow(await settled(page, 3));
  const step = async (button: string, rows: number, first?: string) => {
    await page.locator(`#${button}`).click();
    const a = await settled(page, rows);
    expectOnePerRow(a);
    if (first) expect(a.rows[0]!.name, button).toBe(first);
    return a;
  };
  await step('rerender', 3, 'Tisch Akazie');
  await step('sort', 3, 'Bank Akazie');
  await step('next', 3, 'Kissen Leinen');
  expect(page.url()).toContain('page=2');
  await step('more', 6);
  await step('filter', 5);
  const recycled = await step('recycle', 3, 'Lampe Messing');
  expect(recycled.rows.map((r) => r.status)).toEqual(['restricted', 'restricted', 'restricted']);
  await step('next-quiet', 3, 'Kissen Leinen');
  await step('remount', 3);
});

test('virtualised grid: controls follow recycled rows while scrolling', async ({ chromium }) => {
  const b = await chromium({ fixtures: at('products-virtual.html') });
  const page = await b.openOtto(OVERVIEW);
  const first = await settled(page, 16);
  expectOnePerRow(first);
  for (const top of [4000, 4040, 20000, 0]) {
    await page.locator('#grid').evaluate((g, y) => g.scrollTo(0, y), top);
    const a = await settled(page, 16, (x) => x.rows.some((r) => r.name === `Artikel ${Math.max(0, top / 40 - 2)}`));
    expectOnePerRow(a);
    // Status follows the recycled badge (every 7th product from index 3 is online).
    for (const r of a.rows) {
      const i = Number(r.name.replace('Artikel ', ''));
      expect(r.status, r.name).toBe(i % 7 === 3 ? 'online' : 'restricted');
    }
  }
});

/**
 * Where each control in view sits: its fit, and whether it stays inside its own cell and row
 * (never covering the page's next cell), plus the list's column widths with and without our
 * hosts (an overlay takes no room: the table keeps its layout).
 */
const geometry = (page: Page) =>
  page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll('#rows tr')).filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    const missing = rows.filter((tr) => !tr.querySelector('lga-deeplink')).length;
    const controls = rows.filter((tr) => tr.querySelector('lga-deeplink')).map((tr) => {
      const host = tr.querySelector('lga-deeplink')!;
      const cell = host.parentElement!.getBoundingClientRect();
      const row = tr.getBoundingClientRect();
      const h = host.getBoundingClientRect();
      return {
        fit: host.getAttribute('data-fit'),
        label: host.shadowRoot!.querySelector('a.open')!.textContent,
        insideCell: h.left >= cell.left - 0.5 && h.right <= cell.right + 0.5,
        insideRow: h.top >= row.top - 0.5 && h.bottom <= row.bottom + 0.5,
        width: h.width,
      };
    });
    const columns = () => Array.from(document.querySelectorAll('thead th')).map((th) => Math.round(th.getBoundingClientRect().width));
    const withHosts = columns();
    // Measured synchronously right after taking our hosts out (we put them back a frame later).
    const hosts = Array.from(document.querySelectorAll('#rows lga-deeplink'));
    const places = hosts.map((hst) => [hst, hst.previousSibling] as const);
    for (const hst of hosts) hst.remove();
    const withoutHosts = columns();
    for (const [hst, prev] of places) prev?.parentNode?.insertBefore(hst, prev.nextSibling);
    return { controls, missing, withHosts, withoutHosts };
  });

/** Waits until every row in view on `page` has its control (and more than a handful are in view). */
const untilRowsInViewDecorated = (page: Page) =>
  expect.poll(async () => {
    const g = await geometry(page);
    return g.missing === 0 && g.controls.length > 5;
  }).toBe(true);

/** The 100-row overview in a new tab of `br`, with `css` added to the page's own styles before it renders. */
async function overviewStyled(br: ExtensionBrowser, css: string): Promise<Page> {
  const page = await br.context.newPage();
  await page.addInitScript((text) =>
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = text;
      document.head.append(style);
    }),
  css);
  await page.goto('https://portal.otto.market/products/?rows=100#productoverview');
  await untilRowsInViewDecorated(page);
  return page;
}

/** A fixed-width name column (400 px) with fixed-width names (160 px): room for the short control only. */
const TIGHT_NAMES =
  'table { table-layout: fixed; } thead th:first-child { width: 400px; } #rows td:first-child a { display: inline-block; width: 160px; overflow: hidden; white-space: nowrap; vertical-align: middle; }';

test('controls float over the free space after the name where it fits, else take room; never cover the next cell', async ({ chromium }) => {
  const b = await chromium({ fixtures: at('products-2000.html') });
  const page = await b.openOtto('https://portal.otto.market/products/?rows=100#productoverview');
  await untilRowsInViewDecorated(page);
  // 1280 px: the controls float, all with the same look, the labels matching it. (With German
  // labels in DejaVu Sans the full ones do not fit after these names: short ones.)
  const laptop = await geometry(page);
  const look = laptop.controls[0]!.fit;
  expect(['compact', 'overlay']).toContain(look);
  const label = look === 'compact' ? '↗ otto.de' : '↗ Auf otto.de öffnen';
  expect(laptop.controls.every((c) => c.fit === look && c.label === label && c.insideCell && c.insideRow && c.width > 60), JSON.stringify(laptop.controls[0])).toBe(true);
  // Floating takes no room: the page's columns are exactly as wide as without our controls.
  expect(laptop.withHosts).toEqual(laptop.withoutHosts);

  // Room for the short labels only, whatever the fonts: a fixed-width name column (400 px) with
  // fixed-width names (160 px) leaves 228 px, less than the full control needs, more than the
  // short one. The controls float with short labels and keep the columns as they were.
  const tight = await overviewStyled(b, TIGHT_NAMES);
  await expect.poll(async () => (await geometry(tight)).controls.every((c) => c.fit === 'compact')).toBe(true);
  const short = await geometry(tight);
  expect(short.controls.every((c) => c.fit === 'compact' && c.label === '↗ otto.de' && c.insideCell && c.insideRow), JSON.stringify(short.controls[0])).toBe(true);
  expect(short.withHosts).toEqual(short.withoutHosts);
  await tight.close();

  // The same list with one name too long for even the short control after it: that row's control
  // takes room in the flow, and the list keeps one look (the short labels) instead of mixing in the
  // full ones.
  const oneLong = await overviewStyled(b, `${TIGHT_NAMES} #rows tr:nth-child(2) td:first-child a { width: 370px; }`);
  await expect.poll(async () => (await geometry(oneLong)).controls[1]?.fit).toBe('inline');
  const mixed = await geometry(oneLong);
  expect(mixed.controls.filter((c) => c.fit === 'compact').length, JSON.stringify(mixed.controls)).toBe(mixed.controls.length - 1);
  expect(mixed.controls.every((c) => c.label === '↗ otto.de' && c.insideCell && c.insideRow), JSON.stringify(mixed.controls)).toBe(true);
  await oneLong.close();

  // A wide window: room for the full labels.
  await page.setViewportSize({ width: 1600, height: 900 });
  await expect.poll(async () => (await geometry(page)).controls.every((c) => c.fit === 'overlay')).toBe(true);
  const wide = await geometry(page);
  expect(wide.controls.every((c) => c.label === '↗ Auf otto.de öffnen' && c.insideCell && c.insideRow), JSON.stringify(wide.controls[0])).toBe(true);
  expect(wide.withHosts).toEqual(wide.withoutHosts);

  // Narrow window: no room after the names, the controls take room in the flow instead, with the
  // short labels (as little room as they can).
  await page.setViewportSize({ width: 480, height: 900 });
  await expect.poll(async () => (await geometry(page)).controls.every((c) => c.fit === 'inline')).toBe(true);
  const narrow = await geometry(page);
  expect(narrow.controls.every((c) => c.label === '↗ otto.de' && c.insideCell && c.insideRow), JSON.stringify(narrow.controls[0])).toBe(true);

  // Back to 1280 px: the same look as at first, floating, still inside their cells.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect.poll(async () => (await geometry(page)).controls.every((c) => c.fit === look && c.insideCell)).toBe(true);

  // A name cell that lays out as a flex container: an overlay would sit at the cell's start, over
  // the name. The controls take room after the name instead.
  const flex = await overviewStyled(b, '#rows td:first-child { display: flex; align-items: center; }');
  const covered = await flex.evaluate(() =>
    Array.from(document.querySelectorAll('#rows lga-deeplink')).filter((h) => {
      const link = h.previousElementSibling!.getBoundingClientRect();
      return h.getBoundingClientRect().left < link.right - 1;
    }).length,
  );
  expect(covered).toBe(0);
  expect((await geometry(flex)).controls.every((c) => c.fit === 'inline' && c.insideRow)).toBe(true);
});

test('at start, every row the merchant can see has its control, also one cut off at the window edge', async ({ chromium }) => {
  const b = await chromium({ fixtures: at('products-2000.html') });
  // Window heights a few px apart: the last visible row is cut at a different place each time
  // (sometimes above its link, which is what a row's visibility must not depend on).
  for (let height = 880; height <= 910; height += 3) {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1280, height });
    await page.goto('https://portal.otto.market/products/?rows=100#productoverview');
    const state = () => page.evaluate(rowsInView);
    await expect.poll(async () => (await state()).ok, { message: `window height ${height}` }).toBe(true);
    // Only the rows in view (and maybe one more), not the whole list.
    expect((await state()).decorated).toBeLessThan(40);
    await page.close();
  }
});

test('2,000 rows: the rows in view get one control each, more as the merchant scrolls; "load more" too', async ({ chromium }) => {
  const b = await chromium({ fixtures: at('products-2000.html') });
  const page = await b.openOtto(OVERVIEW);
  /** Rows in the viewport, and whether each has exactly one control opening its product; no row anywhere has two. */
  const view = () => page.evaluate(rowsInView);
  await expect.poll(async () => (await view()).linked).toBe(true);
  const start = await view();
  expect(start.rows).toBe(2000);
  // Far-away rows wait: the page is not weighed down with 2,000 controls.
  expect(start.decorated).toBeLessThan(200);
  for (const y of [30_000, 30_600, 1e9]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await expect.poll(async () => (await view()).linked).toBe(true);
  }
  await page.locator('#more').click();
  await page.evaluate(() => window.scrollTo(0, 1e9));
  await expect.poll(async () => {
    const v = await view();
    return v.rows === 2100 && v.linked;
  }).toBe(true);
  const last = await page.evaluate(() => document.querySelector('#rows tr:last-child lga-deeplink')?.shadowRoot?.querySelector<HTMLAnchorElement>('a.open')?.href);
  expect(last).toContain('produkt-2099-');
  expect((await view()).doubled).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __lgaPwned?: unknown }).__lgaPwned ?? null)).toBeNull();
});

test('clicking "open" ticks deeplink-opened in the panel, the popup and the badge', async ({ chromium }) => {
  const b = await chromium();
  const page = await b.openOtto(OVERVIEW);
  await settled(page, 3);
  await expect.poll(() => page.evaluate(panelStep, 'registered')).toBe('true');
  await expect.poll(() => b.badge()).toBe('7');
  expect(await page.evaluate(panelStep, 'deeplink-opened')).toBe('false');
  const [shop] = await Promise.all([b.context.waitForEvent('page'), page.locator('lga-deeplink a.open').first().click()]);
  await shop.waitForLoadState();
  expect(shop.url()).toBe('https://www.otto.de/p/gartenstuhl-aus-teak-1234567890/#variationId=1234567891');
  await expect.poll(() => page.evaluate(panelStep, 'deeplink-opened')).toBe('true');
  await expect(page.locator('lga-checklist .detail').filter({ hasText: 'Deeplink über den Livegang-Assistenten geöffnet' })).toHaveCount(1);
  await expect.poll(() => b.badge()).toBe('6');
  const popup = await b.popup();
  await expect(popup.locator('[data-step="deeplink-opened"]')).toHaveAttribute('aria-checked', 'true');
  const stored = (await b.storage('local')).onboarding as { steps: Record<string, { evidence: unknown }> };
  expect(stored.steps['deeplink-opened']!.evidence).toEqual({ code: 'deeplink-control' });
});

test('the portal\'s own product link also ticks deeplink-opened; copy puts the link on the clipboard', async ({ chromium }) => {
  const b = await chromium();
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://portal.otto.market' });
  const page = await b.openOtto(OVERVIEW);
  await settled(page, 3);
  await page.locator('lga-deeplink button.copy').nth(2).click();
  // Short labels at this width; the accessible name stays the full one.
  await expect(page.locator('lga-deeplink button.copy').nth(2)).toHaveText('Kopiert');
  await expect(page.locator('lga-deeplink button.copy').nth(2)).toHaveAttribute('aria-label', /^Link kopiert: /);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://www.otto.de/p/lounge-set-5-tlg-2222222222/');
  // Copying is not opening.
  await page.waitForTimeout(300); // proves absence: a copy that counted as opening would have ticked by now
  expect(await page.evaluate(panelStep, 'deeplink-opened')).toBe('false');

  // A middle click opens the portal's link in a new tab (a plain click would leave OPC).
  await Promise.all([b.context.waitForEvent('page'), page.locator('table a.obc_link').first().click({ button: 'middle' })]);
  await expect.poll(() => page.evaluate(panelStep, 'deeplink-opened')).toBe('true');
  const stored = (await b.storage('local')).onboarding as { steps: Record<string, { evidence: unknown }> };
  expect(stored.steps['deeplink-opened']!.evidence).toEqual({ code: 'deeplink-portal-link' });
});

test('product-with-stock ticks on a list with stock and stays open without stock data; live from an online product; a first visit\'s proofs in one message', async ({ chromium }) => {
  let b = await chromium();
  const plain = await b.openOtto(OVERVIEW);
  await settled(plain, 3);
  await expect.poll(() => plain.evaluate(panelStep, 'registered')).toBe('true');
  await plain.waitForTimeout(1500); // proves absence: without stock data the step must not tick later
  expect(await plain.evaluate(panelStep, 'product-with-stock')).toBe('false');
  expect(await plain.evaluate(panelStep, 'live')).toBe('false');
  await plain.close();

  await b.close();
  b = await chromium({ fixtures: at('products-english.html'), locale: 'en-US' });
  // Issue 16: a first visit's automatic steps reach the background as one message (one write).
  const worker = await b.worker();
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __evidence: unknown[]; chrome: { runtime: { onMessage: { addListener: (f: (m: { type?: string }) => void) => void } } } };
    g.__evidence = [];
    g.chrome.runtime.onMessage.addListener((m) => void (m?.type === 'evidence' && g.__evidence.push(m)));
  });
  const en = await b.openOtto(OVERVIEW);
  await expect.poll(() => en.evaluate(panelStep, 'product-with-stock')).toBe('true');
  await expect.poll(() => en.evaluate(panelStep, 'live')).toBe('true');
  expect(await worker.evaluate(() => (globalThis as unknown as { __evidence: unknown[] }).__evidence)).toEqual([
    { type: 'evidence', code: 'portal-seen', also: [{ code: 'products-with-stock', count: 4 }, { code: 'products-online', count: 1 }] },
  ]);
  const steps = ((await b.storage('local')).onboarding as { steps: Record<string, { evidence: unknown; how: string }> }).steps;
  // Only real products count: the rows linking a lookalike host or a script are no products.
  expect(steps['product-with-stock']).toMatchObject({ how: 'auto', evidence: { code: 'products-with-stock', count: 4 } });
  expect(steps.live).toMatchObject({ how: 'auto', evidence: { code: 'products-online', count: 1 } });
  // English UI: the control speaks English too.
  await expect(en.locator('lga-deeplink a.open').first()).toContainText('Open on otto.de');
});

test('test-order ticks from the order list while not live, and not once live', async ({ chromium }) => {
  const orders = { 'portal.otto.market': { '/orders': 'portal/orders-list-simple.html' } };
  const b = await chromium({ fixtures: orders });
  const popup = await b.popup();
  await popup.locator('[data-step="live"]').click();
  await expect(popup.locator('[data-step="live"]')).toHaveAttribute('aria-checked', 'true');
  const page = await b.openOtto('https://portal.otto.market/orders');
  await expect.poll(async () => ((await b.storage('local')).onboarding as { steps: Record<string, { done: boolean }> }).steps.registered!.done).toBe(true);
  await page.waitForTimeout(1500); // proves absence: the orders page alone must not tick the test order
  expect(((await b.storage('local')).onboarding as { steps: Record<string, { done: boolean }> }).steps['test-order']!.done).toBe(false);

  await popup.locator('[data-step="live"]').click();
  await expect(popup.locator('[data-step="live"]')).toHaveAttribute('aria-checked', 'false');
  await page.reload();
  await expect(popup.locator('[data-step="test-order"]')).toHaveAttribute('aria-checked', 'true');
  const steps = ((await b.storage('local')).onboarding as { steps: Record<string, { evidence: unknown }> }).steps;
  expect(steps['test-order']!.evidence).toEqual({ code: 'orders-listed', count: 1 });
});

test('in-app navigation: overview → product page → orders → back; product page control next to the title', async ({ chromium }) => {
  const nav = 'portal/nav-app.html';
  const b = await chromium({
    fixtures: { 'portal.otto.market': { '/products/': nav, '/products/productMaintenance/*': nav, '/orders': nav } },
  });
  const page = await b.openOtto(OVERVIEW);
  expectOnePerRow(await settled(page, 3));
  // The overview's checklist is the docked panel (its region is visible without a launcher).
  await expect(page.locator('lga-checklist [data-step]')).toHaveCount(8);

  await page.getByRole('link', { name: 'Gartenstuhl', exact: true }).click();
  await expect(page).toHaveURL(/productMaintenance/);
  const control = page.locator('h1 + lga-deeplink');
  await expect(control).toHaveCount(1);
  await expect(control.locator('a.open')).toHaveAttribute('href', 'https://www.otto.de/p/gartenstuhl-aus-teak-1234567890/');
  await expect(control).toHaveAttribute('data-status', 'restricted');
  // Alone beside the title it has room: the full labels.
  await expect(control.locator('a.open')).toHaveText('↗ Auf otto.de öffnen');
  await expect(control.locator('button.copy')).toHaveText('Link kopieren');
  await expect.poll(async () => (await audit(page)).hosts).toBe(1);
  // Elsewhere the checklist is the launcher: one host, steps behind a button.
  await expect(page.locator('lga-checklist')).toHaveCount(1);
  await expect(page.locator('lga-checklist button.launcher')).toBeVisible();

  await page.getByRole('link', { name: 'Bestellungen', exact: true }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect.poll(async () => (await audit(page)).hosts).toBe(0);
  await expect(page.locator('lga-checklist button.launcher')).toBeVisible();
  await page.locator('lga-checklist button.launcher').click();
  await expect.poll(() => page.evaluate(panelStep, 'test-order')).toBe('true');

  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/#productoverview$/);
  expectOnePerRow(await settled(page, 3));
  await expect(page.locator('lga-checklist')).toHaveCount(1);
  await expect(page.locator('lga-checklist button.launcher')).toHaveCount(0);
});

test('diagnostics: the content script answers the popup (native messaging, sendResponse)', async ({ chromium }) => {
  const b = await chromium();
  const page = await b.openOtto(OVERVIEW);
  await settled(page, 3);
  const popup = await b.popup();
  const reply = await popup.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    // Without the "tabs" permission tabs carry no URL: ask every tab, keep the one that answers.
    const replies = await Promise.all(
      (await c.tabs.query({})).map((tab: { id: number }) => c.tabs.sendMessage(tab.id, { type: 'diagnostics/get' }).catch(() => null)),
    );
    return replies.find((r: unknown) => r);
  });
  expect(reply.ok).toBe(true);
  expect(reply.data.page).toBe('opc-product-overview');
  expect(reply.data.features.deeplinks.status).toBe('running');
  expect(reply.data.features.checklist.status).toBe('running');
});
