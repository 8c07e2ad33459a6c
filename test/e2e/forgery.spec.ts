import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import type { Page as FxPage } from 'puppeteer-core';
import type { ExtensionBrowser } from '../support/chromium';
import { GECKO_ID, pollUntil } from '../support/firefox';
import { NAME } from '../support/ticket-text';
import { firstWarning } from '../support/deep';

/**
 * What a script on OTTO's own origin can try against us (issue 17, items 1 and 8): forge WXT's
 * "content script started" event to switch every feature off, and forge input (clicks, submits,
 * presses inside our open shadow roots) to tick steps. Every forging below runs in the page's
 * main world, exactly where such a script would run.
 */

const OVERVIEW = 'https://portal.otto.market/products/#productoverview';
const ARTICLE = 'https://account.otto.market/s/article/Vorbereitungen-Livegang';
const ORDER = 'https://portal.otto.market/orders#/details/fr7dx20k5m/articles';
const TICKET_FORM = 'https://account.otto.market/s/ticketanlegen';
const FIXTURES = {
  'account.otto.market': { '/s/article/Vorbereitungen-Livegang': 'account/livegang-article.html', '/s/ticketanlegen': 'account/ticket-plain.html' },
};
const ORDER_ROUTE = { 'portal.otto.market': { '/orders': 'portal/orders-details-freight.html' } };

/**
 * Page world: the "content script started" event in every shape a page can make: ours and WXT's,
 * whose real name is `<extension id>:<entry>:wxt:content-script-started` (the id is public). Returns how many
 * events went out.
 */
function forgeStarted(extensionId: string): number {
  // Ours (lib/content/script-context.ts: it only makes an orphaned copy check) and WXT's, which our builds no longer carry.
  const names = ['lga:content-script-started', 'wxt:content-script-started'];
  for (const id of [extensionId, 'undefined', '']) {
    for (const entry of ['portal', 'help', 'content-scripts/portal', 'content-scripts/help', 'portal.content', 'help.content']) {
      names.push(`${id}:${entry}:wxt:content-script-started`);
    }
  }
  const details: unknown[] = [
    { contentScriptName: 'portal', messageId: 'forged' },
    { contentScriptName: 'help', messageId: 'forged' },
    { contentScriptName: 'portal' },
    { contentScriptName: 'help' },
    { messageId: 'forged' },
    {},
    null,
    undefined,
    'portal',
  ];
  const targets: EventTarget[] = [document, window, document.documentElement, document.body];
  let sent = 0;
  for (let round = 0; round < 3; round++) {
    for (const name of names) {
      for (const target of targets) {
        for (const detail of details) {
          target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
          sent++;
        }
        target.dispatchEvent(new Event(name, { bubbles: true, composed: true }));
        sent++;
      }
      for (const contentScriptName of ['portal', 'help']) {
        window.postMessage({ type: name, contentScriptName, messageId: 'forged' }, '*');
        sent++;
      }
    }
  }
  return sent;
}

type Steps = Record<string, { done: boolean; how?: string | null; evidence?: { code: string } | null }>;

const steps = async (br: ExtensionBrowser) => ((await br.storage('local')).onboarding as { steps: Steps } | undefined)?.steps;

/** The popup asks every tab for diagnostics (as its "copy diagnostics" does); the answers. */
async function diagnostics(br: ExtensionBrowser) {
  const popup = await br.popup();
  const replies = await popup.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    return Promise.all((await c.tabs.query({})).map((tab: { id: number }) => c.tabs.sendMessage(tab.id, { type: 'diagnostics/get' }).catch(() => null)));
  });
  await popup.close();
  type Reply = { ok: boolean; data: { page: string; features: Record<string, { status: string }> } };
  return (replies as Array<Reply | null>).filter((r): r is Reply => r !== null);
}

