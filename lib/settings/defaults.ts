/** Settings types and defaults, free of the schema library (content scripts use them). */
import type { SiteServiceId } from '../sites/catalog';

/** Features the merchant can switch off in the options. Id = folder in lib/features = host suffix. */
export const SWITCHABLE_FEATURES = ['checklist', 'deeplinks', 'contact', 'ticket'] as const;
export type SwitchableFeature = (typeof SWITCHABLE_FEATURES)[number];

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
    features: { checklist: true, deeplinks: true, contact: true, ticket: true },
    hideChecklistWhenLive: false,
    checklistCollapsed: false,
    senderAddress: '',
    siteServices: [],
    siteOrigins: [],
  };
}


/** A partial settings update as the options page sends it (switches may be given one by one). */
export type SettingsPatchInput = Partial<Omit<Settings, 'version' | 'features'>> & { features?: Partial<Settings['features']> };
