import { describe, expect, it } from 'vitest';
import { PAGE_KINDS, pageKindOf, type PageKind } from '../../lib/otto/pages';

/**
 * The URL matrix: every sample URL matches exactly its own page kind. `pageKindOf` picks the
 * first matching predicate, so we also check that no sample of one kind is claimed by another.
 */
const SAMPLES: Record<PageKind, string[]> = {
  'opc-product-overview': [
    'https://portal.otto.market/products/#productoverview',
    'https://portal.otto.market/products/',
    'https://portal.otto.market/products',
    'https://portal.otto.market/products/?searchTerm=SKU-123',
    'https://portal.otto.market/products/#/productoverview?page=2',
  ],
  'opc-product-page': [
    'https://portal.otto.market/products/productMaintenance/6f1c2a3e-1111-4aaa-9bbb-0123456789ab',
    'https://portal.otto.market/products/productmaintenance/abc/',
  ],
  'opc-order-list': ['https://portal.otto.market/orders', 'https://portal.otto.market/orders#/', 'https://portal.otto.market/orders#/list?status=PROCESSABLE'],
  'opc-order-details': [
    'https://portal.otto.market/orders#/details/cbn4abc123/articles',
    'https://portal.otto.market/orders#/details/cbn4abc123',
    'https://portal.otto.market/orders/#/details/XYZ9876543/invoice',
  ],
  'opc-other': [
    'https://portal.otto.market/',
    'https://portal.otto.market/receipts',
    'https://portal.otto.market/financials/overview',
    'https://portal.otto.market/settings/Nutzerverwaltung',
    'https://portal.otto.market/app-management/apps',
    'https://portal.otto.market/products/upload',
  ],
  'keycloak-login': [
    'https://portal.otto.market/auth/realms/partner/protocol/openid-connect/auth?client_id=x',
    'https://portal.otto.market/realms/partner/login-actions/authenticate',
  ],
  'hc-ticket-form': ['https://account.otto.market/s/ticketanlegen', 'https://account.otto.market/s/ticketanlegen?language=de'],
  'hc-livegang-article': ['https://account.otto.market/s/article/Vorbereitungen-Livegang', 'https://account.otto.market/s/article/Vorbereitungen-Livegang?language=en_US'],
  'hc-contact-article': ['https://account.otto.market/s/article/Kontakt-zu-Kund-innen-aufnehmen'],
  'hc-other': ['https://account.otto.market/s/', 'https://account.otto.market/s/article/Something-Else', 'https://account.otto.market/s/case/5001x000000abc'],
  other: [
    'https://portal.otto.market.evil.example/products/#productoverview',
    'http://portal.otto.market/products/',
    'https://evil.example/portal.otto.market/products/',
    'https://www.otto.de/p/abc-123/',
    'https://xaccount.otto.market/s/ticketanlegen',
    'not a url',
  ],
};

describe('page predicates (URL matrix)', () => {
  it('has samples for every page kind', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...PAGE_KINDS].sort());
  });
  for (const kind of PAGE_KINDS) {
    for (const url of SAMPLES[kind]) {
      it(`${url} → ${kind}`, () => {
        expect(pageKindOf(url)).toBe(kind);
      });
    }
  }
});
