import { expect, test } from '../support/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from '../support/firefox';

/**
 * The options page in real Firefox: a feature switched off leaves the open OPC tab at once and
 * comes back when switched on; export → reset → import restores progress and settings (the file
 * import goes through the page's file field).
 */
const OVERVIEW = 'https://portal.otto.market/products/#productoverview';

type Api = { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean; data?: unknown }> } };

test('Firefox options: switching the checklist off and on applies to an open OPC tab; export → reset → import restores everything', async ({ firefox }) => {
  const ff = await firefox();
  const tab = await ff.openOtto(OVERVIEW);
  const hosts = () => tab.evaluate(() => [...document.querySelectorAll('lga-checklist')].filter((h) => h.shadowRoot).length);
  await pollUntil(hosts, (n) => n === 1);

  const options = await ff.openExtensionPage('options.html');
  await pollUntil(() => options.evaluate(() => !!document.getElementById('opt-f-checklist')), Boolean);
  await options.evaluate(() => (document.getElementById('opt-f-checklist') as HTMLInputElement).click());
  expect(await pollUntil(hosts, (n) => n === 0)).toBe(0);
  await options.evaluate(() => (document.getElementById('opt-f-checklist') as HTMLInputElement).click());
  expect(await pollUntil(hosts, (n) => n === 1)).toBe(1);

  // Progress and a setting to carry through export → reset → import.
  await options.evaluate(async () => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    await api.runtime.sendMessage({ type: 'toggle', step: 'test-order', done: true });
    const name = document.getElementById('opt-name') as HTMLInputElement;
    name.value = 'Erika Mustermann';
    name.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await pollUntil(() => options.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? ''), (t) => t.includes('Gespeichert'));
  // The same message the "Exportieren" button sends (its download is tested in Chromium).
  const exported = await options.evaluate(async () => (await (globalThis as unknown as { browser: Api }).browser.runtime.sendMessage({ type: 'export' })).data);
  const file = join(mkdtempSync(join(tmpdir(), 'lga-export-')), 'export.json');
  writeFileSync(file, JSON.stringify(exported));

  const clickByText = (text: string) =>
    options.evaluate((t) => ([...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === t) as HTMLButtonElement).click(), text);
  await clickByText('Alles zurücksetzen …');
  await clickByText('Ja, zurücksetzen');
  await pollUntil(() => options.evaluate(() => (document.getElementById('opt-name') as HTMLInputElement).value), (v) => v === '');
  const stepDone = () =>
    tab.evaluate(() => {
      const host = [...document.querySelectorAll('lga-checklist')].find((h) => h.shadowRoot);
      return host?.shadowRoot?.querySelector('[data-step="test-order"]')?.getAttribute('aria-checked') ?? null;
    });
  await pollUntil(stepDone, (v) => v === 'false');

  const input = await options.$('#opt-import');
  await (input as unknown as { uploadFile: (p: string) => Promise<void> }).uploadFile(file);
  await pollUntil(() => options.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? ''), (t) => t.includes('Import abgeschlossen'));
  expect(await pollUntil(() => options.evaluate(() => (document.getElementById('opt-name') as HTMLInputElement).value), (v) => v !== '')).toBe('Erika Mustermann');
  expect(await pollUntil(stepDone, (v) => v === 'true')).toBe('true');
});
