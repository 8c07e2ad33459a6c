import { defineFeature } from '../types';

/**
 * Steps the portal proves by itself being visible. `registered`: any logged-in OPC page
 * (the sign-out link is there). Further auto steps come with their features.
 */
export const autosteps = defineFeature({
  id: 'autosteps',
  pages: ['opc-product-overview', 'opc-product-page', 'opc-order-list', 'opc-order-details', 'opc-other'],
  anchors: ['portalLoggedIn'],
  init({ store, send }) {
    if (!store.state.value.steps.registered.done) void send({ type: 'evidence', code: 'portal-seen' });
  },
});
