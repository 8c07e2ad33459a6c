import { browser } from 'wxt/browser';
import { KEYS } from '../storage/keys';
import { loadState } from '../onboarding/schema';
import type { LoadProblem, OnboardingState } from '../onboarding/state';
import { loadSettings } from '../settings/schema';
import type { Settings } from '../settings/defaults';

export interface QuarantineEntry {
  at: number;
  key: string;
  problem: LoadProblem | 'settings';
  /** The unreadable value as JSON text (bounded), for export. */
  raw: string;
}

const MAX_QUARANTINE = 5;
const MAX_RAW = 100_000;

function asJson(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > MAX_RAW ? text.slice(0, MAX_RAW) : text;
  } catch {
    return String(value).slice(0, MAX_RAW);
  }
}

/** Reads the quarantine list; a broken list is replaced by an empty one. */
export async function readQuarantine(): Promise<QuarantineEntry[]> {
  const raw = (await browser.storage.local.get(KEYS.quarantine))[KEYS.quarantine];
  return Array.isArray(raw) ? (raw.filter((e) => e && typeof e === 'object' && typeof e.raw === 'string') as QuarantineEntry[]) : [];
}

async function keepAside(key: string, problem: QuarantineEntry['problem'], value: unknown): Promise<void> {
  const list = await readQuarantine();
  list.push({ at: Date.now(), key, problem, raw: asJson(value) });
  await browser.storage.local.set({ [KEYS.quarantine]: list.slice(-MAX_QUARANTINE) });
}

/**
 * Reads onboarding state and settings. Unreadable values are kept aside in the quarantine and
 * replaced by defaults in storage (so every context sees the same, valid data).
 */
export async function readAll(): Promise<{ state: OnboardingState; settings: Settings }> {
  const got = await browser.storage.local.get([KEYS.onboarding, KEYS.settings]);
  const loaded = loadState(got[KEYS.onboarding]);
  const s = loadSettings(got[KEYS.settings]);
  if (loaded.problem) {
    await keepAside(KEYS.onboarding, loaded.problem, got[KEYS.onboarding]);
    await browser.storage.local.set({ [KEYS.onboarding]: loaded.state });
  }
  if (s.problem) {
    await keepAside(KEYS.settings, 'settings', got[KEYS.settings]);
    await browser.storage.local.set({ [KEYS.settings]: s.settings });
  }
  return { state: loaded.state, settings: s.settings };
}

/**
 * All writes go through one queue so that events arriving together (two tabs, popup and page)
 * are applied one after the other on the freshest stored value.
 */
let queue: Promise<unknown> = Promise.resolve();
export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}
