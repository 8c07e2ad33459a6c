import type { EvidenceCode } from '../onboarding/steps';

/**
 * The merchant's way through otto.de, as far as the companion needs it: a click on a product's
 * otto.de link in Partner Connect, the product page that click opened (the journey starts), and
 * the order confirmation at its end. Only times and a tab id are kept (storage.session, gone when
 * the browser closes): no URL, no product, no order data.
 */
export interface Journey {
  /** When the deeplinked product page loaded. */
  at: number;
  /** The tab it loaded in: the same tab's product page keeps its guide (reloads, variations). */
  tab: number | null;
  /** The merchant closed the guide for this journey. */
  dismissed: boolean;
}

/** A click on a deeplink counts for the otto.de page that loads within this time. */
export const DEEPLINK_WINDOW_MS = 5 * 60 * 1000;
/** An order confirmation counts for a journey started this long ago at most. */
export const JOURNEY_TTL_MS = 6 * 60 * 60 * 1000;

/** storage.session keys (written by the background only). */
export const SESSION_KEYS = { deeplink: 'companionDeeplink', journey: 'companionJourney' } as const;

export interface PageFacts {
  product: boolean;
  loggedIn: boolean;
  confirmation: boolean;
}

export interface Decision {
  evidence: EvidenceCode[];
  /** The journey to store (`undefined`: unchanged). */
  journey?: Journey;
  /** The deeplink click was used up by this page. */
  consumeClick: boolean;
  /** Show the guide on this page. */
  guide: boolean;
}

const fresh = (at: number | null | undefined, now: number, ttl: number) => typeof at === 'number' && now - at >= 0 && now - at < ttl;

/**
 * What a page's facts mean, given the last deeplink click and the current journey. Pure.
 * - a product page within `DEEPLINK_WINDOW_MS` of a click starts a journey and confirms `deeplink-opened`;
 * - a product page in the journey's tab is still the deeplinked product (its guide stays unless closed);
 * - a logged-in customer completes `customer-account` (any otto.de page);
 * - an order confirmation completes `test-order` only within a fresh journey.
 */
export function decide(facts: PageFacts, click: number | null, journey: Journey | null, tab: number | null, now: number): Decision {
  const evidence: EvidenceCode[] = [];
  let next: Journey | undefined;
  let consumeClick = false;
  let guide = false;
  const live = journey && fresh(journey.at, now, JOURNEY_TTL_MS) ? journey : null;
  if (facts.product && !facts.confirmation) {
    if (fresh(click, now, DEEPLINK_WINDOW_MS)) {
      next = { at: now, tab, dismissed: false };
      consumeClick = true;
      evidence.push('otto-product-page');
      guide = true;
    } else if (live && tab !== null && live.tab === tab) {
      guide = !live.dismissed;
    }
  }
  if (facts.loggedIn) evidence.push('otto-customer-logged-in');
  if (facts.confirmation && live) evidence.push('otto-order-confirmed');
  return { evidence, journey: next, consumeClick, guide };
}

/** Reads a stored journey; anything malformed counts as none. */
export function readJourney(raw: unknown): Journey | null {
  if (!raw || typeof raw !== 'object') return null;
  const j = raw as Record<string, unknown>;
  if (typeof j.at !== 'number' || typeof j.dismissed !== 'boolean') return null;
  if (j.tab !== null && typeof j.tab !== 'number') return null;
  return { at: j.at, tab: j.tab as number | null, dismissed: j.dismissed };
}

/** Reads a stored click time; anything malformed counts as none. */
export function readClick(raw: unknown): number | null {
  const at = raw && typeof raw === 'object' ? (raw as { at?: unknown }).at : undefined;
  return typeof at === 'number' ? at : null;
}
