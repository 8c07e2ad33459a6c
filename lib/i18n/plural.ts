import type { Lang } from './lang';

/**
 * A counted string: one whole sentence per plural category. German and English know only
 * `one` and `other` for cardinal numbers; the category comes from the platform's plural rules
 * (`Intl.PluralRules`), chosen by the `count` variable.
 */
export interface Plural {
  readonly one: string;
  readonly other: string;
}

/** A string area's value: plain text, or a counted string. */
export type Text = string | Plural;

/** The English table of an area: the same keys as the German one, counted where German counts. */
export type Translation<D> = { [K in keyof D]: D[K] extends string ? string : Plural };

export const isPlural = (text: Text): text is Plural => typeof text === 'object';

// Made on first use only: a tab that never shows a counted string never loads plural data
// (about 2 ms on the first use in Chromium). Numbers are grouped by hand, not with
// Intl.NumberFormat, whose first use cost 50–95 ms in the same measurement.
const rules = new Map<Lang, Intl.PluralRules>();

export function pluralForm(lang: Lang, text: Plural, count: number): string {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(count) === 'one' ? text.one : text.other;
}

/** "1.000" in German, "1,000" in English; whole numbers only, others as they are. */
export function formatCount(lang: Lang, n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) < 1000) return String(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, lang === 'de' ? '.' : ',');
}
