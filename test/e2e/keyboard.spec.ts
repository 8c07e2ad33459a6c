import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import type { Page as FxPage } from 'puppeteer-core';
import { pollUntil } from '../support/firefox';
import { serve, serveBuiltFiles } from '../support/fixtures';
import { ensureLwcForm, LWC_URL_PREFIX } from '../support/lwc-form';
import { focusInfo, reflowProblems, tabSequence, type FocusInfo } from '../support/a11y';
import { translator, type Translate } from '../../lib/i18n';
import { registerAllStrings } from '../support/strings';
import { SUBJECT } from '../support/ticket-text';
import { STEP_IDS, type StepId } from '../../lib/onboarding/steps';
import { SWITCHABLE_FEATURES } from '../../lib/settings/defaults';
import { SITE_SERVICES } from '../../lib/sites/catalog';

/**
 * Keyboard-only use: the popup and the options page in real Chromium (Playwright) and real
 * Firefox ESR (puppeteer-core), the injected UI in Chromium. Tab order, a visible focus
 * indicator on every stop, Space/Enter on controls, Escape closing popovers and confirmation
 * prompts with the focus going back where it came from. And the layout at 200 % zoom.
 */

registerAllStrings();
const de: Translate = translator('de');
const OVERVIEW = 'https://portal.otto.market/products/#productoverview';
const DASHBOARD = 'https://portal.otto.market/';
const FORM = 'https://account.otto.market/s/ticketanlegen';
const ORDERS = 'https://portal.otto.market/orders';

/** The popup's tab order with `next` as the next open step (`withCopy`: the tab status has its button). */
function popupOrder(next: StepId, withCopy: boolean): string[] {
  return [
    `link:${de(`checklist.action.${next}` as never)}`,
    ...STEP_IDS.map((id) => `step:${id}`),
    `link:${de('currentArticle')}`,
    `link:${de('checklist.contactArticle')}`,
    `button:${de('popup.openOverview')}`,
    `button:${de('openTicket')}`,
    `button:${de('popup.openArticle')}`,
    // The tab's diagnostics: copy them, save the page structure.
    ...(withCopy ? [`button:${de('popup.copyDiagnostics')}`, `button:${de('popup.saveStructure')}`] : []),
    `button:${de('openOptions')}`,
  ];
}

/** The options page's tab order with the default template (its "reset to default" is disabled). */
const OPTIONS_ORDER = [
  '#opt-name',
  '#opt-company',
  '#opt-partnerId',
  '#opt-template-lang',
  '#opt-template',
  `button:${de('options.template.save')}`,
  '#opt-lang',
  ...SWITCHABLE_FEATURES.map((f) => `feature:${f}`),
  '#opt-hide-live',
  // "Weitere Seiten schützen": the registered sender, one switch per service, another site.
  '#opt-sender',
  ...SITE_SERVICES.map((s) => `#opt-site-${s.id}`),
  '#opt-site-other',
  `button:${de('sites.otherAdd')}`,
  '#otto-companion-switch',
  `button:${de('options.export')}`,
  '#opt-import',
  `button:${de('options.reset')}`,
];

function expectVisibleFocus(stops: FocusInfo[], where: string) {
  const bad = stops.filter((s) => !s.indicator || !s.onScreen).map((s) => `${s.key} (indicator ${s.indicator}, on screen ${s.onScreen})`);
  expect(bad, `${where}: stops without a visible focus indicator`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Chromium (Playwright)
// ---------------------------------------------------------------------------------------------

const pw = (page: Page) => ({
  press: (key: string) => page.keyboard.press(key),
  info: () => page.evaluate(focusInfo),
});

/** Tabs from wherever the focus is until it lands on `key` (in `host`, if given). */
async function tabTo(page: Page, key: string | RegExp, host: string | null = null, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusInfo);
    if (f && (typeof key === 'string' ? f.key === key : key.test(f.key)) && (host === null || f.host === host)) return f;
  }
  throw new Error(`Tab never reached ${key}${host ? ` in <${host}>` : ''}`);
}

const focused = (page: Page) => page.evaluate(focusInfo).then((f) => f?.key ?? null);

