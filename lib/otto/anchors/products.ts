import type { AnchorSpec } from '../selectors';

/** OPC product overview and product page. */
export const PRODUCT_ANCHORS = {
  /** The product list container on the product overview. */
  productList: {
    selectors: [
      '[data-testid="product-list"]',
      '[role="table"][aria-label*="rodukt"]',
      'table[aria-label*="rodukt"]',
      'b2b-product-list',
      '.obc_table',
      'main table',
      '[role="grid"]',
      'table',
    ],
    what: 'Produktliste',
  },
  /** Rows of the product list (searched inside productList). */
  productRows: {
    selectors: ['[role="row"]:has(a[href*="otto.de"])', 'tr:has(a[href*="otto.de"])', '[role="row"]:not(:has(th, [role="columnheader"]))', 'tbody tr', 'b2b-product-row'],
    what: 'Produktzeilen',
  },
  /** The product's link to the shop inside a row or on the product page. */
  productShopLink: {
    selectors: ['a[href^="https://www.otto.de/"]', 'a.obc_link[href*="otto.de"]', 'a[href*="otto.de/p/"]'],
    what: 'Produktlink auf otto.de',
  },
  /** A status badge of a product. */
  productStatus: {
    selectors: ['[data-status]', '.obc_label', '[class*="status"]', '[role="status"]'],
    what: 'Status-Badge',
  },
  /** Title on the product page. */
  productTitle: {
    selectors: ['main h1', 'h1', '[role="heading"][aria-level="1"]'],
    what: 'Produkttitel',
  },
} as const satisfies Record<string, AnchorSpec>;
