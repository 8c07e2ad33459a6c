import type { AnchorSpec } from '../selectors';

/** OPC order list and order details (issue: contact guardrails). */
export const ORDER_ANCHORS = {
  /**
   * The part of an order page that shows orders (list or details). The contact guardrails scan
   * only inside it; `body` is the last resort so that unknown markup still gets warnings.
   */
  orderContent: {
    selectors: ['[data-testid="order-details"]', '[data-testid="order-list"]', 'main', '[role="main"]', '#app', 'body'],
  },
  /** Page chrome that never holds buyer data (the merchant's own account e-mail may sit there). */
  orderPageChrome: {
    selectors: ['body > header, [role="banner"], nav, [role="navigation"], footer, [role="contentinfo"]'],
  },
  /** Address blocks (invoice and delivery address); their text is buyer data, never freight wording. */
  orderAddressBlocks: {
    selectors: [
      '[data-testid*="address" i], address, b2b-address, b2b-address-card, [class*="address" i], [aria-label*="adresse" i], [aria-label*="address" i]',
    ],
  },
  /** E-mail and phone links (`mailto:`, `tel:`). */
  orderContactLinks: {
    selectors: ['a[href^="mailto:" i], a[href^="tel:" i], a[href^="callto:" i]'],
  },
  /**
   * Form fields that only show a value (read-only or disabled): buyer data may be shown in them.
   * Fields the merchant can type into are never scanned.
   */
  orderReadonlyFields: {
    selectors: ['input[readonly], input[disabled], textarea[readonly], textarea[disabled]'],
  },
  /** Tooltip elements (rendered on hover or kept hidden until then); their trigger names them in `aria-describedby`. */
  orderTooltips: {
    selectors: ['[role="tooltip"]'],
  },
  /**
   * Candidates for the portal's "Kund*in kontaktieren" action; the text decides
   * (lib/otto/orders.ts, CONTACT_ACTION_TEXT). A test id, if OTTO ever adds one, wins.
   */
  orderContactAction: {
    selectors: [
      '[data-testid="contact-customer"], [data-testid="contact-buyer"]',
      'button, a[href], [role="button"], [role="link"], b2b-button, obc-button',
    ],
  },
  /** Orders shown in the order list: rows that link to an order's details (issue 3: `test-order` auto step). */
  orderRows: {
    selectors: [
      '[data-testid="order-row"]',
      '[role="row"]:has(a[href*="/details/"])',
      'tr:has(a[href*="/details/"])',
      'b2b-order-row',
    ],
  },
  /** The element that stands for one order in the order list (contact data is judged per order). */
  orderRowScope: {
    selectors: ['[role="row"]', 'tr', 'li', 'article'],
  },
} as const satisfies Record<string, AnchorSpec>;
