import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHUNKS } from '../lib/content/chunks';
import { publishChunk } from '../lib/content/publish';
import { PORTAL_ORDERS_INITS } from '../lib/features/portal-orders';

/** UI chunk of the portal's order list and order details: imported on demand (see lib/content/chunk.ts). */
export default defineUnlistedScript(() => {
  publishChunk(CHUNKS.portal.orders, PORTAL_ORDERS_INITS);
});
