import { isOwnHost, textOf } from '../query';
import { isPhoneLabel, PHONE_LABEL } from '../../contact/phone';

/** What says a number on an order page is a phone number: a label in the text, before it, above its column, or the field's kind. */

/** The text right before a number is nothing but a phone label ("Tel.: 0171 …"). */
export function labelledInText(text: string, index: number): boolean {
  const before = text.slice(0, index).trim();
  return PHONE_LABEL.test(before) && before.replace(PHONE_LABEL, '') === '';
}

/** Input types that never show buyer contact data as text. */
export const NOT_SHOWN_INPUTS = /^(?:hidden|checkbox|radio|submit|reset|button|image|file|range|color)$/i;

/** A field meant for a phone number: `type="tel"`, `autocomplete="tel…"`, or a label/name that says so. */
export function fieldIsPhone(field: HTMLInputElement | HTMLTextAreaElement): boolean {
  if (/^tel$/i.test(field.getAttribute('type') ?? '') || /\btel\b/i.test(field.getAttribute('autocomplete') ?? '')) return true;
  const names = [field.getAttribute('aria-label'), field.getAttribute('placeholder'), field.getAttribute('name')?.replace(/[_-]+/g, ' ')];
  for (const label of Array.from(field.labels ?? [])) names.push(textOf(label, 60));
  return names.some((n) => !!n && isPhoneLabel(n));
}

/** The nearest text before `node` among its preceding siblings, two levels up at most ("Telefon" before the value). */
export function labelBefore(node: Node): string {
  let n: Node | null = node;
  for (let level = 0; n && level < 3; level++, n = n.parentNode) {
    for (let sib = n.previousSibling; sib; sib = sib.previousSibling) {
      if (sib instanceof Element && isOwnHost(sib)) continue;
      const text = (sib.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) return text.slice(-60);
    }
  }
  return '';
}

/** The header text of the table column a node sits in ("Telefon" column of the order list), or ''. */
export function columnHeaderOf(node: Node): string {
  const cell = node.parentElement?.closest('td, th, [role="cell"], [role="gridcell"]');
  const row = cell?.parentElement;
  if (!cell || !row) return '';
  const index = Array.from(row.children).indexOf(cell);
  const table = row.closest('table, [role="table"], [role="grid"]');
  const headerRow = table?.querySelector('thead tr, tr:has(> th), [role="row"]:has(> [role="columnheader"])');
  if (!headerRow || headerRow === row) return '';
  return textOf(headerRow.children[index] ?? null, 60);
}
