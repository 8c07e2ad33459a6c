import { defineFeature } from '../types';

/** "Open on otto.de" / "copy link" per product row of the overview and on the product page. */
export const deeplinks = defineFeature({
  id: 'deeplinks',
  pages: ['opc-product-overview', 'opc-product-page'],
  // The list or the product title is awaited inside `init` (which one depends on the page).
  anchors: ['portalLoggedIn'],
  strings: 'deeplinks',
  setting: { default: true },
});

declare module '../types' {
  interface Features {
    deeplinks: typeof deeplinks;
  }
}
