/**
 * A product's status from what a badge says: the API value in `data-status`, the wording (German
 * and English), `title`/`aria-label`, the pattern library's modifier classes, and as a last resort
 * the colour of a silent badge.
 */
import { textOf } from '../query';

export const PRODUCT_STATUSES = ['restricted', 'online', 'pending', 'rejected', 'unknown'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** The marketplace API's enum (`RESTRICTED`, …) as some markup may carry it in `data-status`. */
export const API_STATUS: Record<string, ProductStatus> = {
  restricted: 'restricted',
  online: 'online',
  pending: 'pending',
  rejected: 'rejected',
};

/**
 * Badge wording, German and English, checked in this order ("Sichtbarkeit eingeschränkt"
 * contains "sichtbar", so restricted comes before online).
 */
export const TEXT_RULES: ReadonlyArray<readonly [ProductStatus, RegExp]> = [
  ['restricted', /eingeschr[äa]e?nkt|restrikt|restrict|nicht sichtbar|not visible|limited visibility/i],
  ['rejected', /abgelehnt|zur[üu]ckgewiesen|rejected|declined|\bfehlerhaft\b|\berror\b/i],
  ['pending', /pr[üu]fung|wird gepr[üu]ft|ausstehend|in bearbeitung|pending|in review|under review|processing|wartend/i],
  ['online', /\bonline\b|\bsichtbar\b|\bvisible\b|\blive\b|\baktiv\b|\bactive\b|freigeschaltet/i],
];

/** OTTO's pattern-library badge modifiers (colour): a hint when the wording says nothing. */
export const MODIFIER_RULES: ReadonlyArray<readonly [ProductStatus, RegExp]> = [
  ['restricted', /(?:^|\s)obc_label--warning(?:\s|$)/],
  ['online', /(?:^|\s)obc_label--success(?:\s|$)/],
  ['rejected', /(?:^|\s)obc_label--(?:error|danger|alert)(?:\s|$)/],
  ['pending', /(?:^|\s)obc_label--(?:info|pending)(?:\s|$)/],
];

/** Texts longer than this are no status label (a product description, a note). */
export const MAX_LABEL = 60;

/** Status from a badge's wording (German or English). */
export function statusFromText(text: string): ProductStatus {
  for (const [status, re] of TEXT_RULES) if (re.test(text)) return status;
  return 'unknown';
}

/** Status of a badge element: API value in `data-status`, then wording, then colour modifier. */
export function statusOf(badge: Element | null | undefined): ProductStatus {
  if (!badge) return 'unknown';
  const api = API_STATUS[(badge.getAttribute('data-status') ?? '').trim().toLowerCase()];
  if (api) return api;
  const text = `${textOf(badge, 200)} ${badge.getAttribute('title') ?? ''} ${badge.getAttribute('aria-label') ?? ''}`;
  const byText = statusFromText(text);
  if (byText !== 'unknown') return byText;
  const cls = badge.getAttribute('class') ?? '';
  for (const [status, re] of MODIFIER_RULES) if (re.test(cls)) return status;
  return 'unknown';
}

/** Status from a CSS colour `rgb(a)(r, g, b[, a])`: saturated amber, green or red. */
export function hueStatus(colour: string): ProductStatus {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?/.exec(colour);
  if (!m) return 'unknown';
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  if (alpha < 0.3) return 'unknown';
  const [r, g, b] = [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.25) return 'unknown';
  const d = max - min;
  let hue = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue >= 20 && hue <= 55) return 'restricted';
  if (hue >= 80 && hue <= 170) return 'online';
  if (hue < 12 || hue > 345) return 'rejected';
  return 'unknown';
}

