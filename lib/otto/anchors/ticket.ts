import type { AnchorSpec } from '../selectors';

/** Help-center ticket form (issue: ticket assistant). */
export const TICKET_ANCHORS = {

} as const satisfies Record<string, AnchorSpec>;
