import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHUNKS } from '../lib/content/chunks';
import { publishChunk } from '../lib/content/publish';
import { PORTAL_INITS } from '../lib/features/portal-ui';

/** UI chunk of the portal content script: imported on demand (see lib/content/chunk.ts). */
export default defineUnlistedScript(() => publishChunk(CHUNKS.portal, PORTAL_INITS));