test('Chromium popup: Tab order, visible focus, Space and Enter tick steps, Enter on an action', async ({ chromium }) => {
  const b = await chromium();
  const tab = await b.openOtto(OVERVIEW);
  await expect.poll(() => tab.locator('lga-checklist [aria-checked="true"]').count()).toBeGreaterThan(0);
  const tabId = await (await b.worker()).evaluate(async () => (await (globalThis as any).chrome.tabs.query({ active: true }))[0].id);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.locator('[data-page]')).toBeVisible();
  const next = (await popup.locator('[data-step][aria-checked="false"]').first().getAttribute('data-step')) as StepId;

  const stops = await tabSequence(pw(popup).press, pw(popup).info);
  expect(stops.map((s) => s.key)).toEqual(popupOrder(next, true));
  expectVisibleFocus(stops, 'popup');
  // Backwards from the last stop: the same stops in reverse.
  await popup.locator('button.linkish').focus();
  const back = await tabSequence(pw(popup).press, pw(popup).info, 40, 'Shift+Tab');
  expect(back.map((s) => s.key)).toEqual([...popupOrder(next, true)].reverse().slice(1));

  await popup.locator('[data-step="shipment-request-read"]').focus();
  await popup.keyboard.press('Space');
  await expect(popup.locator('[data-step="shipment-request-read"]')).toHaveAttribute('aria-checked', 'true');
  expect(await focused(popup)).toBe('step:shipment-request-read');
  await popup.keyboard.press('Enter');
  await expect(popup.locator('[data-step="shipment-request-read"]')).toHaveAttribute('aria-checked', 'false');
  await expect.poll(async () => ((await b.storage('local')).onboarding as { steps: Record<string, { done: boolean }> }).steps['shipment-request-read']!.done).toBe(false);

  // Enter on "open the product overview" opens it.
  await popup.getByRole('button', { name: de('popup.openOverview') }).focus();
  const opened = b.context.waitForEvent('page');
  // The popup closes itself after opening the tab, sometimes before the key press returns.
  await popup.keyboard.press('Enter').catch((e: unknown) => {
    if (!String(e).includes('closed')) throw e;
  });
  await (await opened).waitForURL(OVERVIEW);
});

test('Chromium options: Tab order, visible focus, Space toggles a switch, Escape closes the reset confirmation', async ({ chromium }) => {
  const b = await chromium();
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  await options.getByLabel(/Name/).waitFor();

  const stops = await tabSequence(pw(options).press, pw(options).info);
  expect(stops.map((s) => s.key)).toEqual(OPTIONS_ORDER);
  expectVisibleFocus(stops, 'options');

  // Space on a feature switch saves it.
  await options.locator('#opt-f-deeplinks').focus();
  await options.keyboard.press('Space');
  await expect(options.locator('#opt-f-deeplinks')).not.toBeChecked();
  await expect(options.getByRole('status')).toHaveText(de('options.saved'));
  await expect.poll(async () => ((await b.storage('local')).settings as { features: Record<string, boolean> }).features.deeplinks).toBe(false);
  await options.keyboard.press('Space');
  await expect.poll(async () => ((await b.storage('local')).settings as { features: Record<string, boolean> }).features.deeplinks).toBe(true);

  // Typing into the name field and leaving it with Tab saves it.
  await options.locator('#opt-name').focus();
  await options.keyboard.type('Erika Mustermann');
  await options.keyboard.press('Tab');
  await expect.poll(async () => ((await b.storage('local')).settings as { name: string }).name).toBe('Erika Mustermann');

  // Reset: Enter opens the confirmation on "No"; Escape closes it, focus back on the reset button.
  const reset = options.getByRole('button', { name: de('options.reset') });
  await reset.focus();
  await options.keyboard.press('Enter');
  expect(await focused(options)).toBe(`button:${de('options.resetNo')}`);
  await options.keyboard.press('Escape');
  await expect(options.getByRole('button', { name: de('options.resetYes') })).toHaveCount(0);
  expect(await focused(options)).toBe(`button:${de('options.reset')}`);
  expect(((await b.storage('local')).settings as { name: string }).name).toBe('Erika Mustermann');
  // Enter again, Shift+Tab to "Yes", Space: reset, focus back on the reset button.
  await options.keyboard.press('Enter');
  await options.keyboard.press('Shift+Tab');
  expect(await focused(options)).toBe(`button:${de('options.resetYes')}`);
  await options.keyboard.press('Space');
  await expect(options.getByRole('status')).toHaveText(de('options.resetDone'));
  expect(await focused(options)).toBe(`button:${de('options.reset')}`);
  await expect(options.locator('#opt-name')).toHaveValue('');
});

