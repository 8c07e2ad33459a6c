import { STEP_IDS, type EvidenceCode, type StepId } from './steps';

/** Types and defaults of the onboarding state, free of the schema library (content scripts use them). */
export const STATE_VERSION = 1;

export interface StepState {
  done: boolean;
  how: 'auto' | 'manual' | null;
  at: number | null;
  evidence: { code: EvidenceCode; count?: number } | null;
}

export interface OnboardingState {
  version: typeof STATE_VERSION;
  steps: Record<StepId, StepState>;
}

/**
 * `corrupt`: nothing could be read (defaults apply); `unknown-version`: written by a newer version
 * (defaults apply, never guessed); `repaired`: some parts were dropped, every valid step was kept.
 */
export type LoadProblem = 'corrupt' | 'unknown-version' | 'repaired';

/** What a repair dropped: a whole step (unreadable or missing) or one part of a done step. */
export const DROPPED_PARTS = ['step', 'how', 'at', 'evidence', 'count'] as const;
export interface Dropped {
  step: StepId;
  part: (typeof DROPPED_PARTS)[number];
}

export const openStep = (): StepState => ({ done: false, how: null, at: null, evidence: null });

export function defaultState(): OnboardingState {
  return {
    version: STATE_VERSION,
    steps: Object.fromEntries(STEP_IDS.map((id) => [id, openStep()])) as Record<StepId, StepState>,
  };
}

export const openCount = (s: OnboardingState) => STEP_IDS.filter((id) => !s.steps[id].done).length;
export const nextOpenStep = (s: OnboardingState): StepId | null => STEP_IDS.find((id) => !s.steps[id].done) ?? null;

/**
 * May "hide once live" (settings.hideChecklistWhenLive) hide the checklist for good on this `live`?
 * Only when the merchant ticked it by hand or OTTO's product list showed products online
 * (`products-online`, from the overview). Any other source (a product page's badge, or a code a
 * later version adds) still ticks the step, but the checklist stays until the merchant confirms:
 * a page script that plants one "online" badge must not make the checklist disappear for good.
 * (States stored before `product-page-online` existed recorded a product page as
 * `products-online` too; those keep hiding as before.)
 */
export function liveHidesForGood(live: StepState): boolean {
  return live.done && (live.how === 'manual' || (live.how === 'auto' && live.evidence?.code === 'products-online'));
}
