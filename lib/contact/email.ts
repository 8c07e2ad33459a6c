/**
 * E-mail addresses as they appear on order pages: plain text, `mailto:` links (with query
 * strings and percent-encoding), upper case, surrounding whitespace or angle brackets.
 * Pure functions; nothing here touches the DOM, storage or the network. Invisible characters
 * (zero-width, bidi marks: see invisible.ts) inside an address are ignored.
 */
import { normaliseInvisible } from './invisible';

/** OTTO's pseudonymised relay domain (the invoice address of every order). */
export const RELAY_DOMAIN = 'customer.otto.market';
/** The shop plugin magnalister's placeholder domain (`Vorname.Nachname.<Bestellnummer>@…`). */
export const PLACEHOLDER_DOMAIN = 'otto.magnalister.com';

export interface ParsedEmail {
  /** The whole address, lower case: the comparison key. */
  address: string;
  /** Local part as written (case kept, for parsing placeholder names). */
  local: string;
  /** Domain, lower case, without a trailing dot. */
  domain: string;
}

const MAX_LEN = 320;
const LOCAL_RE = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const LABEL_RE = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;

/** Plain-text e-mail addresses inside running text (used by the page scan). */
export const EMAIL_IN_TEXT = /[\p{L}\p{M}\p{N}._%+'-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)*\.\p{L}{2,}/gu;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Parses one address. Accepts `mailto:` (any case; query string and fragment dropped,
 * percent-escapes decoded), `Name <addr>` and surrounding whitespace/punctuation. Returns
 * `null` for anything that is not exactly one syntactically plausible address.
 */
export function parseEmail(raw: string | null | undefined): ParsedEmail | null {
  if (!raw || raw.length > MAX_LEN * 8) return null;
  let text = normaliseInvisible(raw).trim();
  if (!text || text.length > MAX_LEN * 4) return null;
  if (/^mailto:/i.test(text)) {
    text = text.slice(7).split(/[?#]/, 1)[0]!;
    text = normaliseInvisible(decode(text)).trim();
  }
  const angled = /<([^<>]+)>\s*$/.exec(text);
  if (angled) text = angled[1]!.trim();
  // Quotes and sentence punctuation around an address in running text.
  text = text.replace(/^[\s"'„“”‚‘’(<[]+/u, '').replace(/[\s"'„“”‚‘’)>\].,;:!?]+$/u, '');
  if (!text || text.length > MAX_LEN || /[\s,;]/.test(text)) return null;
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (local.includes('@') || !LOCAL_RE.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL_RE.test(l))) return null;
  if (!/^\p{L}{2,}$/u.test(labels[labels.length - 1]!) && !/^xn--/.test(labels[labels.length - 1]!)) return null;
  return { address: `${local}@${domain}`.toLowerCase(), local, domain };
}

/**
 * Every address a `mailto:` link names: the path may list several, separated by commas.
 * Query parameters (`cc`, `to`, …) are ignored: the link's own recipients decide.
 */
export function emailsOfMailto(href: string): ParsedEmail[] {
  const m = /^\s*mailto:([^?#]*)/i.exec(normaliseInvisible(href));
  if (!m) return [];
  return decode(m[1]!)
    .split(',')
    .map((part) => parseEmail(part))
    .filter((e): e is ParsedEmail => e !== null);
}

/** Exact domain match only: `customer.otto.market.evil.example` and `xcustomer.otto.market` are not relay. */
export const isRelayDomain = (domain: string) => domain === RELAY_DOMAIN;
export const isPlaceholderDomain = (domain: string) => domain === PLACEHOLDER_DOMAIN;

export interface PlaceholderParts {
  firstName: string;
  lastName: string;
  /** The OTTO order number as written in the address (lower case). */
  orderNumber: string;
}

/** OTTO order numbers: short alphanumeric ids (examples have 10 characters). */
const ORDER_NUMBER_RE = /^[a-z0-9]{6,16}$/i;

/**
 * `Vorname.Nachname.<Bestellnummer>`: first segment = first name, last segment = order number,
 * everything between = last name (double names may contain dots or hyphens). `null` when the
 * local part does not have that shape; the address is still a placeholder then.
 */
export function parsePlaceholderLocal(local: string): PlaceholderParts | null {
  const parts = local.split('.');
  if (parts.length < 3) return null;
  const orderNumber = parts[parts.length - 1]!;
  if (!ORDER_NUMBER_RE.test(orderNumber) || !/\d/.test(orderNumber)) return null;
  const firstName = parts[0]!;
  const lastName = parts.slice(1, -1).join('.');
  if (!firstName || !lastName) return null;
  return { firstName, lastName, orderNumber: orderNumber.toLowerCase() };
}
