import type { Page } from '@playwright/test';
import { serveBuiltFiles, type FixtureMap } from './fixtures';
import { ensureLwcForm, LWC_URL_PREFIX } from './lwc-form';

/** The surfaces `npm run demo` shows and photographs (one entry per injected UI or page). */
export interface DemoSurface {
  name: string;
  /** An OTTO URL served from fixtures, or… */
  url?: string;
  /** …an extension page such as popup.html. */
  extensionPage?: string;
  /** What must be on screen before the screenshot. */
  waitFor?: string;
  viewport?: { width: number; height: number };
  fullPage?: boolean;
  prepare?: (page: Page) => Promise<void>;
}

/** Route overrides the demo needs beyond the defaults in fixtures.ts. */
export const DEMO_FIXTURES: Record<string, FixtureMap> = {
  'portal.otto.market': {
    // A freight order: relay address, delivery phone and e-mail (warnings), "Kund*in kontaktieren" (rules).
    '/orders': 'portal/orders-details-freight.html',
  },
  'account.otto.market': {
    '/s/article/Vorbereitungen-Livegang': 'account/livegang-article.html',
    // The ticket form rendered by Salesforce's own published code (built by prepareDemo).
    '/s/ticketanlegen': 'account/ticket-lwc.html',
  },
};

/**
 * Once before the browser starts: builds (or reuses from .cache/) the Salesforce ticket form and
 * serves it next to the fixtures, as the ticket specs do.
 */
export async function prepareDemo(log: (m: string) => void = () => undefined): Promise<void> {
  serveBuiltFiles('account.otto.market', LWC_URL_PREFIX, await ensureLwcForm(log));
}

/** Waits until the Salesforce form has rendered (its components load after the page). */
const lwcReady = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.lwcReady === 'true', undefined, { timeout: 15_000 }).then(() => undefined);

export const DEMO_SURFACES: DemoSurface[] = [
  // The checklist docked above the product list, with the deeplink controls in the rows.
  { name: 'product-overview', url: 'https://portal.otto.market/products/#productoverview', waitFor: 'lga-checklist [data-step]' },
  // The next visit (the first one recorded "registered"): the compact line above the list.
  { name: 'checklist-compact', url: 'https://portal.otto.market/products/#productoverview', waitFor: 'lga-checklist button[aria-expanded="false"]', viewport: { width: 1280, height: 400 } },
  {
    name: 'deeplinks',
    url: 'https://portal.otto.market/products/#productoverview',
    waitFor: 'lga-deeplink',
    viewport: { width: 1280, height: 600 },
    prepare: async (page) => {
      // The product rows with their controls, the copy confirmation on the first one.
      await page.locator('lga-deeplink').first().scrollIntoViewIfNeeded();
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://portal.otto.market' });
      await page.locator('lga-deeplink button.copy').first().click();
    },
  },
  {
    name: 'checklist-launcher',
    url: 'https://portal.otto.market/',
    waitFor: 'lga-checklist button.launcher',
    prepare: async (page) => {
      await page.locator('lga-checklist button.launcher').click();
      await page.locator('lga-checklist [data-step]').first().waitFor();
    },
  },
  { name: 'checklist-article', url: 'https://account.otto.market/s/article/Vorbereitungen-Livegang', waitFor: 'lga-checklist [data-step]' },
  {
    name: 'contact-warnings',
    url: 'https://portal.otto.market/orders#/details/fr7dx20k5m/articles',
    waitFor: 'lga-contact-rules',
    prepare: async (page) => {
      // The delivery phone's rule opened, as after a click on its warning.
      await page.locator('lga-contact-warning[data-channel="phone"] button.pill').first().waitFor();
      await page.locator('lga-contact-warning[data-channel="phone"] button.pill').first().click();
      await page.locator('lga-contact-warning[data-channel="phone"] [role="note"]').first().waitFor();
    },
  },
  {
    name: 'ticket-offer',
    url: 'https://account.otto.market/s/ticketanlegen',
    waitFor: 'lga-ticket-assist[data-state="offer"]',
    viewport: { width: 1280, height: 1000 },
    prepare: lwcReady,
  },
  {
    name: 'ticket-filled',
    url: 'https://account.otto.market/s/ticketanlegen',
    waitFor: 'lga-ticket-assist[data-state="offer"]',
    viewport: { width: 1280, height: 1000 },
    prepare: async (page) => {
      await lwcReady(page);
      // No name in the settings yet: the name from the help center's user menu is confirmed.
      const useMenuName = page.locator('lga-ticket-assist [data-action="use-menu-name"]');
      if (await useMenuName.count()) await useMenuName.click();
      await page.locator('lga-ticket-assist [data-action="insert"]').click();
      await page.locator('lga-ticket-assist[data-state="filled"]').waitFor();
    },
  },
  { name: 'popup', extensionPage: 'popup.html', waitFor: '[data-step]', viewport: { width: 400, height: 640 }, fullPage: true },
  { name: 'options', extensionPage: 'options.html', waitFor: '#opt-name', viewport: { width: 800, height: 900 }, fullPage: true },
];
