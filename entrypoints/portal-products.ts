import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHUNKS } from '../lib/content/chunks';
import { publishChunk } from '../lib/content/publish';
import { publishPageTools } from '../lib/content/page-tools';
import { countRecognition, recogniseItems } from '../lib/otto/recognise';
import { pageKindOf } from '../lib/otto/pages';
import { registerStrings } from '../lib/i18n';
import * as checklist from '../lib/i18n/strings/checklist';
import * as deeplinks from '../lib/i18n/strings/deeplinks';
import { PORTAL_PRODUCTS_INITS } from '../lib/features/portal-products';

/** UI chunk of the portal's product and other pages: imported on demand (see lib/content/chunk.ts). */
export default defineUnlistedScript(() => {
  registerStrings(checklist, deeplinks);
  publishChunk(CHUNKS.portal.products, PORTAL_PRODUCTS_INITS);
  publishPageTools({ recognition: () => countRecognition({ page: pageKindOf(location.href), items: recogniseItems(), contacts: [] }) });
});
