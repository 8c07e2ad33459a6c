/** What an item says about its product's status (see status.ts for the rules). */
import { API_STATUS, hueStatus, MAX_LABEL, MODIFIER_RULES, statusFromText, type ProductStatus } from './status';
import { inItem, scanOf } from './scan';

/**
 * The status of the product in an item: the API value in `data-status`; a short label text;
 * the `title`/`aria-label` of a status icon; a modifier class; the colour of a silent badge.
 * `unknown` when the item says nothing.
 */
export function rowStatus(row: Element): ProductStatus {
  return statusIn(row);
}

/** `rowStatus` of a region, leaving out `exclude` (the product page's title: a name may contain any word). */
export function statusIn(row: Element, exclude?: Element): ProductStatus {
  const scan = scanOf(row, exclude);
  for (const el of [row, ...scan.api]) {
    const api = API_STATUS[(el.getAttribute('data-status') ?? '').trim().toLowerCase()];
    if (api) return api;
  }
  for (const text of scan.texts) {
    if (text.length > MAX_LABEL) continue;
    const s = statusFromText(text);
    if (s !== 'unknown') return s;
  }
  for (const el of scan.labelled) {
    const s = statusFromText(`${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.slice(0, 200));
    if (s !== 'unknown') return s;
  }
  for (const el of scan.modified) {
    const cls = el.getAttribute('class') ?? '';
    for (const [status, re] of MODIFIER_RULES) if (re.test(cls)) return status;
  }
  return statusFromColour(row);
}

/**
 * A badge that says nothing in words (an icon or an empty pill) still has its colour: amber for
 * restricted ("Sichtbarkeit eingeschränkt" is OTTO's orange warning label), green for online,
 * red for rejected. Read only for elements without text, and only when nothing else spoke.
 */
function statusFromColour(row: Element): ProductStatus {
  const view = row.ownerDocument.defaultView;
  if (!view) return 'unknown';
  for (const el of inItem(row, 'span, div, i, b, em, strong, mark, [role="img"], [role="status"]')) {
    if (el.textContent?.trim() || el.closest('a')) continue;
    const s = hueStatus(view.getComputedStyle(el).backgroundColor);
    if (s !== 'unknown') return s;
  }
  return 'unknown';
}
