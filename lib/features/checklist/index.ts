import { defineFeature } from '../types';

/**
 * The live-readiness checklist on Partner Connect: docked above the product list on the
 * overview, a small launcher on every other logged-in page (the list is awaited inside `init`).
 */
export const checklist = defineFeature({
  id: 'checklist',
  pages: ['opc-product-overview', 'opc-product-page', 'opc-order-list', 'opc-order-details', 'opc-other'],
  anchors: ['portalLoggedIn'],
  topOnly: true,
  strings: 'checklist',
  setting: { default: true },
});

/** The same checklist beside OTTO's help-center article "Vorbereitungen-Livegang". */
export const checklistHelp = defineFeature({
  id: 'checklist',
  pages: ['hc-livegang-article'],
  anchors: ['articleBody'],
  topOnly: true,
  strings: 'checklist',
});

declare module '../types' {
  interface Features {
    checklist: typeof checklist;
  }
}
