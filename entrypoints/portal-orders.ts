import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHUNKS } from '../lib/content/chunks';
import { publishChunk } from '../lib/content/publish';
import { publishPageTools } from '../lib/content/page-tools';
import { countRecognition, recogniseContacts } from '../lib/otto/recognise';
import { pageKindOf } from '../lib/otto/pages';
import { registerStrings } from '../lib/i18n';
import * as checklist from '../lib/i18n/strings/checklist';
import * as contact from '../lib/i18n/strings/contact';
import { PORTAL_ORDERS_INITS } from '../lib/features/portal-orders';

/** UI chunk of the portal's order list and order details: imported on demand (see lib/content/chunk.ts). */
export default defineUnlistedScript(() => {
  registerStrings(checklist, contact);
  publishChunk(CHUNKS.portal.orders, PORTAL_ORDERS_INITS);
  publishPageTools({ recognition: () => countRecognition({ page: pageKindOf(location.href), items: [], contacts: recogniseContacts() }) });
});
