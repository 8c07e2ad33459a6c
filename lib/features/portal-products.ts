import { initAutosteps } from './autosteps/init';
import { initChecklist } from './checklist/init';
import { initDeeplinks } from './deeplinks/init';
import type { FeatureInits } from './types';

/**
 * The code of the portal's features on the product overview, the product page and every other
 * page except the orders pages; shipped in the lazily imported chunk portal-products.js.
 */
export const PORTAL_PRODUCTS_INITS: FeatureInits = {
  autosteps: initAutosteps,
  checklist: initChecklist,
  deeplinks: initDeeplinks,
};
