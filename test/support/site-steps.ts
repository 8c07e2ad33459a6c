import { expect, type Page } from '@playwright/test';
import type { Page as FfPage } from 'puppeteer-core';
import type { ExtensionBrowser } from './chromium';
import { pollUntil, type FirefoxWithExtension } from './firefox';
import { siteUi, type SiteUi } from './sites';

/**
 * The merchant's steps in the options' sites section and waiting for our UI on a replica, for
 * the Chromium (Playwright) and Firefox (puppeteer-core) specs of the opt-in sites. Apart from
 * sites.ts because fixtures.ts imports that one (and the browser launchers import fixtures.ts).
 */

/** No UI of ours at all. */
export const NO_UI: SiteUi = { warnings: [], senders: [], rules: 0, senderText: '' };

/** The merchant's address registered with OTTO in the specs (the replicas offer it as one sender). */
export const REGISTERED = 'merchant@shop.example';

/** Every pattern the Chromium specs treat as granted ahead (see chromeBuildWithGranted). */
export const SITES_GRANTED = [
  'https://mail.google.com/*', 'https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*',
  'https://*.gmx.net/*', 'https://*.web.de/*', 'https://shop-backend.example/*', 'https://support.helpdesk.example/*', 'https://hostile.example/*',
];

// ---- Chromium (Playwright): the options' sites section, as the merchant uses it ----

/** The options page with the sites section rendered. */
export async function siteOptions(br: ExtensionBrowser): Promise<Page> {
  const page = await br.context.newPage();
  await page.goto(`chrome-extension://${br.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Weitere Seiten schützen' }).waitFor();
  return page;
}

/** Saves "E-Mail-Adresse, die bei OTTO hinterlegt ist". */
export async function setRegistered(page: Page, address: string): Promise<void> {
  const field = page.getByLabel(/E-Mail-Adresse.*OTTO/);
  await field.fill(address);
  await field.press('Tab');
  await expect(page.locator('.status')).toHaveText('Gespeichert.');
}

/** Turns a service's switch on or off and waits for it to show that state. */
export async function switchService(page: Page, name: string, on = true): Promise<void> {
  const sw = page.getByRole('switch', { name, exact: true });
  await sw.click();
  await (on ? expect(sw).toBeChecked() : expect(sw).not.toBeChecked());
}

/** Adds a site through "Weitere Seite" and waits until it is listed. */
export async function addSite(page: Page, origin: string): Promise<void> {
  await page.getByLabel('Weitere Seite', { exact: true }).fill(origin);
  await page.getByRole('button', { name: 'Seite hinzufügen' }).click();
  await expect(page.locator('[data-list="sites"]')).toContainText(new URL(origin.includes('://') ? origin : `https://${origin}`).origin);
}

/** Waits until the page's UI of ours satisfies `check` (the scans are throttled). */
export const untilUi = (page: Page, check: (u: SiteUi) => void) => expect(async () => check(await page.evaluate(siteUi))).toPass({ timeout: 10_000 });

// ---- Firefox (puppeteer-core): the same, with the real permission prompt (accepted by a pref) ----

/** Firefox accepts an extension's optional permission request without a prompt (its own pref). */
export const FF_ACCEPT_PROMPTS = { 'extensions.webextOptionalPermissionPrompts': false } as const;

export async function ffSiteOptions(f: FirefoxWithExtension): Promise<FfPage> {
  const page = await f.openExtensionPage('options.html');
  await pollUntil(() => page.evaluate(() => !!document.getElementById('opt-site-gmail')), Boolean, 'the sites section');
  return page;
}

type PermissionsApi = { permissions: { contains: (p: { origins: string[] }) => Promise<boolean>; remove: (p: { origins: string[] }) => Promise<boolean> } };
/** Does the extension hold `origin` (asked in an extension page)? */
export const ffGranted = (page: FfPage, origin: string) =>
  page.evaluate((o) => (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.contains({ origins: [o] }), origin);

export const ffUi = (page: FfPage) => page.evaluate(siteUi);

/**
 * Polls the page's UI until `ok`, then reads it once more after a pause (a scan runs within
 * ~100 ms: a second warning or a second set of rules would be there by then) and returns that.
 */
export async function ffSettledUi(page: FfPage, ok: (u: SiteUi) => boolean, what: string): Promise<SiteUi> {
  await pollUntil(() => ffUi(page), ok, what);
  await new Promise((r) => setTimeout(r, 600));
  return ffUi(page);
}

/** Waits long enough for a script that would run to have shown something (proves absence), then reads. */
export async function ffUiAfterPause(page: FfPage): Promise<SiteUi> {
  await new Promise((r) => setTimeout(r, 1500));
  return ffUi(page);
}

export async function ffSetRegistered(page: FfPage, address: string): Promise<void> {
  await page.evaluate((a) => {
    const field = document.getElementById('opt-sender') as HTMLInputElement;
    field.value = a;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }, address);
  await pollUntil(() => page.evaluate(() => document.querySelector('.status')?.textContent ?? ''), (t) => t.includes('Gespeichert'), 'saved');
}

/** Clicks a service's switch (`opt-site-<id>`, trusted input: the permission request runs in it) and waits for `on`. */
export async function ffSwitchService(page: FfPage, id: string, on = true): Promise<void> {
  await page.bringToFront();
  await page.click(`#opt-site-${id}`);
  await pollUntil(() => page.evaluate((i) => (document.getElementById(i) as HTMLInputElement).checked, `opt-site-${id}`), (v) => v === on, `the switch ${id} ${on ? 'on' : 'off'}`);
}

/** Adds a site through "Weitere Seite" (typed, Enter) and waits until it is listed. */
export async function ffAddSite(page: FfPage, host: string): Promise<void> {
  await page.bringToFront();
  await page.click('#opt-site-other');
  await page.keyboard.type(host);
  await page.keyboard.press('Enter');
  await pollUntil(() => page.evaluate(() => document.querySelector('[data-list="sites"]')?.textContent ?? ''), (t) => t.includes(`https://${host}`), 'the site listed');
}
