import { expect, test } from '../support/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from '../support/firefox';
import { fillToTheCap, storedData } from '../support/data-safety';
import { MAX_ENTRIES } from '../../lib/background/quarantine';

/** Issue #17 item 5 in real Firefox: the largest export imports through the options' file field. */
type Api = { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean; data?: unknown }> } };

test('Firefox: the largest export (a full quarantine of the longest values) imports, everything comes back', async ({ firefox }) => {
  const ff = await firefox();
  const options = await ff.openExtensionPage('options.html');
  await pollUntil(() => options.evaluate(() => !!document.getElementById('opt-name')), Boolean);
  await options.evaluate(fillToTheCap, MAX_ENTRIES + 2);
  const before = (await options.evaluate(storedData)) as { quarantine: object[] };
  // The same message the "Exportieren" button sends (its download is tested in Chromium).
  const exported = await options.evaluate(async () => (await (globalThis as unknown as { browser: Api }).browser.runtime.sendMessage({ type: 'export' })).data);
  const file = join(mkdtempSync(join(tmpdir(), 'lga-export-')), 'export.json');
  writeFileSync(file, JSON.stringify(exported, null, 2));

  const clickByText = (text: string) =>
    options.evaluate((t) => ([...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === t) as HTMLButtonElement).click(), text);
  await clickByText('Alles zurücksetzen …');
  await clickByText('Ja, zurücksetzen');
  await pollUntil(() => options.evaluate(storedData), (d) => d.quarantine === undefined && d.onboarding === undefined);

  const input = await options.$('#opt-import');
  await (input as unknown as { uploadFile: (p: string) => Promise<void> }).uploadFile(file);
  const status = await pollUntil(() => options.evaluate(() => document.querySelector('p.status')?.textContent ?? ''), (t) => t !== '' && t !== 'Zurückgesetzt.');
  expect(status).toBe('Import abgeschlossen.');
  expect(await options.evaluate(storedData)).toEqual({ ...before, quarantine: before.quarantine.map((e) => ({ ...e, seen: true })) });
  expect(before.quarantine).toHaveLength(MAX_ENTRIES); // it was the largest export there is
});
