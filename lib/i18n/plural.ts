import type { Lang } from './lang';

/**
 * A counted string: one whole sentence per plural category. German and English know only
 * `one` and `other` for cardinal numbers, and their rule is the same (CLDR: `one` for the
 * integers 1 and −1 without decimals, `other` for everything else), chosen by the `count` variable.
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

// The rule by hand, not `Intl.PluralRules`: its first use loads plural data (about 2–3 ms on a
// cold renderer in Chromium, measured in the first visit's profile, issue #16) for a rule that is
// one comparison in both languages. Numbers are grouped by hand too, not with Intl.NumberFormat,
// whose first use cost 50–95 ms in the same kind of measurement.
export function pluralForm(_lang: Lang, text: Plural, count: number): string {
  return Math.abs(count) === 1 ? text.one : text.other;
}

/** "1.000" in German, "1,000" in English; whole numbers only, others as they are. */
export function formatCount(lang: Lang, n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) < 1000) return String(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, lang === 'de' ? '.' : ',');
}
