import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHUNKS } from '../lib/content/chunks';
import { publishChunk } from '../lib/content/publish';
import { publishPageTools } from '../lib/content/page-tools';
import { loadedPortalLater } from '../lib/content/later';
import { registerStrings } from '../lib/i18n';
import { AREAS, INITS } from 'virtual:lga-chunk/portal/products';

/**
 * UI chunk of the portal's product and other pages: imported on demand (see lib/content/chunk.ts); its features
 * and their strings follow from the features' declarations (lib/build/feature-chunks.ts).
 */
export default defineUnlistedScript(() => {
  registerStrings(...AREAS);
  publishChunk(CHUNKS.portal.products, INITS);
  // Recognition counts come with the later part (loaded after the first paint on every page of this chunk).
  publishPageTools({ recognition: () => loadedPortalLater()?.recognition() });
});
