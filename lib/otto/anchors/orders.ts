import type { AnchorSpec } from '../selectors';

/** OPC order list and order details (issue: contact guardrails). */
export const ORDER_ANCHORS = {

} as const satisfies Record<string, AnchorSpec>;
