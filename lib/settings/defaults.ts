/** Settings types and defaults, free of the schema library (content scripts use them). */
import type { SiteServiceId } from '../sites/catalog';

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
  /** The merchant expanded the overview's compact line: show the full panel on every visit. */
  checklistExpanded: boolean;
  // --- Opt-in sites (lib/sites) ---
  /** The merchant's address registered with OTTO ('' = not given): the sender a relay address needs. */
  senderAddress: string;
  /** Webmail services the merchant enabled (lib/sites/catalog.ts). */
  siteServices: SiteServiceId[];
  /** Other sites the merchant enabled, as `https://host` origins. */
  siteOrigins: string[];
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
    checklistExpanded: false,
    senderAddress: '',
    siteServices: [],
    siteOrigins: [],
  };
}


/** A partial settings update as the options page sends it (switches may be given one by one). */
export type SettingsPatchInput = Partial<Omit<Settings, 'version' | 'features'>> & { features?: Partial<Settings['features']> };
