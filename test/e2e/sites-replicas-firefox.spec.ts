import { expect, test } from '../support/test';
import { SITE_URLS } from '../support/sites';
import { FF_ACCEPT_PROMPTS, ffAddSite, ffGranted, ffSetRegistered, ffSettledUi, ffSiteOptions, ffSwitchService, ffUiAfterPause, NO_UI, REGISTERED } from '../support/site-steps';

/**
 * Opt-in sites (issue #19) in real Firefox, replica by replica (Gmail and the shop backend: see
 * sites-firefox.spec.ts): nothing before the site is enabled (the switch asks with the real
 * `permissions.request`, accepted by Firefox's own pref), then exactly the right warnings —
 * relay, placeholder, the sender check where a sender is shown, the rules once per compose
 * view —, also while the merchant types and the recipient field re-renders; switched off, all
 * goes from the open tab without a reload.
 */

test('Firefox Outlook (Microsoft 365 and outlook.live.com): none before; the relay chip once after the well, rules once, the registered sender quiet, another one named; the rebuilt well keeps one warning; off: gone', async ({ firefox }) => {
  const ff = await firefox({ prefs: FF_ACCEPT_PROMPTS });
  const opts = await ffSiteOptions(ff);
  await ffSetRegistered(opts, REGISTERED);
  const work = await ff.openOtto(SITE_URLS.outlook);
  expect(await ffUiAfterPause(work)).toEqual(NO_UI);

  await ffSwitchService(opts, 'outlook');
  for (const p of ['https://outlook.office.com/*', 'https://outlook.live.com/*']) expect(await ffGranted(opts, p)).toBe(true);
  expect(await ffGranted(opts, 'https://mail.google.com/*')).toBe(false);
  const live = await ff.openOtto(SITE_URLS.outlookLive);
  const expected = { warnings: [{ kind: 'relay', after: 'div[An]' }], senders: [], rules: 1, senderText: '' };
  for (const page of [work, live]) expect(await ffSettledUi(page, (u) => u.warnings.length > 0 && u.rules > 0, 'Outlook warnings')).toEqual(expected);
  // Nothing of ours inside an editable area (it would become part of the mail).
  expect(await work.evaluate(() => document.querySelectorAll('[contenteditable="true"] lga-contact-warning, [contenteditable="true"] lga-contact-rules').length)).toBe(0);

  await work.evaluate(() => (window as unknown as { lgaSetSender: (a: string) => void }).lgaSetSender('info@shop.example'));
  const wrong = await ffSettledUi(work, (u) => u.senders.length > 0, 'the sender warning');
  expect(wrong.senders).toEqual(['mismatch']);
  expect(wrong.senderText).toContain(REGISTERED);

  // The page rebuilds the well on focus: new elements, the same recipient, still one warning.
  await work.evaluate(() => ((document.querySelector('[title*="customer.otto.market"]') as HTMLElement & { old?: boolean }).old = true));
  await work.bringToFront(); // a background tab gets no focus event
  await work.focus('#to');
  expect(await work.evaluate(() => (document.querySelector('[title*="customer.otto.market"]') as HTMLElement & { old?: boolean }).old)).toBeUndefined();
  expect(await ffSettledUi(work, (u) => u.warnings.length > 0, 'the warning after the rebuild')).toEqual({ ...expected, senders: ['mismatch'], senderText: wrong.senderText });

  await ffSwitchService(opts, 'outlook', false);
  for (const page of [work, live]) expect(await ffSettledUi(page, (u) => u.warnings.length === 0, 'all gone')).toEqual(NO_UI);
});

