import * as core from './strings/core';
import type * as checklist from './strings/checklist';
import type * as contact from './strings/contact';
import type * as ticket from './strings/ticket';
import type * as options from './strings/options';
import type * as popup from './strings/popup';
import type * as deeplinks from './strings/deeplinks';
import type * as sites from './strings/sites';
import type * as companion from './strings/companion';
import type { Lang } from './lang';
import { formatCount, isPlural, pluralForm, type Text } from './plural';
export { resolveLang, type Lang } from './lang';

/**
 * UI strings live in lib/i18n/strings/<area>.ts, each exporting `de` and a complete `en`.
 * Components never hold UI text literals; they call `t(key)`.
 *
 * `MessageKey` covers every area (type-only imports), but a bundle ships only the areas it
 * registers: `core` always, the others through `registerStrings` in the bundle's entry (UI
 * chunks, popup, options). test/unit/i18n.test.ts checks that every key a bundle's code uses is
 * in an area that bundle registers; an unregistered key would show as the key itself.
 * A counted string ("{count} Schritte offen") is a `Plural` (lib/i18n/plural.ts): its form
 * follows `vars.count`, and numbers are shown grouped ("1.000").
 */
/** The string areas a bundle can register (one file each in lib/i18n/strings; `core` is always there). */
export type AreaName = 'checklist' | 'contact' | 'ticket' | 'options' | 'popup' | 'deeplinks' | 'sites' | 'companion';

type AllAreas = readonly [typeof core, typeof checklist, typeof contact, typeof ticket, typeof options, typeof popup, typeof deeplinks, typeof sites, typeof companion];

type Merge<T extends readonly { de: object }[]> = T extends readonly [infer H extends { de: object }, ...infer R extends { de: object }[]]
  ? H['de'] & Merge<R>
  : unknown;
export type MessageKey = keyof Merge<AllAreas> & string;

/** One area's strings: the module namespace of a lib/i18n/strings/<area>.ts file. */
export interface StringArea {
  de: Readonly<Record<string, Text>>;
  en: Readonly<Record<string, Text>>;
}

const TABLES: Record<Lang, Record<string, Text>> = {
  de: { ...core.de },
  en: { ...core.en },
};

/** Adds areas' strings to this bundle's tables (translators made earlier see them too). */
export function registerStrings(...areas: readonly StringArea[]): void {
  for (const area of areas) {
    Object.assign(TABLES.de, area.de);
    Object.assign(TABLES.en, area.en);
  }
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const table = TABLES[lang];
  return (key, vars) => {
    const text = table[key] ?? TABLES.de[key] ?? key;
    const count = vars?.count;
    const template = isPlural(text) ? pluralForm(lang, text, typeof count === 'number' ? count : Number.NaN) : text;
    if (!vars) return template;
    const shown = (v: string | number) => (typeof v === 'number' ? formatCount(lang, v) : v);
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? shown(vars[name]!) : m));
  };
}

/**
 * "23. Nov. 2026" / "23 Nov 2026", local time. Written out by hand: the first use of `Intl` in a
 * tab loads ICU locale data, which cost ~25 ms on every OPC page load (README, "Performance").
 */
const MONTHS: Record<Lang, readonly string[]> = {
  de: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
};

export function formatDate(lang: Lang, at: number): string {
  const d = new Date(at);
  const month = MONTHS[lang][d.getMonth()];
  return lang === 'de' ? `${d.getDate()}. ${month} ${d.getFullYear()}` : `${d.getDate()} ${month} ${d.getFullYear()}`;
}
