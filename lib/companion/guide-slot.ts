import type { Lang } from '../i18n/lang';

/**
 * Where the otto.de entry finds the guide's code once the background injected it
 * (entrypoints/otto-guide.ts → lib/companion/guide.ts). No imports of UI code here: the entry
 * runs on every otto.de page and stays small.
 */
export type ShowGuide = (opts: { lang: Lang; signal: AbortSignal; onClose: () => void }) => { remove: () => void; host: HTMLElement };

const KEY = '__lgaOttoGuide';
type Holder = { [KEY]?: ShowGuide };

export function setGuideCode(show: ShowGuide): void {
  (globalThis as Holder)[KEY] = show;
}

/** The guide, once the background injected its code into this world (`null` before). */
export function guideCode(): ShowGuide | null {
  return (globalThis as Holder)[KEY] ?? null;
}

/** The guide script's file in the package (entrypoints/otto-guide.ts). */
export const GUIDE_FILE = '/otto-guide.js';