test('Firefox GMX and WEB.DE plain forms: an address typed before the site is on gets nothing; GMX on: one relay warning after "An", the sender beside "Von:" named, quiet when it matches; WEB.DE only once it is on; GMX off: gone', async ({ firefox }) => {
  const ff = await firefox({ prefs: FF_ACCEPT_PROMPTS });
  const opts = await ffSiteOptions(ff);
  await ffSetRegistered(opts, REGISTERED);
  const gmx = await ff.openOtto(SITE_URLS.gmx);
  const webde = await ff.openOtto(SITE_URLS.webde);
  await gmx.type('#to', 'kunde.x1@customer.otto.market', { delay: 10 });
  expect(await ffUiAfterPause(gmx)).toEqual(NO_UI);

  await ffSwitchService(opts, 'gmx');
  const onGmx = await ffSettledUi(gmx, (u) => u.warnings.length > 0 && u.senders.length > 0, 'GMX warnings');
  expect({ ...onGmx, senderText: '' }).toEqual({ warnings: [{ kind: 'relay', after: 'input' }], senders: ['mismatch'], rules: 1, senderText: '' });
  expect(onGmx.senderText).toContain('haendler@gmx.net');
  expect(onGmx.senderText).toContain(REGISTERED);
  // Only the site switched on: WEB.DE has neither the permission nor the script.
  expect(await ffGranted(opts, 'https://*.web.de/*')).toBe(false);
  await webde.type('#to', 'kunde.y2@customer.otto.market', { delay: 10 });
  expect(await ffUiAfterPause(webde)).toEqual(NO_UI);

  // The sender shown is the one registered with OTTO: nothing to say about it.
  await ffSetRegistered(opts, 'haendler@gmx.net');
  expect(await ffSettledUi(gmx, (u) => u.senders.length === 0, 'the sender warning gone')).toEqual({ warnings: [{ kind: 'relay', after: 'input' }], senders: [], rules: 1, senderText: '' });

  await ffSwitchService(opts, 'webde');
  expect((await ffSettledUi(webde, (u) => u.warnings.length > 0, 'WEB.DE warning')).warnings).toEqual([{ kind: 'relay', after: 'input' }]);

  await ffSwitchService(opts, 'gmx', false);
  expect(await ffSettledUi(gmx, (u) => u.warnings.length === 0 && u.rules === 0, 'GMX cleared')).toEqual(NO_UI);
  expect((await ffSettledUi(webde, (u) => u.warnings.length > 0, 'WEB.DE kept')).warnings).toHaveLength(1);
});

test('Firefox help desk added through "Weitere Seite": none before; the relay address in the message and in the reply form once each, rules once, "Absender" wrong then right; removed: gone and the permission given back', async ({ firefox }) => {
  const ff = await firefox({ prefs: FF_ACCEPT_PROMPTS });
  const opts = await ffSiteOptions(ff);
  await ffSetRegistered(opts, REGISTERED);
  const desk = await ff.openOtto(SITE_URLS.helpdesk);
  expect(await ffUiAfterPause(desk)).toEqual(NO_UI);

  await ffAddSite(opts, 'support.helpdesk.example');
  expect(await ffGranted(opts, 'https://support.helpdesk.example/*')).toBe(true);
  const seen = await ffSettledUi(desk, (u) => u.warnings.length > 1 && u.senders.length > 0, 'help desk warnings');
  expect(seen.warnings.map((w) => `${w.kind} after ${w.after}`).sort()).toEqual(['relay after input', 'relay after text']);
  expect(seen.senders).toEqual(['mismatch']);
  expect(seen.rules).toBe(1);
  await desk.select('#sender', REGISTERED);
  expect((await ffSettledUi(desk, (u) => u.senders.length === 0, 'the sender warning gone')).warnings).toHaveLength(2);

  await opts.bringToFront();
  await opts.click('button[aria-label="https://support.helpdesk.example entfernen"]');
  expect(await ffSettledUi(desk, (u) => u.warnings.length === 0, 'all gone')).toEqual(NO_UI);
  expect(await ffGranted(opts, 'https://support.helpdesk.example/*')).toBe(false);
});

test('Firefox Gmail: typing a relay address, turning it into a chip and re-rendering the chips keeps one warning per address; the typed text reaches the field untouched', async ({ firefox }) => {
  const ff = await firefox({ prefs: FF_ACCEPT_PROMPTS });
  const opts = await ffSiteOptions(ff);
  await ffSetRegistered(opts, REGISTERED);
  await ffSwitchService(opts, 'gmail');
  const mail = await ff.openOtto(SITE_URLS.gmail);
  await ffSettledUi(mail, (u) => u.warnings.length === 1, 'the chip warning');
  await mail.type('#to', 'z9y8x7w6@customer.otto.market', { delay: 10 });
  expect(await mail.$eval('#to', (el) => (el as HTMLInputElement).value)).toBe('z9y8x7w6@customer.otto.market');
  expect((await ffSettledUi(mail, (u) => u.warnings.length === 2, 'the typed address warned')).warnings.map((w) => w.after).sort()).toEqual(['div', 'input[An-Empfänger]']);
  await mail.keyboard.press('Enter');
  await ffSettledUi(mail, (u) => u.warnings.every((w) => w.after === 'div'), 'the chip warned');
  for (let i = 0; i < 5; i++) await mail.evaluate(() => (window as unknown as { lgaRerender: () => void }).lgaRerender());
  const after = await ffSettledUi(mail, (u) => u.warnings.length > 0, 'after re-renders');
  expect({ ...after, senderText: '' }).toEqual({ warnings: [{ kind: 'relay', after: 'div' }, { kind: 'relay', after: 'div' }], senders: ['mismatch'], rules: 1, senderText: '' });
});
