import type { StepId } from '../lib/onboarding/steps';
import { LINKS } from '../lib/otto/urls';

/** Where the merchant goes to do a step (OTTO's own pages; the article is always current). */
export const STEP_LINK: Record<StepId, string> = {
  registered: LINKS.registration,
  'customer-account': LINKS.shop,
  'product-with-stock': LINKS.productOverview,
  'deeplink-opened': LINKS.productOverview,
  'test-order': LINKS.livegangArticle,
  'shipment-request-read': LINKS.livegangArticle,
  'confirmation-sent': LINKS.ticketForm,
  live: LINKS.livegangArticle,
};

/** A step's own action instead of its link (e.g. "open confirmation ticket"): a label and what it does. */
export interface StepButton {
  label: string;
  run: () => void;
}
export type StepButtons = Partial<Record<StepId, StepButton>>;
/** An offer beside a step's action (e.g. "Testbestellung auf otto.de begleiten"), named by `data-action`. */
export type StepExtras = Partial<Record<StepId, StepButton & { action: string }>>;
