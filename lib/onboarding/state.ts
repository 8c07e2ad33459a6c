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
