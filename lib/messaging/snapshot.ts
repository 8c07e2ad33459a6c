import type { Dropped, OnboardingState, LoadProblem } from '../onboarding/state';
import type { Settings } from '../settings/defaults';

/** What the background answers to `state/get`: validated state, settings and a notice to show. */
export interface Snapshot {
  state: OnboardingState;
  settings: Settings;
  notice: LoadProblem | 'settings' | null;
  /** With the `repaired` notice: what was dropped. */
  dropped?: Dropped[];
  /** Kept-aside copies of the progress that hold done steps (the options offer to restore them). */
  copies?: Array<{ at: number; done: number }>;
}

/** The messages a content script answers (sent by the popup to the active tab's top frame). */
export const DIAGNOSTICS_REQUEST = 'diagnostics/get';
/** "Save page structure": the page-structure report of the tab's top document (lib/diagnostics/structure.ts). */
export const STRUCTURE_REQUEST = 'diagnostics/structure';
