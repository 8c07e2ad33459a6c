import { browser } from 'wxt/browser';
import { KEYS } from '../storage/keys';
import { loadState } from '../onboarding/schema';
import type { OnboardingState } from '../onboarding/state';
import { addEntries, makeEntry, validEntries, type QuarantineEntry } from './quarantine';
import { loadSettings } from '../settings/schema';
import type { Settings } from '../settings/defaults';

/** Reads the quarantine list; broken entries are left out. */
export async function readQuarantine(): Promise<QuarantineEntry[]> {
  return validEntries((await browser.storage.local.get(KEYS.quarantine))[KEYS.quarantine]);
}

/** Adds entries to the quarantine (see `addEntries` for what is kept when it is full). */
export async function keepAside(...entries: QuarantineEntry[]): Promise<void> {
  await browser.storage.local.set({ [KEYS.quarantine]: addEntries(await readQuarantine(), entries) });
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
    await keepAside(makeEntry(Date.now(), KEYS.onboarding, loaded.problem, got[KEYS.onboarding], loaded.dropped));
    await browser.storage.local.set({ [KEYS.onboarding]: loaded.state });
  }
  if (s.problem) {
    await keepAside(makeEntry(Date.now(), KEYS.settings, 'settings', got[KEYS.settings]));
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
