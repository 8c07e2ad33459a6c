import type { AnchorSpec } from '../selectors';

/** OPC product overview and product page. Read through lib/otto/products/. */
export const PRODUCT_ANCHORS = {
  /**
   * The product list container on the product overview. lib/otto/products/list.ts finds the list as
   * the container of the product items (by their links); these selectors only name the anchor
   * for diagnostics and generic anchor tests.
   */
  productList: {
    selectors: [
      '[data-testid="product-list"]',
      ':is([role="table"], [role="grid"], table):is([aria-label*="produkt" i], [aria-label*="product" i])',
      'b2b-product-list',
      '.obc_table',
      'main table',
      '[role="grid"]',
      'table',
    ],
  },
  /**
   * A link that may point to a product in the shop (absolute or protocol-relative, any case);
   * lib/otto/products/links.ts `productRef` keeps only real `https://www.otto.de/p/…` links. Every
   * product item is recognised from these links (products/items.ts), not from row or cell markup.
   */
  productShopLink: {
    selectors: ['a[href*="otto.de/p" i]'],
  },
  /** A row's stock cell when the markup names it (otherwise the "Bestand"/"Stock" column is used). */
  productStockCell: {
    selectors: ['[data-column="stock"]', '[data-label="Bestand"]', '[data-label="Stock"]', '[data-testid*="stock"]'],
  },
  /** Column headers of the product list (to find the stock column by its title). */
  productColumnHeaders: {
    selectors: ['thead th', '[role="columnheader"]', 'tr:first-child th'],
  },
  /** The cells of one row, in column order (searched inside a row). */
  productCells: {
    selectors: [':scope > td, :scope > th', ':scope > [role="cell"], :scope > [role="gridcell"], :scope > [role="rowheader"]', '[role="cell"], [role="gridcell"]'],
  },
  /** Title on the product page. */
  productTitle: {
    selectors: ['main h1', 'h1', '[role="heading"][aria-level="1"]'],
  },
} as const satisfies Record<string, AnchorSpec>;
