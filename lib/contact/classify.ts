import { isPlaceholderDomain, isRelayDomain, parseEmail, parsePlaceholderLocal, type PlaceholderParts } from './email';
import { parsePhone } from './phone';
import { normaliseInvisible } from './invisible';

/**
 * The buyer-contact classifier (spec: "Buyer-contact rules to surface"). Given one contact value
 * and what is known about its order, says which rule applies. Pure: no DOM, no storage, no I/O.
 *
 * - `relay`: `…@customer.otto.market`, OTTO's pseudonymised relay address (exact domain only).
 * - `placeholder`: `…@otto.magnalister.com`, a shop plugin's address that reaches nobody.
 * - `freight`: any other e-mail or a phone number of a freight (Spedition) order.
 * - `other`: any other e-mail or phone number.
 */
export const CONTACT_KINDS = ['relay', 'placeholder', 'freight', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type ContactChannel = 'email' | 'phone';

export interface OrderContext {
  /** The order is delivered by a freight forwarder (see `detectFreight`). */
  freight: boolean;
  /** The order number shown on the page, if known (never taken for a phone number). */
  orderNumber?: string | null;
}

export interface Classification {
  kind: ContactKind;
  channel: ContactChannel;
  /** Comparison key: lower-case address or E.164-like number. In memory only, never stored or sent. */
  key: string;
  /** Placeholder addresses: the parsed parts, when the local part has the documented shape. */
  placeholder?: PlaceholderParts | null;
  /** Placeholder addresses: whether the order number inside matches the page's order. */
  matchesOrder?: boolean;
}

export function classifyEmail(raw: string, order: OrderContext): Classification | null {
  const email = parseEmail(raw);
  if (!email) return null;
  const key = `email:${email.address}`;
  if (isRelayDomain(email.domain)) return { kind: 'relay', channel: 'email', key };
  if (isPlaceholderDomain(email.domain)) {
    const placeholder = parsePlaceholderLocal(email.local);
    const own = order.orderNumber?.trim().toLowerCase();
    return {
      kind: 'placeholder',
      channel: 'email',
      key,
      placeholder,
      matchesOrder: !!placeholder && !!own && placeholder.orderNumber === own,
    };
  }
  return { kind: order.freight ? 'freight' : 'other', channel: 'email', key };
}

export function classifyPhone(raw: string, order: OrderContext): Classification | null {
  const phone = parsePhone(raw, { orderNumber: order.orderNumber ?? undefined });
  if (!phone) return null;
  return { kind: order.freight ? 'freight' : 'other', channel: 'phone', key: `phone:${phone.e164}` };
}

/** Either channel: e-mail when the value has an `@` or a `mailto:`, otherwise phone. */
export function classifyContact(raw: string, order: OrderContext): Classification | null {
  const text = normaliseInvisible(raw).trim();
  if (/^mailto:/i.test(text) || text.includes('@')) return classifyEmail(text, order);
  return classifyPhone(text, order);
}

/**
 * Does `text` (e.g. what the merchant just copied) contain the value behind `key`? E-mails
 * compare case-insensitively; phone numbers by their digits, in international or national form.
 */
export function textMentions(raw: string, key: string): boolean {
  if (!raw) return false;
  const text = normaliseInvisible(raw);
  if (key.startsWith('email:')) return text.toLowerCase().includes(key.slice(6));
  if (!key.startsWith('phone:')) return false;
  const digits = text.replace(/\D/g, '');
  const e164 = key.slice(6).replace(/\D/g, '');
  if (!digits || e164.length < 6) return false;
  return digits.includes(e164) || (e164.startsWith('49') && digits.includes(`0${e164.slice(2)}`));
}
