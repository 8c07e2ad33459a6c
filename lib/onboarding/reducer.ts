import type { OnboardingState, StepState } from './state';
import { defaultState, openStep } from './state';
import { EVIDENCE_CONFIRMS, EVIDENCE_FOR_STEP, type EvidenceCode, type StepId } from './steps';

export type OnboardingEvent =
  | { type: 'evidence'; code: EvidenceCode; count?: number }
  | { type: 'toggle'; step: StepId; done: boolean }
  | { type: 'reset' }
  /** Done steps read from a kept-aside copy: each fills a step that is open now (never overwrites). */
  | { type: 'restore'; steps: Partial<Record<StepId, StepState>> };

/**
 * Pure state transition. Auto evidence only ever completes a step (never undoes one, never
 * overwrites an earlier completion); a manual toggle sets or clears a step.
 * Returns the same object when nothing changes, so callers can skip the write.
 */
export function reduce(state: OnboardingState, event: OnboardingEvent, now: number): OnboardingState {
  switch (event.type) {
    case 'evidence': {
      const step = EVIDENCE_FOR_STEP[event.code];
      const evidence = event.count === undefined ? { code: event.code } : { code: event.code, count: event.count };
      const current = state.steps[step];
      // Confirming evidence replaces the automatic evidence it confirms (keeping when it was done).
      const earlier = current.done && current.how === 'auto' ? current.evidence?.code : undefined;
      if (earlier && EVIDENCE_CONFIRMS[event.code]?.includes(earlier)) return withStep(state, step, { ...current, evidence });
      if (current.done) return state;
      return withStep(state, step, { done: true, how: 'auto', at: now, evidence });
    }
    case 'toggle': {
      const current = state.steps[event.step];
      if (current.done === event.done) return state;
      return withStep(state, event.step, event.done ? { done: true, how: 'manual', at: now, evidence: null } : openStep());
    }
    case 'reset':
      return defaultState();
    case 'restore': {
      let next = state;
      for (const [id, step] of Object.entries(event.steps) as Array<[StepId, StepState | undefined]>) {
        if (step?.done && !next.steps[id].done) next = withStep(next, id, step);
      }
      return next;
    }
  }
}

function withStep(state: OnboardingState, id: StepId, step: StepState): OnboardingState {
  return { ...state, steps: { ...state.steps, [id]: step } };
}
