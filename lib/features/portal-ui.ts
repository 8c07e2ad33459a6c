import { initAutosteps } from './autosteps/init';
import { initChecklist } from './checklist/init';
import { initContact } from './contact/init';
import { initDeeplinks } from './deeplinks/init';
import type { FeatureInits } from './types';

/** The code of the portal's features, shipped in the lazily imported chunk portal-ui.js. */
export const PORTAL_INITS: FeatureInits = {
  autosteps: initAutosteps,
  checklist: initChecklist,
  contact: initContact,
  deeplinks: initDeeplinks,
};
