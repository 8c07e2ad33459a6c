/** Settings types and defaults, free of the schema library (content scripts use them). */

import { SWITCHES } from '../features/registry';
import type { SwitchableFeature } from '../features/types';
export type { SwitchableFeature };

/** Features the merchant can switch off in the options: those whose declaration has a `setting` (lib/features/<id>/index.ts). */
export const SWITCHABLE_FEATURES: readonly SwitchableFeature[] = SWITCHES.map((s) => s.id);

export const LANGUAGE_PREFS = ['auto', 'de', 'en'] as const;
export type LanguagePref = (typeof LANGUAGE_PREFS)[number];

export interface Settings {
  version: 1;
  language: LanguagePref;
  name: string;
  company: string;
  partnerId: string;
  /** `null` = the built-in default template of the chosen ticket language. */
  template: string | null;
  templateLang: 'de' | 'en';
  features: Record<SwitchableFeature, boolean>;
  hideChecklistWhenLive: boolean;
  checklistCollapsed: boolean;
}

export function defaultSettings(): Settings {
  return {
    version: 1,
    language: 'auto',
    name: '',
    company: '',
    partnerId: '',
    template: null,
    templateLang: 'de',
    features: Object.fromEntries(SWITCHES.map((s) => [s.id, s.default])) as Record<SwitchableFeature, boolean>,
    hideChecklistWhenLive: false,
    checklistCollapsed: false,
  };
}


/** A partial settings update as the options page sends it (switches may be given one by one). */
export type SettingsPatchInput = Partial<Omit<Settings, 'version' | 'features'>> & { features?: Partial<Settings['features']> };
