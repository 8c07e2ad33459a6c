import type { AnchorSpec } from '../selectors';

/** OPC product overview and product page. Read through lib/otto/products.ts. */
export const PRODUCT_ANCHORS = {
  /** The product list container on the product overview. */
  productList: {
    // The last three are generic: lib/otto/products.ts looks for the others in the light DOM
    // first (no walk through the page's shadow roots) and keeps the order otherwise.
    selectors: [
      '[data-testid="product-list"]',
      ':is([role="table"], [role="grid"], table):is([aria-label*="produkt" i], [aria-label*="product" i])',
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
  /** The element that is one row, looked up from inside it with `closest()` (no `:has`, cheap). */
  productRow: {
    selectors: ['[role="row"]', 'tr', 'b2b-product-row', '[data-testid*="product-row"]'],
    what: 'Produktzeile (Element)',
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
  /** A row's stock cell when the markup names it (otherwise the "Bestand"/"Stock" column is used). */
  productStockCell: {
    selectors: ['[data-column="stock"]', '[data-label="Bestand"]', '[data-label="Stock"]', '[data-testid*="stock"]'],
    what: 'Bestandszelle',
  },
  /** Column headers of the product list (to find the stock column by its title). */
  productColumnHeaders: {
    selectors: ['thead th', '[role="columnheader"]', 'tr:first-child th'],
    what: 'Spaltenköpfe der Produktliste',
  },
  /** The cells of one row, in column order (searched inside a row). */
  productCells: {
    selectors: [':scope > td, :scope > th', ':scope > [role="cell"], :scope > [role="gridcell"], :scope > [role="rowheader"]', '[role="cell"], [role="gridcell"]'],
    what: 'Zellen einer Produktzeile',
  },
  /** Title on the product page. */
  productTitle: {
    selectors: ['main h1', 'h1', '[role="heading"][aria-level="1"]'],
    what: 'Produkttitel',
  },
} as const satisfies Record<string, AnchorSpec>;