test('Chromium: popup and options hold their layout at 200 % zoom (half the viewport): no sideways scrolling, nothing cut off', async ({ chromium }) => {
  const b = await chromium();
  await b.openOtto(OVERVIEW);
  const tabId = await (await b.worker()).evaluate(async () => (await (globalThis as any).chrome.tabs.query({ active: true }))[0].id);
  for (const lang of ['de', 'en']) {
    const popup = await b.context.newPage();
    // A toolbar popup is at most 800 × 600 device pixels: at 200 % that is 400 × 300 CSS pixels.
    await popup.setViewportSize({ width: 400, height: 300 });
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.locator('[data-page]')).toBeVisible();
    expect(await popup.evaluate(reflowProblems), `popup (${lang})`).toEqual([]);
    await popup.close();

    const options = await b.context.newPage();
    // A 1280 × 900 window at 200 %, and at 400 % (WCAG reflow: 320 CSS pixels wide).
    for (const size of [{ width: 640, height: 450 }, { width: 320, height: 450 }]) {
      await options.setViewportSize(size);
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await options.locator('#opt-name').waitFor();
      await options.locator('#opt-template').fill('Hallo {firma} XY'); // problems listed
      await options.getByRole('button', { name: lang === 'de' ? de('options.reset') : translator('en')('options.reset') }).click();
      expect(await options.evaluate(reflowProblems), `options ${size.width} px (${lang})`).toEqual([]);
    }
    await options.close();
    // The same in English (longer words in places).
    const p = await b.popup();
    await p.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'settings/patch', patch: { language: 'en' } }));
    await p.close();
  }
});

test('Chromium injected UI: checklist panel and deeplinks by keyboard', async ({ chromium }) => {
  const b = await chromium();
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://portal.otto.market' });
  const page = await b.openOtto(OVERVIEW);
  await expect(page.locator('lga-checklist [data-step]')).toHaveCount(8);
  await expect.poll(() => page.locator('lga-checklist [aria-checked="true"]').count()).toBeGreaterThan(0);
  await expect(page.locator('lga-deeplink').first()).toBeAttached();
  const next = (await page.locator('lga-checklist [data-step][aria-checked="false"]').first().getAttribute('data-step')) as StepId;

  // Into the panel: collapse button, next action, the 8 steps, the two articles; then the first deeplink control.
  const first = await tabTo(page, /^button:/, 'lga-checklist');
  const stops = [first, ...(await tabSequence(pw(page).press, pw(page).info, 11))];
  expect(stops.map((s) => `${s.host} ${s.key}`)).toEqual(
    [
      `button:${de('checklist.collapse')}`,
      `link:${de(`checklist.action.${next}` as never)}`,
      ...STEP_IDS.map((id) => `step:${id}`),
      `link:${de('currentArticle')}`,
      `link:${de('checklist.contactArticle')}`,
    ].map((k) => `lga-checklist ${k}`),
  );
  expectVisibleFocus(stops, 'checklist');
  const dl = await tabTo(page, /^link:/, 'lga-deeplink');
  const copy = await tabTo(page, /^button:/, 'lga-deeplink', 1);
  expectVisibleFocus([dl, copy], 'deeplink');
  await page.keyboard.press('Enter');
  await expect(page.locator('lga-deeplink').first().locator('button.copy')).toHaveText(de('deeplink.copiedShort'));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^https:\/\/www\.otto\.de\//);

  // Space on a step ticks it; Enter on the collapse button turns the panel into the compact line
  // (the focus on its "Alle Schritte"), Space there expands it again (the focus on "einklappen").
  await page.locator('lga-checklist [data-step="shipment-request-read"]').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('lga-checklist [data-step="shipment-request-read"]')).toHaveAttribute('aria-checked', 'true');
  const collapse = page.locator('lga-checklist button.collapse');
  await collapse.focus();
  await page.keyboard.press('Enter');
  await expect(collapse).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('lga-checklist [data-step="live"]')).toBeHidden();
  await expect.poll(async () => (await page.evaluate(focusInfo))?.key).toBe(`button:${de('checklist.allSteps')}`);
  // The compact line by keyboard: the next step's action, then "Alle Schritte".
  await page.keyboard.press('Shift+Tab');
  expect((await page.evaluate(focusInfo))?.key).toMatch(/^link:/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(collapse).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('lga-checklist [data-step="live"]')).toBeVisible();
  await expect.poll(async () => (await page.evaluate(focusInfo))?.key).toBe(`button:${de('checklist.collapse')}`);
});

