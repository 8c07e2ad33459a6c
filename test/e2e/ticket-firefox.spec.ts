import { expect, test } from '../support/test';
import type { Page } from 'puppeteer-core';
import { pollUntil } from '../support/firefox';
import { serveBuiltFiles } from '../support/fixtures';
import { ensureLwcForm, LWC_URL_PREFIX } from '../support/lwc-form';
import { BODY, NAME } from '../support/ticket-text';

/**
 * The same fill in real Firefox ESR (puppeteer-core over WebDriver BiDi): the extension's content
 * script fills the form rendered by Salesforce's published components (synthetic shadow, the
 * Salesforce default), and the owner component submits what it read from its change handlers
 * and the components' values.
 */
const FORM = 'https://account.otto.market/s/ticketanlegen';
const FIXTURES = { 'account.otto.market': { '/s/ticketanlegen': 'account/ticket-lwc.html' } };

test.beforeAll(async () => {
  test.setTimeout(300_000);
  serveBuiltFiles('account.otto.market', LWC_URL_PREFIX, await ensureLwcForm());
});


const assistState = (page: Page) => page.evaluate(() => document.querySelector('lga-ticket-assist')?.getAttribute('data-state') ?? null);
const formLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { __lgaForm: { attempts: number; submissions: Array<{ handlers: object; components: object }> } }).__lgaForm);

test('Firefox: the content script fills the Salesforce form (synthetic shadow); the owner submits category, subject and description', async ({ firefox }) => {
  const ff = await firefox({ fixtures: FIXTURES });
  const popup = await ff.openExtensionPage('popup.html');
  await pollUntil(() => popup.evaluate(() => document.querySelectorAll('[data-step]').length), (n) => n === 8);
  const reply = await popup.evaluate(() =>
    (globalThis as unknown as { browser: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean }> } } }).browser.runtime.sendMessage({
      type: 'settings/patch',
      patch: { name: 'Max Beispiel' },
    }),
  );
  expect(reply.ok).toBe(true);

  const page = await ff.openOtto(`${FORM}?shadow=synthetic`);
  await pollUntil(() => page.evaluate(() => document.documentElement.dataset.lwcReady ?? document.documentElement.dataset.lwcError ?? ''), (v) => v !== '');
  expect(await page.evaluate(() => document.documentElement.dataset.lwcError ?? null)).toBeNull();
  expect(await pollUntil(() => assistState(page), (s) => s === 'offer')).toBe('offer');

  // The merchant clicks our button (a real click, piercing our open shadow root).
  await page.locator('lga-ticket-assist >>> [data-action="insert"]').click();
  expect(await pollUntil(() => assistState(page), (s) => s === 'filled')).toBe('filled');
  expect((await formLog(page)).attempts).toBe(0);

  // …and sends the form themselves.
  await page.locator('>>> lightning-button button').click();
  await pollUntil(() => formLog(page), (l) => l.submissions.length === 1);
  const [sent] = (await formLog(page)).submissions;
  const expected = { category: 'Onboarding_Golive', subcategory: 'Golive_Confirmation', subject: 'Bestätigung für den Livegang', description: BODY(NAME), orderNumber: '' };
  expect(sent!.handlers).toEqual(expected);
  expect(sent!.components).toEqual(expected);
  expect(await pollUntil(() => assistState(page), (s) => s === 'submitted')).toBe('submitted');
});
