import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { panelStep } from '../support/audit';

/**
 * The checklist panel in real Chromium: docked above the product list, collapse remembered,
 * the launcher on other OPC pages, beside the help-center article, the quiet "live" state and
 * "hide when live".
 */
const OVERVIEW = 'https://portal.otto.market/products/#productoverview';
const ARTICLE = 'https://account.otto.market/s/article/Vorbereitungen-Livegang';
const withArticle = { 'account.otto.market': { '/s/article/Vorbereitungen-Livegang': 'account/livegang-article.html' } };

const ALL_DONE = {
  version: 1,
  steps: Object.fromEntries(
    ['registered', 'customer-account', 'product-with-stock', 'deeplink-opened', 'test-order', 'shipment-request-read', 'confirmation-sent', 'live'].map((id) => [
      id,
      { done: true, how: 'manual', at: 1_790_000_000_000, evidence: null },
    ]),
  ),
};

async function box(page: Page, selector: string) {
  const bb = await page.locator(selector).first().boundingBox();
  if (!bb) throw new Error(`no box for ${selector}`);
  return bb;
}

test('docked above the product list without covering it; collapse is remembered', async ({ chromium }) => {
  const b = await chromium();
  const page = await b.openOtto(OVERVIEW);
  const region = page.getByRole('region', { name: /Livegang/ });
  await expect(region).toBeVisible();
  await expect(page.locator('lga-checklist')).toHaveCount(1);
  // Before the list in the document, and entirely above it on screen.
  expect(await page.evaluate(() => document.querySelector('lga-checklist')!.nextElementSibling?.tagName)).toBe('TABLE');
  const panel = await box(page, 'lga-checklist');
  const list = await box(page, 'table');
  expect(panel.y + panel.height).toBeLessThanOrEqual(list.y + 0.5);
  // Progress, next step with its action, the article links.
  await expect.poll(() => page.evaluate(panelStep, 'registered')).toBe('true');
  await expect(region.locator('.progress')).toHaveText('1 von 8');
  await expect(region.locator('.next a.action')).toHaveAttribute('href', 'https://www.otto.de/');
  await expect(region.getByRole('link', { name: /Vorbereitungen Livegang/ })).toHaveAttribute('href', ARTICLE);
  await expect(region.getByRole('link', { name: /Kontakt zu Kund/ })).toHaveAttribute('href', /Kontakt-zu-Kund-innen-aufnehmen/);

  // Collapsed: the compact line (progress, next step with its action, "Alle Schritte"), remembered.
  const toggle = region.getByRole('button', { name: 'Checkliste einklappen' });
  await toggle.click();
  const expand = region.getByRole('button', { name: 'Alle Schritte' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expect(expand).toBeFocused();
  await expect(region.locator('[data-step]')).toHaveCount(0);
  await expect(region.locator('.progress')).toHaveText(/von 8$/);
  await expect(region.locator('.next a.action')).toBeVisible();
  expect(((await b.storage('local')).settings as { checklistCollapsed: boolean }).checklistCollapsed).toBe(true);
  const collapsed = await box(page, 'lga-checklist');
  expect(collapsed.height).toBeLessThan(panel.height);
  expect(collapsed.height).toBeLessThan(60);

  await page.reload();
  await expect(page.getByRole('region', { name: /Livegang/ }).getByRole('button', { name: 'Alle Schritte' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('lga-checklist [data-step="live"]')).toBeHidden();
  await page.getByRole('button', { name: 'Alle Schritte' }).click();
  await expect(page.locator('lga-checklist [data-step="live"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Checkliste einklappen' })).toBeFocused();
});

test('after the first visit the overview opens as the compact line, in a new tab and on reload; expanding is remembered', async ({ chromium }) => {
  const b = await chromium();
  // First visit: the full panel, also once the automatic steps are recorded during it.
  const first = await b.openOtto(OVERVIEW);
  await expect(first.locator('lga-checklist [data-step]')).toHaveCount(8);
  await expect.poll(() => first.evaluate(panelStep, 'registered')).toBe('true');
  await expect(first.locator('lga-checklist [data-step]')).toHaveCount(8);

  // A new tab of the same profile: the compact line.
  const tab = await b.openOtto(OVERVIEW);
  const region = tab.getByRole('region', { name: /Livegang/ });
  const expand = region.getByRole('button', { name: 'Alle Schritte' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expect(region.locator('[data-step]')).toHaveCount(0);
  await expect(region.locator('.progress')).toHaveText(/^\d von 8$/);
  await expect(region).toContainText('Nächster Schritt:');
  await expect(region.locator('a.action, button.action')).toHaveCount(1);
  expect(await tab.evaluate(() => document.querySelector('lga-checklist')!.nextElementSibling?.tagName)).toBe('TABLE');
  // The same on reload.
  await tab.reload();
  await expect(tab.getByRole('button', { name: 'Alle Schritte' })).toHaveAttribute('aria-expanded', 'false');

  // The merchant expands it: the full panel from now on.
  await tab.getByRole('button', { name: 'Alle Schritte' }).click();
  await expect(tab.locator('lga-checklist [data-step]')).toHaveCount(8);
  await expect.poll(async () => ((await b.storage('local')).settings as { checklistExpanded: boolean }).checklistExpanded).toBe(true);
  await tab.reload();
  await expect(tab.locator('lga-checklist [data-step]')).toHaveCount(8);
  await expect(tab.getByRole('button', { name: 'Checkliste einklappen' })).toHaveAttribute('aria-expanded', 'true');
});

test('the compact line announces a step that completes by itself, without opening the panel', async ({ chromium }) => {
  // A list with a stock column: "product with stock" is proven on this visit.
  const b = await chromium({ fixtures: { 'portal.otto.market': { '/products/': 'portal/products-2000.html' } } });
  // A used profile with only "registered" done: the stock step completes on this visit.
  const w = await b.worker();
  await w.evaluate(() =>
    (globalThis as unknown as { chrome: any }).chrome.storage.local.set({
      onboarding: { version: 1, steps: { registered: { done: true, how: 'auto', at: 1_790_000_000_000, evidence: { code: 'portal-seen' } } } },
    }),
  );
  const page = await b.openOtto('https://portal.otto.market/products/?rows=20#productoverview');
  const region = page.getByRole('region', { name: /Livegang/ });
  await expect(region.getByRole('button', { name: 'Alle Schritte' })).toBeVisible();
  await expect(region.getByRole('status')).toContainText('Gerade erledigt:');
  await expect(region.locator('[data-step]')).toHaveCount(0);
});

test('a launcher on other OPC pages opens the same panel; ticking works there; Escape closes it', async ({ chromium }) => {
  const b = await chromium();
  const page = await b.openOtto('https://portal.otto.market/');
  const launcher = page.locator('lga-checklist button.launcher');
  await expect(launcher).toHaveText('Livegang 1/8');
  await expect(page.locator('lga-checklist [data-step]')).toHaveCount(0);
  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  const region = page.getByRole('region', { name: /Livegang/ });
  await expect(region.locator('[data-step]')).toHaveCount(8);
  await region.locator('[data-step="customer-account"]').click();
  await expect(region.locator('[data-step="customer-account"]')).toHaveAttribute('aria-checked', 'true');
  await expect(launcher).toHaveText('Livegang 2/8');
  await page.keyboard.press('Escape');
  await expect(region).toHaveCount(0);
  await expect(launcher).toBeFocused();
  await expect(page.locator('lga-checklist')).toHaveCount(1);
  // The popup agrees.
  const popup = await b.popup();
  await expect(popup.locator('[data-step="customer-account"]')).toHaveAttribute('aria-checked', 'true');
});

test('beside the help-center article "Vorbereitungen-Livegang"', async ({ chromium }) => {
  const b = await chromium({ fixtures: withArticle });
  const page = await b.openOtto(ARTICLE);
  await page.setViewportSize({ width: 1280, height: 900 });
  const region = page.getByRole('region', { name: /Livegang/ });
  await expect(region.locator('[data-step]')).toHaveCount(8);
  await expect(page.locator('lga-checklist')).toHaveCount(1);
  // Beside the article: to its right, next to the heading rather than above or below it.
  const panel = await box(page, 'lga-checklist');
  const heading = await page.locator('h1.article-head').evaluate((h) => {
    const r = document.createRange();
    r.selectNodeContents(h);
    const rect = r.getBoundingClientRect();
    return { left: rect.left, right: rect.right, top: rect.top };
  });
  expect(panel.x).toBeGreaterThan(heading.right);
  expect(heading.top).toBeGreaterThanOrEqual(panel.y - 1);
  expect(heading.top).toBeLessThan(panel.y + panel.height);
  // Ticking here reaches storage like anywhere else.
  await region.locator('[data-step="shipment-request-read"]').click();
  await expect.poll(async () => ((await b.storage('local')).onboarding as { steps: Record<string, { done: boolean }> }).steps['shipment-request-read']!.done).toBe(true);
});

test('quiet "live" state once all steps are done; hidden for good with hideChecklistWhenLive', async ({ chromium }) => {
  const b = await chromium();
  const w = await b.worker();
  await w.evaluate((state) => (globalThis as unknown as { chrome: any }).chrome.storage.local.set({ onboarding: state }), ALL_DONE);
  const page = await b.openOtto(OVERVIEW);
  const region = page.getByRole('region', { name: /Livegang/ });
  await expect(region).toContainText('Live – alle Schritte erledigt');
  await expect(region.locator('[data-step="live"]')).toBeHidden();
  const quiet = await box(page, 'lga-checklist');
  expect(quiet.height).toBeLessThan(80);
  await region.getByRole('button', { name: 'Schritte anzeigen' }).click();
  await expect(region.locator('[data-step="live"]')).toBeVisible();
  const other = await b.openOtto('https://portal.otto.market/');
  await expect(other.locator('lga-checklist button.launcher')).toContainText('Live');

  // The merchant hides it for good (options page later; the same settings message here).
  const popup = await b.popup();
  const reply = await popup.evaluate(() =>
    (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'settings/patch', patch: { hideChecklistWhenLive: true } }),
  );
  expect(reply.ok).toBe(true);
  await expect(page.locator('lga-checklist')).toHaveCount(0);
  await expect(other.locator('lga-checklist')).toHaveCount(0);
  // Reopening a step brings it back.
  await popup.locator('[data-step="live"]').click();
  await expect(page.locator('lga-checklist')).toHaveCount(1);
  await expect(page.locator('lga-checklist .progress')).toHaveText('7 von 8');
});
