/**
 * The selector table: every CSS selector that points into OTTO's pages, with ordered fallbacks.
 * Semantics first (roles, names, link targets), pattern-library classes last. When OTTO changes
 * a page, a new fixture and an edit here should be all that is needed.
 *
 * Nobody on the team has seen the logged-in pages: these are hypotheses drawn from public
 * scripts and plugins (test/fixtures/README.md says where each fixture comes from) and checked
 * against our fixtures.
 */
export interface AnchorSpec {
  /** Ordered fallbacks: the first selector that finds something wins. */
  selectors: readonly string[];
}
// What each anchor stands for is its doc comment in lib/otto/anchors/*: a label string here was
// never shown anywhere and was shipped in every content-script entry (issue #16's size budget).

import { CORE_ANCHORS } from './anchors/core';
import { PRODUCT_ANCHORS } from './anchors/products';
import { ORDER_ANCHORS } from './anchors/orders';
import { TICKET_ANCHORS } from './anchors/ticket';

/** One table, assembled from one file per area so each area's selectors live together. */
export const ANCHORS = { ...CORE_ANCHORS, ...PRODUCT_ANCHORS, ...ORDER_ANCHORS, ...TICKET_ANCHORS } as const satisfies Record<string, AnchorSpec>;

export type AnchorName = keyof typeof ANCHORS;
