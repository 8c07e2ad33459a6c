/**
 * Phone numbers as they appear in order addresses, told apart from text that only looks like
 * one: dates, times, order numbers, prices, postcodes, tracking numbers. Pure functions.
 *
 * A phone number here starts with `+`, `00` (international) or `0` (German national format),
 * optionally after a label such as "Tel.:" and/or a `tel:` scheme, and consists of digits and the
 * usual separators (space, `-`, `/`, `.`, one pair of parentheses, "(0)" after a country code).
 * Invisible characters (zero-width, bidi marks: see invisible.ts) inside a number are ignored.
 */
import { normaliseInvisible } from './invisible';

export interface ParsedPhone {
  /** E.164-like key: `+` and digits; national German numbers get `+49`. */
  e164: string;
  /** As written (label and scheme removed, whitespace collapsed). */
  display: string;
}

/** Labels allowed in front of a number ("Tel.:", "Telefon", "Phone", "Mobil", …). */
export const PHONE_LABEL = /^(?:tel(?:efon(?:nummer)?)?|telephone|phone(?:\s*number)?|fon|mobile\s*phone|mobil(?:e|nummer|telefon)?|handy(?:nummer)?|cell(?:phone)?|rufnummer)\b\.?\s*(?:\([A-Za-zÄÖÜäöüß\s.-]{1,20}\))?\s*[:.]?\s*/i;

/** Candidates in running text: a `+`, `00` or `0` followed by digits and separators. */
export const PHONE_IN_TEXT = /(?<![\p{L}\p{N}.,/-])(?:\+|\(0|0)[\d\s\u00a0()/.\u2011\u2013-]{5,}\d(?![\p{L}\p{N}]|[.,]\d)/gu;

const CURRENCY = /[€$£]|\b(?:EUR|CHF|USD)\b/i;

/** A calendar date or a time somewhere in `text` (day 1–31, month 1–12). */
export function looksLikeDate(text: string): boolean {
  if (/\b\d{1,2}:\d{2}\b/.test(text)) return true;
  const valid = (d: string, m: string) => +d >= 1 && +d <= 31 && +m >= 1 && +m <= 12;
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})?(?!\d)/g)) {
    if (valid(m[1]!, m[3]!)) return true; // 23.11.2026, 23.11., 01/02/26
  }
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)/g)) if (valid(m[1]!, m[2]!)) return true; // 01-02-2026
  for (const m of text.matchAll(/(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g)) if (valid(m[3]!, m[2]!)) return true; // 2026-11-23
  return false;
}

const MIN_DIGITS = 8; // with country code: 030 12345 → +493012345 (9); postcode 01067 → +491067 (6)
const MAX_DIGITS = 15; // E.164

/**
 * Parses `raw` as a phone number, or `null` when it is not one. `orderNumber` (if known) is
 * never taken for a phone number, even when it happens to be numeric.
 */
export function parsePhone(raw: string | null | undefined, context: { orderNumber?: string } = {}): ParsedPhone | null {
  if (!raw || raw.length > 240) return null;
  let text = normaliseInvisible(raw).replace(/[\s\u00a0]+/g, ' ').trim();
  if (!text || text.length > 60) return null;
  if (/^(?:tel|callto):/i.test(text)) text = normaliseInvisible(decodeSafe(text.replace(/^(?:tel|callto):(?:\/\/)?/i, ''))).split(/[;?]/, 1)[0]!.trim();
  text = text.replace(PHONE_LABEL, '');
  if (/^(?:tel|callto):/i.test(text)) text = text.replace(/^(?:tel|callto):/i, '');
  text = text.trim();
  if (!text) return null;
  // Letters (order numbers like cbn4abc123, IBANs, "Dresden" after a postcode) and anything but
  // digits and phone separators are not a phone number.
  if (!/^[+\d\s()/.\u2011\u2013-]+$/.test(text)) return null;
  if (looksLikeDate(text)) return null;
  if (text.lastIndexOf('+') > 0) return null;
  // At most one pair of parentheses, balanced, with digits inside.
  const opens = (text.match(/\(/g) ?? []).length;
  const closes = (text.match(/\)/g) ?? []).length;
  if (opens !== closes || opens > 1 || /\(\s*\)/.test(text) || (opens && text.indexOf('(') > text.indexOf(')'))) return null;
  // Separators never repeat ("0--1") and never end the number.
  if (/[/.\u2011\u2013-]\s*[/.\u2011\u2013-]/.test(text) || /[^\d)]$/.test(text)) return null;

  let digits: string;
  if (text.startsWith('+') || text.startsWith('00')) {
    // International: a trunk "(0)" after the country code is not dialled.
    const body = text.replace(/^(\+|00)/, '').replace(/\(\s*0\s*\)/, '');
    digits = body.replace(/\D/g, '');
    if (!digits || digits.startsWith('0')) return null;
  } else if (/^\(?0\d/.test(text)) {
    const national = text.replace(/\D/g, '');
    if (national.startsWith('00')) return null;
    digits = `49${national.slice(1)}`;
  } else {
    return null;
  }
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
  if (/^(\d)\1+$/.test(digits.slice(2))) return null; // 0000000000-style fillers
  if (context.orderNumber) {
    const order = context.orderNumber.replace(/\s/g, '').toLowerCase();
    if (order && text.replace(/\D/g, '') === order) return null;
  }
  return { e164: `+${digits}`, display: text };
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Every phone number inside a line of text (each candidate checked by `parsePhone`). Invisible
 * characters are dropped first: `index` (start) and `end` count in the text without them.
 */
export function phonesInText(raw: string, context: { orderNumber?: string } = {}): Array<ParsedPhone & { index: number; end: number }> {
  const found: Array<ParsedPhone & { index: number; end: number }> = [];
  if (raw.length > 4000) return found;
  const text = normaliseInvisible(raw);
  if (text.length > 2000) return found;
  for (const m of text.matchAll(PHONE_IN_TEXT)) {
    const candidate = m[0].trim();
    // A currency right after the digits makes it an amount ("0 123 456 €"), not a number to dial.
    if (CURRENCY.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 5))) continue;
    const parsed = parsePhone(candidate, context);
    if (parsed) found.push({ ...parsed, index: m.index!, end: m.index! + m[0].trimEnd().length });
  }
  return found;
}

/** True when `text` names a phone field ("Telefon", "Tel.", "Phone", "Mobil", …), with or without a colon. */
export function isPhoneLabel(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 40) return false;
  const m = PHONE_LABEL.exec(t);
  return !!m && m[0].length >= t.replace(/\s+$/, '').length;
}
