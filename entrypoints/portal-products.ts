import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHUNKS } from '../lib/content/chunks';
import { publishChunk } from '../lib/content/publish';
import { publishPageTools } from '../lib/content/page-tools';
import { countRecognition, recogniseItems } from '../lib/otto/recognise';
import { pageKindOf } from '../lib/otto/pages';
import { registerStrings } from '../lib/i18n';
import { AREAS, INITS } from 'virtual:lga-chunk/portal/products';

/**
 * UI chunk of the portal's product and other pages: imported on demand (see lib/content/chunk.ts); its features
 * and their strings follow from the features' declarations (lib/build/feature-chunks.ts).
 */
export default defineUnlistedScript(() => {
  registerStrings(...AREAS);
  publishChunk(CHUNKS.portal.products, INITS);
  publishPageTools({ recognition: () => countRecognition({ page: pageKindOf(location.href), items: recogniseItems(), contacts: [] }) });
});
