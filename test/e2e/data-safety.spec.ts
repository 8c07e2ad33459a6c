import { expect, test } from '../support/test';
import { readFileSync, statSync } from 'node:fs';
import type { ExtensionBrowser } from '../support/chromium';
import { fillToTheCap, storedData } from '../support/data-safety';
import { MAX_ENTRIES } from '../../lib/background/quarantine';
import { MAX_MESSAGE_BYTES } from '../../lib/messaging/protocol';

/**
 * Issue #17 items 4 and 5: one bad field no longer resets all progress (the notice names what
 * was dropped, the options restore a kept copy), and the largest export imports.
 */
async function openOptions(b: ExtensionBrowser) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByLabel('Ihr Name').waitFor();
  return page;
}

const doneStep = { done: true, how: 'manual', at: 1_764_000_000_000, evidence: null };
const STEPS = ['registered', 'customer-account', 'product-with-stock', 'deeplink-opened', 'test-order', 'shipment-request-read', 'confirmation-sent', 'live'];

test('one bad field: the other steps stay, popup and options name what was dropped; a kept copy is restored from the options after many repairs', async ({ chromium }) => {
  const b = await chromium();
  const w = await b.worker();
  await w.evaluate(
    ([steps, done]) => {
      const all: Record<string, unknown> = Object.fromEntries((steps as string[]).map((id) => [id, done]));
      all['test-order'] = { done: 'ja' };
      all['product-with-stock'] = { done: true, how: 'auto', at: 1, evidence: { code: 'products-with-stock', count: -4 } };
      return (globalThis as unknown as { chrome: any }).chrome.storage.local.set({ onboarding: { version: 1, steps: all } });
    },
    [STEPS, doneStep] as const,
  );
  const popup = await b.popup();
  const notice = popup.locator('[data-notice]');
  await expect(notice).toContainText('„Produkt mit Bestand angelegt“ (Anzahl); „Testbestellung mit dem Kundenkonto ausgelöst“ (ganzer Schritt)');
  await expect(notice).toContainText('Alle anderen Schritte sind erhalten');
  await expect(popup.locator('[data-step][aria-checked="true"]')).toHaveCount(7);
  await expect(popup.locator('[data-step="test-order"]')).toHaveAttribute('aria-checked', 'false');
  const options = await openOptions(b);
  await expect(options.locator('[data-notice]')).toContainText('(ganzer Schritt)');

  // Progress written by a newer version: defaults, and a copy that holds 5 done steps.
  await options.evaluate(
    ([steps, done]) => (globalThis as unknown as { chrome: any }).chrome.storage.local.set({ onboarding: { version: 2, steps: Object.fromEntries((steps as string[]).slice(0, 5).map((id) => [id, done])) } }),
    [STEPS, doneStep] as const,
  );
  await expect(popup.locator('[data-notice]')).toContainText('neueren Version');
  await expect(popup.locator('[data-step][aria-checked="true"]')).toHaveCount(0);
  // Many later repairs (more than the quarantine holds) and a dismissed notice keep the copy.
  await popup.getByRole('button', { name: 'Ausblenden' }).click();
  await options.evaluate(async (n) => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    for (let i = 0; i < n; i++) {
      await c.storage.local.set({ settings: { language: `broken-${i}` } });
      await c.runtime.sendMessage({ type: 'state/get' });
    }
  }, MAX_ENTRIES * 2);
  const copy = options.locator('[data-copy]').filter({ hasText: '5 von 8 Schritten erledigt' });
  await expect(copy).toHaveCount(1);
  await copy.getByRole('button', { name: /^Kopie vom .* wiederherstellen$/ }).click();
  // (The notice about the last repair is a status region too; the page's own status line answers.)
  await expect(options.locator('p.status')).toHaveText('Wiederhergestellt: 5 Schritte.');
  await expect(popup.locator('[data-step][aria-checked="true"]')).toHaveCount(5);
  await expect.poll(() => b.badge()).toBe('3');
});

test('the largest export imports: a full quarantine of the longest values, export → reset → import in the options brings everything back', async ({ chromium }) => {
  const b = await chromium();
  const options = await openOptions(b);
  await options.evaluate(fillToTheCap, MAX_ENTRIES + 2);
  const before = (await options.evaluate(storedData)) as { quarantine: object[] };

  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Exportieren (JSON)' }).click()]);
  const file = await download.path();

  await options.getByRole('button', { name: 'Alles zurücksetzen …' }).click();
  await options.getByRole('button', { name: 'Ja, zurücksetzen' }).click();
  // The repairs fillToTheCap caused may show their notice (a status region too): read the page's status line.
  await expect(options.locator('p.status')).toHaveText('Zurückgesetzt.');
  expect(await options.evaluate(storedData)).toEqual({ onboarding: undefined, settings: undefined, quarantine: undefined });

  await options.locator('#opt-import').setInputFiles(file);
  await expect(options.locator('p.status')).toHaveText('Import abgeschlossen.');
  const after = (await options.evaluate(storedData)) as typeof before;
  expect(after).toEqual({ ...before, quarantine: before.quarantine.map((e) => ({ ...e, seen: true })) });
  await expect(options.getByLabel('Ihr Name')).toHaveValue('"\\'.repeat(60));
  // It was the largest there is: the quarantine at its cap, each value at its longest.
  expect(before.quarantine).toHaveLength(MAX_ENTRIES);
  expect(statSync(file).size).toBeGreaterThan(MAX_ENTRIES * 40_000);
  expect(JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
});