test('a page forging "content script started" in every shape switches nothing off: panel, controls, ticks, diagnostics (portal and help center)', async ({ chromium }) => {
  const b = await chromium({ fixtures: FIXTURES });
  const page = await b.openOtto(OVERVIEW);
  const checklist = page.locator('lga-checklist');
  await expect(checklist.locator('[data-step="registered"]')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => page.locator('lga-deeplink').count()).toBeGreaterThanOrEqual(3);
  const controls = await page.locator('lga-deeplink').count();

  expect(await page.evaluate(forgeStarted, b.extensionId)).toBeGreaterThan(1000);
  await page.waitForTimeout(1500); // proves absence: the forged messages had time to remove or double our UI
  await expect(checklist).toHaveCount(1);
  await expect(page.locator('lga-deeplink')).toHaveCount(controls);
  // Still working, not just still there: a tick in the page, a tick from the popup, diagnostics.
  const box = checklist.locator('[data-step="customer-account"]');
  await box.click();
  await expect(box).toHaveAttribute('aria-checked', 'true');
  const popup = await b.popup();
  await popup.locator('[data-step="shipment-request-read"]').click();
  await expect(checklist.locator('[data-step="shipment-request-read"]')).toHaveAttribute('aria-checked', 'true');
  await popup.close();
  const overview = (await diagnostics(b)).find((r) => r.data.page === 'opc-product-overview');
  expect(overview?.ok).toBe(true);
  expect(overview?.data.features.checklist?.status).toBe('running');
  expect(overview?.data.features.deeplinks?.status).toBe('running');

  // The help center's script (another entry, another event name) likewise.
  const article = await b.openOtto(ARTICLE);
  await expect(article.locator('lga-checklist [data-step="registered"]')).toHaveCount(1);
  await article.evaluate(forgeStarted, b.extensionId);
  await article.waitForTimeout(1500); // proves absence: the forged messages had time to remove or double our UI
  await expect(article.locator('lga-checklist')).toHaveCount(1);
  const step = article.locator('lga-checklist [data-step="test-order"]');
  await step.click();
  await expect(step).toHaveAttribute('aria-checked', 'true');
  expect((await diagnostics(b)).some((r) => r.data.page === 'hc-livegang-article' && r.ok)).toBe(true);
});

test('a page forging "content script started" on an order page: contact warnings and rules stay and work', async ({ chromium }) => {
  const b = await chromium();
  const page = await b.openOtto(ORDER, ORDER_ROUTE);
  await expect(page.locator('lga-contact-warning')).toHaveCount(3);
  await expect(page.locator('lga-contact-rules')).toHaveCount(1);
  await page.evaluate(forgeStarted, b.extensionId);
  await page.waitForTimeout(1500); // proves absence: the forged messages had time to remove or double our UI
  await expect(page.locator('lga-contact-warning')).toHaveCount(3);
  await expect(page.locator('lga-contact-rules')).toHaveCount(1);
  const warning = page.locator('lga-contact-warning').first();
  await warning.locator('button.pill').click();
  await expect(warning.locator('[role="note"]')).toBeVisible();
  expect((await diagnostics(b)).find((r) => r.data.page === 'opc-order-details')?.data.features.contact?.status).toBe('running');
});

