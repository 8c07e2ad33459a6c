import * as core from './strings/core';
import * as checklist from './strings/checklist';
import * as contact from './strings/contact';
import * as ticket from './strings/ticket';
import * as options from './strings/options';
import * as popup from './strings/popup';
import * as deeplinks from './strings/deeplinks';
import type { Lang } from './lang';
export { resolveLang, type Lang } from './lang';

/**
 * UI strings live in lib/i18n/strings/<area>.ts, each exporting `de` and a complete `en`.
 * Components never hold UI text literals; they call `t(key)`.
 */
const AREAS = [core, checklist, contact, ticket, options, popup, deeplinks] as const;

type Merge<T extends readonly { de: object }[]> = T extends readonly [infer H extends { de: object }, ...infer R extends { de: object }[]]
  ? H['de'] & Merge<R>
  : unknown;
export type MessageKey = keyof Merge<typeof AREAS> & string;

const TABLES: Record<Lang, Record<string, string>> = {
  de: Object.assign({}, ...AREAS.map((a) => a.de)),
  en: Object.assign({}, ...AREAS.map((a) => a.en)),
};

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const table = TABLES[lang];
  return (key, vars) => {
    const template = table[key] ?? TABLES.de[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
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
