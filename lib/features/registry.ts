import { autosteps } from './autosteps';
import { checklist } from './checklist';
import type { Feature } from './types';

/** Features of the Partner Connect content script (portal.otto.market). */
export const PORTAL_FEATURES: readonly Feature[] = [autosteps, checklist];

/** Features of the help-center content script (account.otto.market). */
export const HELP_FEATURES: readonly Feature[] = [];
