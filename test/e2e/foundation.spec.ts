import { expect, test } from '../support/test';
import { inContentScript } from '../support/chromium';

const OVERVIEW = 'https://portal.otto.market/products/#productoverview';

test('popup tick updates the badge and the checklist in two open OPC tabs without reload', async ({ chromium }) => {
  const b = await chromium();
  // Both tabs with the full panel (the second may open after the first visit: the compact line).
  expect(await (await b.popup()).evaluate(() => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'ui/collapse', collapsed: false }))).toMatchObject({ ok: true });
  const tab1 = await b.openOtto(OVERVIEW);
  const tab2 = await b.openOtto(OVERVIEW);
  const panelBox = (p: typeof tab1, step: string) => p.locator(`lga-checklist [data-step="${step}"]`);
  await expect(panelBox(tab1, 'customer-account')).toHaveAttribute('aria-checked', 'false');
  // `registered` ticks itself on a logged-in OPC page.
  await expect(panelBox(tab1, 'registered')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => b.badge()).toBe('7');

  const popup = await b.popup();
  await expect(popup.locator('[data-step]')).toHaveCount(8);
  await popup.locator('[data-step="customer-account"]').click();
  await expect(popup.locator('[data-step="customer-account"]')).toHaveAttribute('aria-checked', 'true');

  await expect(panelBox(tab1, 'customer-account')).toHaveAttribute('aria-checked', 'true');
  await expect(panelBox(tab2, 'customer-account')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => b.badge()).toBe('6');
  expect(await tab1.locator('lga-checklist').count()).toBe(1);
});

test('ticking in the page panel reaches the popup; stopping the service worker loses nothing', async ({ chromium }) => {
  const b = await chromium();
  const tab = await b.openOtto(OVERVIEW);
  await tab.locator('lga-checklist [data-step="shipment-request-read"]').click();
  await expect(tab.locator('lga-checklist [data-step="shipment-request-read"]')).toHaveAttribute('aria-checked', 'true');

  await b.stopServiceWorker();
  const popup = await b.popup();
  await expect(popup.locator('[data-step="shipment-request-read"]')).toHaveAttribute('aria-checked', 'true');
  await expect(popup.locator('[data-step="registered"]')).toHaveAttribute('aria-checked', 'true');
  // The worker was woken up by the popup; the badge is recomputed from storage.
  await popup.locator('[data-step="live"]').click();
  await expect.poll(() => b.badge()).toBe('5');
});

test('garbage in storage → defaults, a notice in the popup, no exception anywhere', async ({ chromium }) => {
  const b = await chromium();
  const errors: string[] = [];
  const w = await b.worker();
  await w.evaluate(() =>
    (globalThis as unknown as { chrome: any }).chrome.storage.local.set({
      onboarding: { version: 1, steps: { registered: { done: 'yes' } } },
      settings: 'not an object',
    }),
  );
  const tab = await b.openOtto(OVERVIEW);
  tab.on('pageerror', (e) => errors.push(e.message));
  const popup = await b.popup();
  popup.on('pageerror', (e) => errors.push(e.message));
  await expect(popup.locator('[data-notice]')).toBeVisible();
  await expect(popup.locator('[data-step]')).toHaveCount(8);
  await expect(tab.locator('lga-checklist [data-step="customer-account"]')).toHaveAttribute('aria-checked', 'false');
  const stored = await b.storage('local');
  expect(Array.isArray(stored.quarantine)).toBe(true);
  expect(JSON.stringify(stored.quarantine)).toContain('yes');
  // Dismissed by keyboard: the notice goes, and focus stays in the popup (on the first step).
  await popup.getByRole('button', { name: 'Ausblenden' }).focus();
  await popup.keyboard.press('Enter');
  await expect(popup.locator('[data-notice]')).toHaveCount(0);
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-step'))).toBe('registered');
  expect(errors).toEqual([]);
});

test('unknown version and truncated objects are handled the same way', async ({ chromium }) => {
  const b = await chromium();
  const w = await b.worker();
  await w.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.storage.local.set({ onboarding: { version: 999 } }));
  const popup = await b.popup();
  await expect(popup.locator('[data-notice]')).toContainText('neueren Version');
  await w.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.storage.local.set({ onboarding: { version: 1, steps: {} } }));
  await expect(popup.locator('[data-notice]')).toContainText('beschädigt');
  await expect(popup.locator('[data-step][aria-checked="false"]')).toHaveCount(8);
});

test('messages with a wrong shape, and a reset from a content script, are refused', async ({ chromium }) => {
  const b = await chromium();
  const popup = await b.popup();
  await popup.locator('[data-step="live"]').click();
  const replies = await popup.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    const sendOne = (m: unknown) => c.runtime.sendMessage(m);
    return {
      unknownType: await sendOne({ type: 'nope' }),
      extraField: await sendOne({ type: 'toggle', step: 'live', done: false, extra: 1 }),
      wrongType: await sendOne({ type: 'toggle', step: 'live', done: 'no' }),
      unknownStep: await sendOne({ type: 'toggle', step: 'bogus', done: true }),
      evidenceFromPage: await sendOne({ type: 'evidence', code: 'products-online' }),
    };
  });
  expect(replies.unknownType).toEqual({ ok: false, error: 'invalid' });
  expect(replies.extraField).toEqual({ ok: false, error: 'invalid' });
  expect(replies.wrongType).toEqual({ ok: false, error: 'invalid' });
  expect(replies.unknownStep).toEqual({ ok: false, error: 'invalid' });
  // Evidence is for content scripts only: the popup cannot fake page evidence.
  expect(replies.evidenceFromPage).toEqual({ ok: false, error: 'forbidden' });
  await expect(popup.locator('[data-step="live"]')).toHaveAttribute('aria-checked', 'true');

  // A content script (isolated world of an OPC tab) asking for a reset is refused.
  const tab = await b.openOtto(OVERVIEW);
  await expect(tab.locator('lga-checklist')).toHaveCount(1);
  expect(await inContentScript(tab, `chrome.runtime.sendMessage({ type: 'reset' })`)).toEqual({ ok: false, error: 'forbidden' });
  await expect(popup.locator('[data-step="live"]')).toHaveAttribute('aria-checked', 'true');
});

// The built manifests' permissions are checked in build.spec.ts against the README.
