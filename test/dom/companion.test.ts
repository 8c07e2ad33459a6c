import { beforeEach, describe, expect, it } from 'vitest';
import { isLoggedIn, isOrderConfirmation, isProductPage, recogniseShop, structuredTypes } from '../../lib/companion/recognise';
import { loadFixture } from '../support/load-fixture';

/**
 * otto.de recognition (lib/companion/recognise.ts) on the committed www.otto.de fixtures: each
 * fixture at the URL it stands for, with what it shows. Fixtures that render with a script (open
 * shadow roots, late content) get their script run here.
 */
const CASES: Array<{ file: string; url: string; product: boolean; loggedIn: boolean; confirmation: boolean }> = [
  { file: 'product-jsonld.html', url: 'https://www.otto.de/p/lga-testprodukt-tasse-S0LGA001/#variationId=S0LGA001A1B2', product: true, loggedIn: false, confirmation: false },
  { file: 'product-spa.html', url: 'https://www.otto.de/p/?moin=M0LGA0001', product: true, loggedIn: true, confirmation: false },
  { file: 'product-no-title.html', url: 'https://www.otto.de/p/lga-unbekannt-S0LGA999/', product: false, loggedIn: false, confirmation: false },
  { file: 'account-logged-in.html', url: 'https://www.otto.de/mein-konto/', product: false, loggedIn: true, confirmation: false },
  { file: 'account-menu-only.html', url: 'https://www.otto.de/', product: false, loggedIn: true, confirmation: false },
  { file: 'account-logged-out.html', url: 'https://www.otto.de/user/login', product: false, loggedIn: false, confirmation: false },
  { file: 'cart.html', url: 'https://www.otto.de/order/basket', product: false, loggedIn: true, confirmation: false },
  { file: 'checkout-address.html', url: 'https://www.otto.de/order/checkout/address', product: false, loggedIn: false, confirmation: false },
  { file: 'checkout-review.html', url: 'https://www.otto.de/order/checkout/confirm', product: false, loggedIn: false, confirmation: false },
  { file: 'payment-failed.html', url: 'https://www.otto.de/order/confirmation?status=failed', product: false, loggedIn: false, confirmation: false },
  { file: 'confirmation.html', url: 'https://www.otto.de/order/confirmation', product: false, loggedIn: true, confirmation: true },
  { file: 'confirmation-jsonld.html', url: 'https://www.otto.de/kasse/abschluss', product: false, loggedIn: true, confirmation: true },
  { file: 'confirmation-label.html', url: 'https://www.otto.de/bestellung/abgeschlossen', product: false, loggedIn: true, confirmation: true },
];

async function load(file: string) {
  loadFixture(`shop/otto/${file}`);
  // Run the page's own scripts (loadFixture leaves them inert), then let late rendering finish.
  for (const s of Array.from(document.querySelectorAll('script:not([type])'))) new Function(s.textContent ?? '')();
  await new Promise((r) => setTimeout(r, 350));
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('otto.de pages by meaning', () => {
  for (const c of CASES) {
    it(`${c.file}: product ${c.product}, logged in ${c.loggedIn}, confirmation ${c.confirmation}`, async () => {
      await load(c.file);
      expect(recogniseShop(document, new URL(c.url))).toEqual({ product: c.product, loggedIn: c.loggedIn, confirmation: c.confirmation });
    });
  }

  it('reads JSON-LD types, also in @graph, and skips broken blocks', () => {
    document.head.innerHTML =
      '<script type="application/ld+json">{"@graph":[{"@type":"BreadcrumbList"},{"@type":["Product","Thing"]}]}</script><script type="application/ld+json">{broken</script>';
    expect([...structuredTypes(document)].sort()).toEqual(['BreadcrumbList', 'Product', 'Thing']);
  });

  it('the URL decides the host and the product path: the same markup elsewhere is no product page and no confirmation', async () => {
    await load('product-jsonld.html');
    expect(isProductPage(document, new URL('https://www.otto.de.evil.example/p/x/'))).toBe(false);
    expect(isProductPage(document, new URL('https://www.otto.de/suche/tasse/'))).toBe(false);
    await load('confirmation.html');
    expect(isOrderConfirmation(document, new URL('https://www.otto.de.evil.example/order/confirmation'))).toBe(false);
  });

  it('a confirmation heading alone is not enough: it needs the path, structured data or an order-number label', () => {
    document.body.innerHTML = '<main><h1>Vielen Dank für Ihre Bestellung!</h1><p>Weiter einkaufen</p></main>';
    expect(isOrderConfirmation(document, new URL('https://www.otto.de/service/'))).toBe(false);
    expect(isOrderConfirmation(document, new URL('https://www.otto.de/order/confirmation'))).toBe(true);
  });

  it('"Abmelden" inside a sentence is no logout control; a greeting without a name is no login', () => {
    document.body.innerHTML = '<header><span>Hallo!</span></header><main><p>Vom Newsletter abmelden</p></main>';
    expect(isLoggedIn(document)).toBe(false);
    document.body.innerHTML = '<header><span>Hallo Erika</span></header>';
    expect(isLoggedIn(document)).toBe(true);
  });
});
