import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PARTS } from '../lib/content/chunks';
import type { PortalLaterPart } from '../lib/content/later';
import { runAutosteps } from '../lib/features/autosteps/run';
import { productPage } from '../lib/features/deeplinks/product-page';
import { countRecognition, recogniseItems } from '../lib/otto/recognise';
import { pageKindOf } from '../lib/otto/pages';

/**
 * The portal's later part (lib/content/later.ts): imported by the portal's features after the
 * first paint (the product page's deeplink at once), never on the overview's first path.
 */
export default defineUnlistedScript(() => {
  const part: PortalLaterPart = {
    autosteps: runAutosteps,
    deeplinksProductPage: productPage,
    recognition: () => countRecognition({ page: pageKindOf(location.href), items: recogniseItems(), contacts: [] }),
  };
  (globalThis as Record<string, unknown>)[PARTS.portalLater.global] = part;
});
