import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHUNKS } from '../lib/content/chunks';
import { publishChunk } from '../lib/content/publish';
import { PORTAL_PRODUCTS_INITS } from '../lib/features/portal-products';

/** UI chunk of the portal's product and other pages: imported on demand (see lib/content/chunk.ts). */
export default defineUnlistedScript(() => {
  publishChunk(CHUNKS.portal.products, PORTAL_PRODUCTS_INITS);
});
