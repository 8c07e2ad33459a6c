import type { PageKind } from '../otto/pages';

/** A lazily imported UI chunk: its file in the package, the global it publishes, the page kinds it serves. */
export interface UiChunk {
  readonly file: `/${string}.js`;
  readonly global: string;
  readonly pages: readonly PageKind[];
}

/**
 * The UI chunks, per host: one per group of page kinds, each built from `entrypoints/<file>.ts`
 * and holding only the features (and strings) its pages need. A page kind belongs to at most one
 * chunk of its host (test/unit/chunks.test.ts), so every page loads exactly one chunk.
 * wxt.config.ts derives the web-accessible resources and the in-page bundles from this table.
 */
export const CHUNKS = {
  portal: {
    /** Product overview, product page and every other OPC page (dashboard, …): autosteps, checklist, deeplinks. */
    products: { file: '/portal-products.js', global: '__lgaPortalProducts', pages: ['opc-product-overview', 'opc-product-page', 'opc-other'] },
    /** Order list and order details: autosteps, checklist, contact. */
    orders: { file: '/portal-orders.js', global: '__lgaPortalOrders', pages: ['opc-order-list', 'opc-order-details'] },
  },
  help: {
    /** Every help-center page: ticket assistant, checklist beside the article. */
    ui: { file: '/help-ui.js', global: '__lgaHelpUi', pages: ['hc-ticket-form', 'hc-livegang-article', 'hc-contact-article', 'hc-other'] },
  },
} as const satisfies Record<string, Record<string, UiChunk>>;

/** The chunks of one host (what a content-script entry hands to `startContent`). */
export type HostChunks = (typeof CHUNKS)[keyof typeof CHUNKS];

/** The chunk of `chunks` that serves `page`, if any. */
export function chunkFor(chunks: HostChunks, page: PageKind): UiChunk | undefined {
  return Object.values(chunks as Record<string, UiChunk>).find((c) => c.pages.includes(page));
}

/** A part of a feature imported only when it is shown (not per page kind): its file and the global it publishes. */
export interface UiPart {
  readonly file: `/${string}.js`;
  readonly global: string;
}

/**
 * Parts of features that are not on a page's first path, built from `entrypoints/<file>.ts` and
 * imported by the feature when it shows them (lib/content/chunk.ts importPart). They hold their
 * own copy of what they render with (Preact), so a chunk that does not show them carries none.
 * wxt.config.ts makes them web-accessible on both hosts, like the chunks.
 */
export const PARTS = {
  /** The checklist's full panel and the launcher (Preact, components/Checklist.tsx); the overview's compact line is plain DOM. */
  checklistPanel: { file: '/checklist-panel.js', global: '__lgaChecklistPanel' },
} as const satisfies Record<string, UiPart>;
