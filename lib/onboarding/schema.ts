import * as z from 'zod/mini';
import { EVIDENCE_CODES, STEP_IDS, type StepId } from './steps';
import { defaultState, STATE_VERSION, type LoadProblem, type OnboardingState } from './state';

const StepStateSchema = z.object({
  done: z.boolean(),
  how: z.nullable(z.enum(['auto', 'manual'])),
  at: z.nullable(z.number()),
  evidence: z.nullable(
    z.object({
      code: z.enum(EVIDENCE_CODES),
      count: z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000))),
    }),
  ),
});

export const OnboardingStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  steps: z.object(
    Object.fromEntries(STEP_IDS.map((id) => [id, StepStateSchema])) as Record<StepId, typeof StepStateSchema>,
  ),
});
// The hand-written type and the schema must describe the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<z.infer<typeof OnboardingStateSchema>, OnboardingState> = true;
void _sameShape;

/**
 * Migrations from older stored shapes. v0 (the prototype) stored `{ done: StepId[] }` without a
 * version; it becomes v1 with those steps ticked manually at an unknown time.
 */
export function migrate(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !('version' in raw) && Array.isArray((raw as { done?: unknown }).done)) {
    const state = defaultState();
    for (const id of (raw as { done: unknown[] }).done) {
      if (typeof id === 'string' && id in state.steps) {
        state.steps[id as StepId] = { done: true, how: 'manual', at: null, evidence: null };
      }
    }
    return state;
  }
  return raw;
}

export interface Loaded {
  state: OnboardingState;
  /** Set when the stored value could not be used; the caller keeps the raw value aside. */
  problem: LoadProblem | null;
}

/** Parses whatever storage held. Never throws: bad data yields defaults plus a problem. */
export function loadState(raw: unknown): Loaded {
  if (raw === undefined) return { state: defaultState(), problem: null };
  const migrated = migrate(raw);
  const parsed = OnboardingStateSchema.safeParse(migrated);
  if (parsed.success) return { state: parsed.data, problem: null };
  const version = migrated && typeof migrated === 'object' ? (migrated as { version?: unknown }).version : undefined;
  const problem: LoadProblem = typeof version === 'number' && version > STATE_VERSION ? 'unknown-version' : 'corrupt';
  return { state: defaultState(), problem };
}