test('Chromium injected UI: the launcher opens by Enter, moves the focus into the panel, Escape closes it and returns the focus', async ({ chromium }) => {
  const b = await chromium();
  const page = await b.openOtto(DASHBOARD);
  const launcher = await tabTo(page, /^button:Livegang/, 'lga-checklist');
  expectVisibleFocus([launcher], 'launcher');
  await page.keyboard.press('Enter');
  await expect(page.locator('lga-checklist [data-step]')).toHaveCount(8);
  expect((await page.evaluate(focusInfo))?.key).toBe('#lga-launcher-panel');
  const inside = await tabSequence(pw(page).press, pw(page).info, 3);
  expect(inside.map((s) => s.key)[0]).toBe(`button:${de('checklist.close')}`);
  expectVisibleFocus(inside, 'launcher panel');
  await page.locator('lga-checklist [data-step="customer-account"]').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('lga-checklist [data-step="customer-account"]')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(page.locator('lga-checklist [data-step]')).toHaveCount(0);
  expect(await page.evaluate(focusInfo)).toMatchObject({ key: expect.stringMatching(/^button:Livegang \d\/8$/), host: 'lga-checklist' });
  await expect(page.locator('lga-checklist button.launcher')).toHaveAttribute('aria-expanded', 'false');
});

