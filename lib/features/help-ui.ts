import { initTicket } from './ticket/init';
import { initChecklist } from './checklist/init';
import type { FeatureInits } from './types';

/** The code of the help center's features, shipped in the lazily imported chunk help-ui.js. */
export const HELP_INITS: FeatureInits = {
  ticket: initTicket,
  checklist: initChecklist,
};
