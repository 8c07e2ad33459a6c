import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { serve } from '../support/fixtures';

/**
 * Contact guardrails (issue 4) in real Chromium with the built extension: warnings beside buyer
 * e-mails and phones, rules beside "Kund*in kontaktieren", once each after navigation and
 * re-renders, the copy reminder, the page layout, and the privacy proof.
 */

const ORDERS = 'https://portal.otto.market/orders';
const ARTICLE = 'https://account.otto.market/s/article/Kontakt-zu-Kund-innen-aufnehmen';

let b: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await b?.close();
  b = undefined;
});

/** Opens `hash` on /orders with `file` (test/fixtures/portal/…) served for every /orders request of this tab. */
async function openOrders(br: ExtensionBrowser, file: string, hash = ''): Promise<Page> {
  const page = await br.context.newPage();
  await page.route(`${ORDERS}*`, (route) => {
    const r = serve(route.request().url(), { 'portal.otto.market': { '/orders': `portal/${file}` } });
    return route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
  });
  await page.goto(`${ORDERS}${hash}`);
  return page;
}

export interface WarningInfo {
  kind: string | null;
  channel: string | null;
  /** Text of the node the warning sits right after (the value, its link, or its text line). */
  beside: string;
}

/**
 * Every warning host on the page, in page order, including hosts inside the page's own open
 * shadow roots. Runs in the page's main world: sees only what the page could see.
 */
export function listWarnings(): WarningInfo[] {
  const out: WarningInfo[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.tagName === 'LGA-CONTACT-WARNING') {
        const prev = el.previousSibling;
        out.push({
          kind: el.getAttribute('data-kind'),
          channel: el.getAttribute('data-channel'),
          beside: (prev?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        });
      } else if (el.shadowRoot && !el.tagName.startsWith('LGA-')) visit(el.shadowRoot);
    }
  };
  visit(document);
  return out;
}

const warnings = (page: Page) => page.evaluate(listWarnings);
const sorted = (list: WarningInfo[]) => [...list].sort((a, b) => (a.beside + a.channel).localeCompare(b.beside + b.channel));

async function expectWarnings(page: Page, expected: WarningInfo[]) {
  await expect.poll(async () => sorted(await warnings(page)), { timeout: 10_000 }).toEqual(sorted(expected));
}

test('parcel order: relay (mailto) and plain delivery e-mail warned once; no phone invented; rules beside "Kund*in kontaktieren"', async () => {
  b = await launchWithExtension();
  const page = await openOrders(b, 'orders-details-parcel.html', '#/details/pq3m7k2x9a/articles');
  await expectWarnings(page, [
    { kind: 'relay', channel: 'email', beside: 'k7f3q9x2@customer.otto.market' },
    { kind: 'other', channel: 'email', beside: 'erika.beispielfrau@example.org' },
  ]);
  await expect(page.locator('lga-contact-rules')).toHaveCount(1);
});