test('Chromium injected UI: contact warning rule opens by Enter, Escape and the close button shut it and return the focus; rules link reachable', async ({ chromium }) => {
  const b = await chromium();
  const page = await b.context.newPage();
  await page.route(`${ORDERS}*`, (route) => {
    const r = serve(route.request().url(), { 'portal.otto.market': { '/orders': 'portal/orders-details-en.html' } });
    return route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
  });
  await page.goto(`${ORDERS}#/details/en4fr8gh2k/articles`);
  await expect.poll(() => page.locator('lga-contact-warning').count()).toBe(3);

  const pillKey = await tabTo(page, /^button:/, 'lga-contact-warning');
  expectVisibleFocus([pillKey], 'warning pill');
  const host = page.locator('lga-contact-warning').first();
  await page.keyboard.press('Enter');
  await expect(host.locator('button.pill')).toHaveAttribute('aria-expanded', 'true');
  await expect(host.getByRole('note')).toBeVisible();
  const inPanel = await tabSequence(pw(page).press, pw(page).info, 2);
  expect(inPanel.map((s) => `${s.host} ${s.key}`)).toEqual([`lga-contact-warning link:${de('contact.article')}`, `lga-contact-warning button:${de('contact.close')}`]);
  expectVisibleFocus(inPanel, 'rule');
  await page.keyboard.press('Escape');
  await expect(host.getByRole('note')).toBeHidden();
  expect(await page.evaluate(focusInfo)).toMatchObject({ key: pillKey.key, host: 'lga-contact-warning' });
  // Space opens it again; Enter on "close" shuts it, focus back on the pill.
  await page.keyboard.press('Space');
  await expect(host.getByRole('note')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(host.getByRole('note')).toBeHidden();
  expect(await page.evaluate(focusInfo)).toMatchObject({ key: pillKey.key, host: 'lga-contact-warning' });

  const rulesLink = await tabTo(page, `link:${de('contact.rules.article')}`, 'lga-contact-rules');
  expectVisibleFocus([rulesLink], 'contact rules');
});

test('Chromium injected UI: the ticket assistant by keyboard (insert, undo, the overwrite question with Escape)', async ({ chromium }) => {
  test.setTimeout(300_000);
  serveBuiltFiles('account.otto.market', LWC_URL_PREFIX, await ensureLwcForm());
  const b = await chromium({ fixtures: { 'account.otto.market': { '/s/ticketanlegen': 'account/ticket-lwc.html' } } });
  const open = async () => {
    const page = await b.openOtto(`${FORM}?shadow=native`);
    await page.waitForFunction(() => document.documentElement.dataset.lwcReady === 'true');
    await expect(page.locator('lga-ticket-assist')).toHaveAttribute('data-state', 'offer');
    return page;
  };
  const assist = (p: Page) => p.locator('lga-ticket-assist');
  const lastChange = (p: Page, field: string) =>
    p.evaluate((f) => [...((window as any).__lgaForm.changes ?? [])].reverse().find((c: { field: string }) => c.field === f)?.value as string | undefined, field);

  // No name yet: the menu's name is confirmed by keyboard.
  let page = await open();
  const use = await tabTo(page, 'action:use-menu-name', 'lga-ticket-assist');
  expectVisibleFocus([use], 'use menu name');
  await page.keyboard.press('Enter');
  await expect(assist(page).locator('[data-action="insert"]')).toBeEnabled();

  page = await open();
  // Confirming the menu's name is for that visit only (the options keep no name): asked again.
  await assist(page).locator('[data-action="use-menu-name"]').click();
  const preview = await tabTo(page, 'preview', 'lga-ticket-assist');
  const insert = await tabTo(page, 'action:insert', 'lga-ticket-assist', 1);
  expectVisibleFocus([preview, insert], 'ticket assistant');
  await page.keyboard.press('Enter');
  await expect(assist(page)).toHaveAttribute('data-state', 'filled');
  expect(await lastChange(page, 'subject')).toBe(SUBJECT);
  await page.keyboard.press('Tab');
  expect((await page.evaluate(focusInfo))?.key).toBe('action:undo');
  await page.keyboard.press('Enter');
  await expect(assist(page)).toHaveAttribute('data-state', 'offer');
  // The undo button is gone: the focus went to the insert button, not to the page.
  expect(await page.evaluate(focusInfo)).toMatchObject({ key: 'action:insert', host: 'lga-ticket-assist' });

  // Typed text: Enter asks first, on "cancel"; Escape closes the question, nothing written.
  await page.locator('input[name="subject"]').fill('Eigener Betreff');
  await assist(page).locator('[data-action="insert"]').focus();
  await page.keyboard.press('Enter');
  await expect(assist(page).locator('[data-conflict]')).toBeVisible();
  expect((await page.evaluate(focusInfo))?.key).toBe('action:cancel');
  await page.keyboard.press('Escape');
  await expect(assist(page).locator('[data-conflict]')).toHaveCount(0);
  expect(await page.evaluate(focusInfo)).toMatchObject({ key: 'action:insert', host: 'lga-ticket-assist' });
  expect(await lastChange(page, 'subject')).toBe('Eigener Betreff');
  // Enter, Shift+Tab to "overwrite", Space: replaced.
  await page.keyboard.press('Enter');
  await expect(assist(page).locator('[data-conflict]')).toBeVisible();
  expect((await page.evaluate(focusInfo))?.key).toBe('action:cancel');
  await page.keyboard.press('Shift+Tab');
  expect((await page.evaluate(focusInfo))?.key).toBe('action:overwrite');
  await page.keyboard.press('Space');
  await expect(assist(page)).toHaveAttribute('data-state', 'filled');
  expect(await lastChange(page, 'subject')).toBe(SUBJECT);
});

// ---------------------------------------------------------------------------------------------
// Firefox ESR (puppeteer-core keyboard)
// ---------------------------------------------------------------------------------------------

const pp = (page: FxPage) => ({
  press: (key: string) => (key === 'Shift+Tab' ? shiftTab(page) : page.keyboard.press(key as never)),
  // puppeteer's WebDriver BiDi keyboard knows the space bar as ' ' (not 'Space').
  info: () => page.evaluate(focusInfo),
});
async function shiftTab(page: FxPage) {
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
}
const fxFocused = (page: FxPage) => page.evaluate(focusInfo).then((f) => f?.key ?? null);

test('Firefox popup: Tab order, visible focus, Space and Enter tick steps', async ({ firefox }) => {
  const ff = await firefox();
  const popup = await ff.openExtensionPage('popup.html');
  await pollUntil(() => popup.evaluate(() => document.querySelectorAll('[data-step]').length), (n) => n === 8, 'the steps');
  await pollUntil(() => popup.evaluate(() => !!document.querySelector('.tab-status')), Boolean, 'the tab status');
  const next = (await popup.evaluate(() => document.querySelector('[data-step][aria-checked="false"]')?.getAttribute('data-step'))) as StepId;

  // In Firefox, once Tab has left the page for the browser's own UI, keys reach the page again but
  // Space no longer activates controls (headless, puppeteer). So: the stops forward and backward
  // without leaving the page, the activation checks, and leaving the page past the last stop last.
  const order = popupOrder(next, false);
  const stops = await tabSequence(pp(popup).press, pp(popup).info, order.length);
  expect(stops.map((s) => s.key)).toEqual(order);
  expectVisibleFocus(stops, 'Firefox popup');
  const back = await tabSequence(pp(popup).press, pp(popup).info, order.length - 1, 'Shift+Tab');
  expect(back.map((s) => s.key)).toEqual([...order].reverse().slice(1));
  expectVisibleFocus(back, 'Firefox popup (backwards)');

  await popup.evaluate(() => (document.querySelector('[data-step="test-order"]') as HTMLElement).focus());
  await popup.keyboard.press(' ');
  await pollUntil(() => popup.evaluate(() => document.querySelector('[data-step="test-order"]')?.getAttribute('aria-checked')), (v) => v === 'true', 'Space to tick');
  expect(await fxFocused(popup)).toBe('step:test-order');
  await popup.keyboard.press('Enter');
  await pollUntil(() => popup.evaluate(() => document.querySelector('[data-step="test-order"]')?.getAttribute('aria-checked')), (v) => v === 'false', 'Enter to untick');
  // Nothing focusable after the last stop.
  await popup.evaluate(() => (document.querySelector('button.linkish') as HTMLElement).focus());
  await popup.keyboard.press('Tab');
  expect(await fxFocused(popup)).toBeNull();
});

test('Firefox options: Tab order, visible focus, Space toggles a switch, Escape closes the reset confirmation', async ({ firefox }) => {
  const ff = await firefox();
  const options = await ff.openExtensionPage('options.html');
  await pollUntil(() => options.evaluate(() => !!document.getElementById('opt-name')), Boolean, 'the options form');

  // Forward and backward without leaving the page (see the popup test), leaving it at the end.
  const stops = await tabSequence(pp(options).press, pp(options).info, OPTIONS_ORDER.length);
  expect(stops.map((s) => s.key)).toEqual(OPTIONS_ORDER);
  expectVisibleFocus(stops, 'Firefox options');
  const back = await tabSequence(pp(options).press, pp(options).info, OPTIONS_ORDER.length - 1, 'Shift+Tab');
  expect(back.map((s) => s.key)).toEqual([...OPTIONS_ORDER].reverse().slice(1));

  const checked = () => options.evaluate(() => (document.getElementById('opt-f-contact') as HTMLInputElement).checked);
  const status = () => options.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? '');
  await options.evaluate(() => document.getElementById('opt-f-contact')!.focus());
  await options.keyboard.press(' ');
  await pollUntil(checked, (v) => v === false, 'Space to switch contact warnings off');
  await pollUntil(status, (s) => s === de('options.saved'), 'the saved status');
  await options.keyboard.press(' ');
  await pollUntil(checked, (v) => v === true, 'Space to switch them on');

  await options.evaluate(() => document.getElementById('opt-name')!.focus());
  await options.keyboard.type('Erika Mustermann');
  await options.keyboard.press('Tab');
  await pollUntil(status, (s) => s === de('options.saved'), 'the name saved');

  const resetKey = `button:${de('options.reset')}`;
  await options.evaluate(() => (document.querySelector('button.danger') as HTMLElement).focus());
  expect(await fxFocused(options)).toBe(resetKey);
  await options.keyboard.press('Enter');
  await pollUntil(() => fxFocused(options), (k) => k === `button:${de('options.resetNo')}`, 'the focus on "No"');
  await options.keyboard.press('Escape');
  await pollUntil(() => fxFocused(options), (k) => k === resetKey, 'the focus back on the reset button');
  expect(await options.evaluate(() => document.querySelectorAll('.confirm').length)).toBe(0);
  expect(await options.evaluate(() => (document.getElementById('opt-name') as HTMLInputElement).value)).toBe('Erika Mustermann');

  await options.keyboard.press('Enter');
  await pollUntil(() => fxFocused(options), (k) => k === `button:${de('options.resetNo')}`, 'the focus on "No"');
  await shiftTab(options);
  expect(await fxFocused(options)).toBe(`button:${de('options.resetYes')}`);
  await options.keyboard.press('Enter');
  await pollUntil(status, (s) => s === de('options.resetDone'), 'the reset');
  await pollUntil(() => fxFocused(options), (k) => k === resetKey, 'the focus back on the reset button');
  await pollUntil(() => options.evaluate(() => (document.getElementById('opt-name') as HTMLInputElement).value), (v) => v === '', 'the name cleared');
  // Nothing focusable after the reset button (the last stop).
  await options.keyboard.press('Tab');
  expect(await fxFocused(options)).toBeNull();
});
