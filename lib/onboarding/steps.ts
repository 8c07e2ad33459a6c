/** The 8 onboarding steps. Their ids are part of the public contract (spec: "Onboarding steps"). */
export const STEP_IDS = [
  'registered',
  'customer-account',
  'product-with-stock',
  'deeplink-opened',
  'test-order',
  'shipment-request-read',
  'confirmation-sent',
  'live',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

/**
 * Evidence is a code plus an optional count, never free text from a page: the text the merchant
 * reads is rendered from the code in their language, so no personal data can reach storage.
 */
export const EVIDENCE_CODES = [
  'portal-seen',
  'products-with-stock',
  'deeplink-control',
  'deeplink-portal-link',
  'orders-listed',
  'ticket-submitted',
  'products-online',
  'product-page-online',
  // otto.de companion (lib/companion/): reported only by the background from the otto.de script's page facts.
  'otto-customer-logged-in',
  'otto-order-confirmed',
  'otto-product-page',
] as const;
export type EvidenceCode = (typeof EVIDENCE_CODES)[number];

/** Which auto evidence may complete which step. Anything else is refused. */
export const EVIDENCE_FOR_STEP: Record<EvidenceCode, StepId> = {
  'portal-seen': 'registered',
  'products-with-stock': 'product-with-stock',
  'deeplink-control': 'deeplink-opened',
  'deeplink-portal-link': 'deeplink-opened',
  'orders-listed': 'test-order',
  'ticket-submitted': 'confirmation-sent',
  'products-online': 'live',
  'product-page-online': 'live',
  'otto-customer-logged-in': 'customer-account',
  'otto-order-confirmed': 'test-order',
  'otto-product-page': 'deeplink-opened',
};

/**
 * Evidence that confirms an earlier automatic completion: the click on a deeplink ticked
 * `deeplink-opened`; the otto.de product page actually loading replaces that evidence.
 */
export const EVIDENCE_CONFIRMS: Partial<Record<EvidenceCode, readonly EvidenceCode[]>> = {
  'otto-product-page': ['deeplink-control', 'deeplink-portal-link'],
};

/** Evidence only the background derives (from the otto.de companion's page facts); never accepted in an `evidence` message. */
export const COMPANION_EVIDENCE = ['otto-customer-logged-in', 'otto-order-confirmed', 'otto-product-page'] as const satisfies readonly EvidenceCode[];
