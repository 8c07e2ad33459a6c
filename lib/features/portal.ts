import { autosteps } from './autosteps';
import { checklist } from './checklist';
import { contact } from './contact';
import { deeplinks } from './deeplinks';
import type { FeatureSpec } from './types';

/** Features of the Partner Connect content script (portal.otto.market). Code: ./portal-products.ts, ./portal-orders.ts */
export const PORTAL_FEATURES: readonly FeatureSpec[] = [autosteps, checklist, deeplinks, contact];