test('Firefox: a page forging "content script started" switches nothing off (panel, controls, ticks, diagnostics, contact warnings)', async ({ firefox }) => {
  const ff = await firefox();
  const page = await ff.openOtto(OVERVIEW);
  // Our hosts, also those inside the page's own open shadow roots (the order page has some).
  const count = (p: FxPage, sel: string) =>
    p.evaluate((s) => {
      const visit = (root: Document | ShadowRoot): Element[] => [
        ...root.querySelectorAll(s),
        ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot && !el.tagName.startsWith('LGA-') ? visit(el.shadowRoot) : [])),
      ];
      return visit(document).length;
    }, sel);
  const stepOf = (p: FxPage, s: string) => p.evaluate((id) => document.querySelector('lga-checklist')?.shadowRoot?.querySelector(`[data-step="${id}"]`)?.getAttribute('aria-checked') ?? null, s);
  await pollUntil(() => stepOf(page, 'registered'), (v) => v === 'true', 'registered');
  const controls = await pollUntil(() => count(page, 'lga-deeplink'), (n) => n >= 3, 'controls');

  expect(await page.evaluate(forgeStarted, GECKO_ID)).toBeGreaterThan(1000);
  await new Promise((r) => setTimeout(r, 1500)); // proves absence: the forged messages had time to remove or double our UI
  expect(await count(page, 'lga-checklist')).toBe(1);
  expect(await count(page, 'lga-deeplink')).toBe(controls);
  // A real click (WebDriver BiDi input) on the panel still ticks.
  const box = await page.evaluateHandle(() => document.querySelector('lga-checklist')!.shadowRoot!.querySelector('[data-step="customer-account"]')!);
  await (box.asElement() as import('puppeteer-core').ElementHandle<Element>).click();
  expect(await pollUntil(() => stepOf(page, 'customer-account'), (v) => v === 'true', 'tick after forging')).toBe('true');
  const popup = await ff.openExtensionPage('popup.html');
  const reply = await popup.evaluate(async () => {
    const api = (globalThis as unknown as { browser: any }).browser;
    const replies = await Promise.all((await api.tabs.query({})).map((t: { id: number }) => api.tabs.sendMessage(t.id, { type: 'diagnostics/get' }).catch(() => null)));
    return replies.find((r: { data?: { page?: string } } | null) => r?.data?.page === 'opc-product-overview') ?? null;
  });
  expect(reply?.ok).toBe(true);
  expect(reply?.data.features.checklist.status).toBe('running');

  const order = await ff.openOtto(ORDER, ORDER_ROUTE);
  await pollUntil(() => count(order, 'lga-contact-warning'), (n) => n === 3, 'warnings');
  await order.evaluate(forgeStarted, GECKO_ID);
  await new Promise((r) => setTimeout(r, 1500)); // proves absence: the forged messages had time to remove or double our UI
  expect(await count(order, 'lga-contact-warning')).toBe(3);
  expect(await count(order, 'lga-contact-rules')).toBe(1);
  const warning = (await order.evaluateHandle(firstWarning)) as import('puppeteer-core').JSHandle<Element>;
  const pill = await warning.evaluateHandle((h: Element) => h.shadowRoot!.querySelector('button.pill')!);
  await (pill.asElement() as import('puppeteer-core').ElementHandle<Element>).click();
  const noteShown = () =>
    warning.evaluate((h: Element) => {
      const note = h.shadowRoot!.querySelector('[role="note"]') as HTMLElement | null;
      return !!note && !note.hidden;
    });
  expect(await pollUntil(noteShown, (v) => v, 'note after forging')).toBe(true);
});

test('forged clicks on the portal\'s product link and on our own controls do not tick deeplink-opened; the merchant\'s click does', async ({ chromium }) => {
  const b = await chromium();
  const page = await b.openOtto(OVERVIEW);
  await expect.poll(() => page.locator('lga-deeplink').count()).toBeGreaterThanOrEqual(3);
  await expect.poll(async () => (await steps(b!))?.registered?.done).toBe(true);
  await page.evaluate(() => {
    // The page keeps itself from navigating; our listeners run before this one.
    document.addEventListener('click', (e) => e.preventDefault());
    const link = document.querySelector('table a.obc_link') as HTMLAnchorElement;
    link.click();
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    link.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, cancelable: true, composed: true, button: 1 }));
    const ours = document.querySelector('lga-deeplink')!.shadowRoot!.querySelector('a.open') as HTMLAnchorElement;
    ours.click();
    ours.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, cancelable: true, composed: true, button: 1 }));
  });
  await page.waitForTimeout(1000); // proves absence: a forged click must not tick the step
  expect((await steps(b))?.['deeplink-opened']?.done).toBe(false);
  await expect(page.locator('lga-checklist [data-step="deeplink-opened"]')).toHaveAttribute('aria-checked', 'false');

  // Positive control: the merchant's own middle click on the same link.
  await Promise.all([b.context.waitForEvent('page'), page.locator('table a.obc_link').first().click({ button: 'middle' })]);
  await expect.poll(async () => (await steps(b!))?.['deeplink-opened']?.evidence?.code).toBe('deeplink-portal-link');
});

