import * as z from 'zod/mini';
import { readSteps } from '../onboarding/schema';
import { DROPPED_PARTS, type Dropped, type LoadProblem } from '../onboarding/state';
import { STEP_IDS } from '../onboarding/steps';
import { KEYS } from '../storage/keys';

/**
 * The quarantine: stored values that could not be used as they were, kept aside so that nothing
 * the merchant did is thrown away. They go into the export, and the options offer to restore the
 * steps a kept copy holds. Its size is bounded so that the largest export still imports (the
 * import travels as one message, see MAX_MESSAGE_BYTES).
 */
export const QuarantineEntrySchema = z.object({
  at: z.number(),
  key: z.enum([KEYS.onboarding, KEYS.settings]),
  problem: z.enum(['corrupt', 'unknown-version', 'repaired', 'settings']),
  /** The unusable value as JSON text (bounded: see MAX_RAW_JSON). */
  raw: z.string(),
  /** With `repaired`: what was dropped. */
  dropped: z.optional(z.array(z.object({ step: z.enum(STEP_IDS), part: z.enum(DROPPED_PARTS) })).check(z.maxLength(STEP_IDS.length * DROPPED_PARTS.length))),
  /** The notice about it was dismissed. */
  seen: z.optional(z.boolean()),
  /** Done steps this version can read from `raw` (what a restore could bring back). */
  done: z.optional(z.int()),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;
export type QuarantineProblem = LoadProblem | 'settings';

/** At most this many entries… */
export const MAX_ENTRIES = 6;
/** …each value at most this long once written as a JSON string (quotes and backslashes double). */
export const MAX_RAW_JSON = 50_000;

const jsonLength = (text: string) => JSON.stringify(text).length;

/** The value as JSON text, cut so that it stays within MAX_RAW_JSON when exported. */
export function rawText(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  while (jsonLength(text) > MAX_RAW_JSON) text = text.slice(0, text.length - Math.max(1, Math.ceil((jsonLength(text) - MAX_RAW_JSON) / 2)));
  return text;
}

/** Done steps that `raw` (JSON text of a kept-aside onboarding value) still holds. */
export function stepsIn(raw: string): ReturnType<typeof readSteps> {
  try {
    return readSteps(JSON.parse(raw));
  } catch {
    return null;
  }
}

const doneIn = (raw: string) => Object.values(stepsIn(raw)?.steps ?? {}).filter((s) => s?.done).length;

export function makeEntry(at: number, key: QuarantineEntry['key'], problem: QuarantineProblem, value: unknown, dropped: Dropped[] = []): QuarantineEntry {
  const raw = rawText(value);
  const entry: QuarantineEntry = { at, key, problem, raw };
  if (dropped.length) entry.dropped = dropped;
  if (key === KEYS.onboarding) entry.done = doneIn(raw);
  return entry;
}

/** The entries of a stored or imported list that are well-formed (bounded, `done` recomputed). */
export function validEntries(raw: unknown): QuarantineEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e) => {
    const parsed = QuarantineEntrySchema.safeParse(e);
    if (!parsed.success || jsonLength(parsed.data.raw) > MAX_RAW_JSON) return [];
    const entry = { ...parsed.data };
    if (entry.key === KEYS.onboarding) entry.done = doneIn(entry.raw);
    else delete entry.done;
    return [entry];
  });
}

/**
 * Adds entries to the list and keeps it within MAX_ENTRIES. The same value kept twice is one
 * entry (the newer). When something must go, it is the oldest entry that holds no progress; a
 * copy that holds done steps goes only when every entry holds some, so a few later repairs
 * (settings, empty states) never push out the only copy of lost progress.
 */
export function addEntries(list: QuarantineEntry[], added: QuarantineEntry[]): QuarantineEntry[] {
  let out = [...list];
  for (const entry of added) {
    out = out.filter((e) => !(e.key === entry.key && e.raw === entry.raw));
    out.push(entry);
  }
  out.sort((a, b) => a.at - b.at);
  while (out.length > MAX_ENTRIES) {
    const victim = out.findIndex((e) => !e.done);
    out.splice(victim >= 0 ? victim : 0, 1);
  }
  return out;
}
