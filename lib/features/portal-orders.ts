import { initAutosteps } from './autosteps/init';
import { initChecklist } from './checklist/init';
import { initContact } from './contact/init';
import type { FeatureInits } from './types';

/** The code of the portal's features on the order list and order details; shipped in the chunk portal-orders.js. */
export const PORTAL_ORDERS_INITS: FeatureInits = {
  autosteps: initAutosteps,
  checklist: initChecklist,
  contact: initContact,
};