test('a forged submit, requestSubmit() and a scripted click on "send", then a planted success message, do not tick confirmation-sent; the merchant\'s click does', async ({ chromium }) => {
  const b = await chromium({ fixtures: FIXTURES });
  const popup = await b.popup();
  expect((await popup.evaluate((name) => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'settings/patch', patch: { name } }), NAME)).ok).toBe(true);
  await popup.close();
  const page = await b.openOtto(TICKET_FORM);
  const assist = page.locator('lga-ticket-assist');
  await expect(assist).toHaveAttribute('data-state', 'offer');
  // The merchant inserts the confirmation (a real click on our button).
  await assist.locator('[data-action="insert"]').click();
  await expect(assist).toHaveAttribute('data-state', 'filled');

  const plantSuccess = () =>
    page.evaluate(() => {
      const ok = document.createElement('div');
      ok.className = 'slds-notify slds-notify_toast slds-theme_success';
      ok.setAttribute('role', 'status');
      ok.textContent = 'Ihr Ticket wurde erfolgreich erstellt.';
      document.body.append(ok);
    });
  await page.evaluate(() => {
    const form = document.querySelector('form.ticket-form') as HTMLFormElement;
    const send = form.querySelector('button[type="submit"]') as HTMLButtonElement;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: send }));
    // The browser fires a trusted `submit` for these two, though no one pressed anything.
    form.requestSubmit(send);
    send.click();
    send.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    send.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    send.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    form.requestSubmit(send);
  });
  await plantSuccess();
  await page.waitForTimeout(1500); // proves absence: a forged submission must not tick the step
  expect((await steps(b))?.['confirmation-sent']?.done ?? false).toBe(false);
  await expect(assist).toHaveAttribute('data-state', 'filled');

  // Positive control: the merchant presses "send"; the page then says it worked.
  await page.evaluate(() => document.querySelectorAll('.slds-notify').forEach((n) => n.remove()));
  await page.getByRole('button', { name: 'Ticket absenden' }).click();
  await plantSuccess();
  await expect(assist).toHaveAttribute('data-state', 'submitted');
  await expect.poll(async () => (await steps(b!))?.['confirmation-sent']?.evidence?.code).toBe('ticket-submitted');
});

const ALL_BUT_LIVE = {
  version: 1,
  steps: Object.fromEntries(
    ['registered', 'customer-account', 'product-with-stock', 'deeplink-opened', 'test-order', 'shipment-request-read', 'confirmation-sent', 'live'].map((id) => [
      id,
      id === 'live' ? { done: false, how: null, at: null, evidence: null } : { done: true, how: 'manual', at: 1_790_000_000_000, evidence: null },
    ]),
  ),
};

test('a page pressing "live" inside our open shadow root does not tick it (nor hide the checklist for good); the merchant\'s click does', async ({ chromium }) => {
  const b = await chromium();
  const w = await b.worker();
  await w.evaluate(async (state) => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    await c.storage.local.set({ onboarding: state });
  }, ALL_BUT_LIVE);
  const popup = await b.popup();
  // Steps done already: a later visit, whose compact line has no step boxes; the full panel here.
  expect((await popup.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'ui/collapse', collapsed: false }))).ok).toBe(true);
  expect((await popup.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'settings/patch', patch: { hideChecklistWhenLive: true } }))).ok).toBe(true);
  await popup.close();
  const page: Page = await b.openOtto(OVERVIEW);
  const live = page.locator('lga-checklist [data-step="live"]');
  await expect(live).toHaveAttribute('aria-checked', 'false');
  await page.evaluate(() => {
    const root = document.querySelector('lga-checklist')!.shadowRoot!;
    const box = root.querySelector('[data-step="live"]') as HTMLElement;
    box.click();
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'pointerup', 'click']) box.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
    for (const key of [' ', 'Enter']) {
      box.dispatchEvent(new KeyboardEvent('keydown', { key, code: key === ' ' ? 'Space' : 'Enter', bubbles: true, composed: true, cancelable: true }));
      box.dispatchEvent(new KeyboardEvent('keyup', { key, code: key === ' ' ? 'Space' : 'Enter', bubbles: true, composed: true, cancelable: true }));
    }
    const input = box.querySelector('input') ?? root.querySelector('input[type="checkbox"]');
    if (input) {
      (input as HTMLInputElement).click();
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  });
  await page.waitForTimeout(1000); // proves absence: forged input must not tick the step
  expect((await steps(b))?.live?.done).toBe(false);
  await expect(page.locator('lga-checklist')).toHaveCount(1);

  // Positive control: the merchant ticks "live" by hand; with the setting on, the checklist goes.
  await live.click();
  await expect(page.locator('lga-checklist')).toHaveCount(0);
  expect((await steps(b))?.live).toMatchObject({ done: true, how: 'manual' });
});
