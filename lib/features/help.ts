import { ticket } from './ticket';
import { checklistHelp } from './checklist';
import type { FeatureSpec } from './types';

/** Features of the help-center content script (account.otto.market). Code: ./help-ui.ts */
export const HELP_FEATURES: readonly FeatureSpec[] = [ticket, checklistHelp];
