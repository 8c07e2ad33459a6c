import { defineFeature } from '../types';

/** Steps the portal proves by itself being visible; `registered`: a logged-in OPC page. */
export const autosteps = defineFeature({
  id: 'autosteps',
  pages: ['opc-product-overview', 'opc-product-page', 'opc-order-list', 'opc-order-details', 'opc-other'],
  anchors: ['portalLoggedIn'],
});

declare module '../types' {
  interface Features {
    autosteps: typeof autosteps;
  }
}
