import * as z from 'zod/mini';
import { EVIDENCE_CODES, STEP_IDS, type StepId } from './steps';
import { defaultState, openStep, STATE_VERSION, type Dropped, type LoadProblem, type OnboardingState, type StepState } from './state';

const HowSchema = z.nullable(z.enum(['auto', 'manual']));
const AtSchema = z.nullable(z.number());
const CountSchema = z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000)));
const EvidenceSchema = z.nullable(z.object({ code: z.enum(EVIDENCE_CODES), count: CountSchema }));
const StepStateSchema = z.object({ done: z.boolean(), how: HowSchema, at: AtSchema, evidence: EvidenceSchema });

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
  /** Set when the stored value could not be used as it was; the caller keeps the raw value aside. */
  problem: LoadProblem | null;
  /** With `repaired`: what was dropped (every other step and part was kept). */
  dropped: Dropped[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * One stored step, part by part: a step whose `done` is unreadable is dropped whole; of a done
 * step only a bad part is dropped (an evidence code from a newer version, a count out of range,
 * a date of the wrong type); an open step carries nothing worth keeping.
 */
function repairStep(raw: unknown): { step: StepState | null; dropped: Dropped['part'][] } {
  const whole = StepStateSchema.safeParse(raw);
  if (whole.success) return { step: whole.data, dropped: [] };
  if (!isRecord(raw) || typeof raw.done !== 'boolean') return { step: null, dropped: ['step'] };
  if (!raw.done) return { step: openStep(), dropped: [] };
  const dropped: Dropped['part'][] = [];
  const how = HowSchema.safeParse(raw.how);
  const at = AtSchema.safeParse(raw.at);
  if (!how.success) dropped.push('how');
  if (!at.success) dropped.push('at');
  let evidence: StepState['evidence'] = null;
  const ev = raw.evidence;
  const code = isRecord(ev) ? z.enum(EVIDENCE_CODES).safeParse(ev.code) : null;
  if (ev !== null && !code?.success) dropped.push('evidence');
  else if (code?.success) {
    const count = CountSchema.safeParse((ev as Record<string, unknown>).count);
    if (!count.success) dropped.push('count');
    evidence = count.success && count.data !== undefined ? { code: code.data, count: count.data } : { code: code.data };
  }
  return { step: { done: true, how: how.success ? how.data : null, at: at.success ? at.data : null, evidence }, dropped };
}

/**
 * Reads every step that can be read from a stored or kept-aside value of any version (an explicit
 * restore may take over what a newer version wrote, as far as this version understands it).
 * `null` when there are no steps at all.
 */
export function readSteps(raw: unknown): { steps: Partial<OnboardingState['steps']>; dropped: Dropped[] } | null {
  const migrated = migrate(raw);
  if (!isRecord(migrated) || !isRecord(migrated.steps)) return null;
  const steps: Partial<OnboardingState['steps']> = {};
  const dropped: Dropped[] = [];
  for (const id of STEP_IDS) {
    const got = repairStep(migrated.steps[id]);
    if (got.step) steps[id] = got.step;
    for (const part of got.dropped) dropped.push({ step: id, part });
  }
  return { steps, dropped };
}

/**
 * Parses whatever storage held. Never throws. Bad parts are repaired field by field like the
 * settings: every valid step is kept and only what is broken is dropped (`repaired`, with the
 * list); data without any readable step, or from a newer version, yields defaults.
 */
export function loadState(raw: unknown): Loaded {
  if (raw === undefined) return { state: defaultState(), problem: null, dropped: [] };
  const migrated = migrate(raw);
  const parsed = OnboardingStateSchema.safeParse(migrated);
  if (parsed.success) return { state: parsed.data, problem: null, dropped: [] };
  const version = isRecord(migrated) ? migrated.version : undefined;
  if (typeof version === 'number' && version > STATE_VERSION) return { state: defaultState(), problem: 'unknown-version', dropped: [] };
  const read = readSteps(migrated);
  const kept = read ? STEP_IDS.filter((id) => read.steps[id]) : [];
  if (!read || kept.length === 0) return { state: defaultState(), problem: 'corrupt', dropped: [] };
  const state = defaultState();
  for (const id of kept) state.steps[id] = read.steps[id]!;
  // A missing step counts as dropped whole (`repairStep(undefined)`).
  return { state, problem: 'repaired', dropped: read.dropped };
}
