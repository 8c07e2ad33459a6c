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

/** The one message a content script answers (sent by the popup to the active tab). */
export const DIAGNOSTICS_REQUEST = 'diagnostics/get';
