import { EMAIL_IN_TEXT, emailsOfMailto, isPlaceholderDomain, isRelayDomain, parseEmail } from '../contact/email';
import { normaliseInvisible } from '../contact/invisible';
import { closestComposed, isOwnHost, type QueryRoot } from '../otto/query';
import { ADDRESS_ATTRS, ATTR_SELECTOR, DOMAIN_RE, isDocument } from './presence';

export { changeMayHoldBuyerAddress, mayHoldBuyerAddress, rootsOf } from './presence';

/**
 * Buyer addresses of OTTO's kinds (relay, placeholder) on any page of an opt-in site: text, links,
 * form fields (also the ones the merchant types into), contenteditable compose fields, and
 * recipient "chips" that keep the address in an attribute. Other addresses are none of our
 * business there (the merchant's own mail). Recognised by what they are, never by class names.
 * What this returns is buyer data: in memory only.
 */

export interface SiteHit {
  /** The address, lower case. */
  address: string;
  /** The node the warning goes right after (never a node inside an editable area: our UI must not become part of a mail). */
  target: Element | Text;
}

const EDITABLE = '[contenteditable=""], [contenteditable="true" i], [contenteditable="plaintext-only" i]';
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'CANVAS', 'IFRAME']);
const NOT_SHOWN = /^(?:hidden|password|file|checkbox|radio|submit|button|image|reset|color|range)$/i;

/** Is the address one of OTTO's kinds? */
export function isOttoKind(domain: string): boolean {
  return isRelayDomain(domain) || isPlaceholderDomain(domain);
}

/** The outermost editable area around `node` (a compose body, an editable recipient well), if any. */
function editableRoot(node: Node): Element | null {
  let found: Element | null = null;
  for (let el = closestComposed(node, EDITABLE); el; el = el.parentElement ? closestComposed(el.parentElement, EDITABLE) : null) found = el;
  return found;
}

/** Addresses of OTTO's kinds in free text (running text, a field's value, an attribute). */
export function ottoAddressesIn(raw: string): string[] {
  const text = normaliseInvisible(raw).slice(0, 20_000);
  if (!DOMAIN_RE.test(text)) return [];
  const out: string[] = [];
  for (const m of text.matchAll(EMAIL_IN_TEXT)) {
    const e = parseEmail(m[0]);
    if (e && isOttoKind(e.domain) && !out.includes(e.address)) out.push(e.address);
  }
  return out;
}

/**
 * Every place an address of OTTO's kinds shows, in this order: form fields, chips (attributes),
 * `mailto:` links, editable areas, text. The first place of an address in a view gets its warning.
 */
export function findSiteAddresses(roots: readonly QueryRoot[]): SiteHit[] {
  const hits: SiteHit[] = [];
  const push = (addresses: string[], at: Element | Text) => {
    if (!addresses.length) return;
    const inEditable = editableRoot(at);
    for (const address of addresses) hits.push({ address, target: inEditable ?? at });
  };
  for (const root of roots) {
    for (const field of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) {
      if (NOT_SHOWN.test(field.getAttribute('type') ?? '')) continue;
      push(ottoAddressesIn(field.value), field);
    }
  }
  for (const root of roots) {
    for (const el of Array.from(root.querySelectorAll(ATTR_SELECTOR))) {
      if (isOwnHost(el) || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) continue;
      push(ottoAddressesIn(ADDRESS_ATTRS.map((a) => el.getAttribute(a) ?? '').join(' ')), el);
    }
  }
  for (const root of roots) {
    for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:" i]'))) {
      push(
        emailsOfMailto(a.getAttribute('href') ?? '').filter((e) => isOttoKind(e.domain)).map((e) => e.address),
        a,
      );
    }
  }
  for (const root of roots) {
    for (const area of Array.from(root.querySelectorAll(EDITABLE))) {
      if (editableRoot(area) === area) push(ottoAddressesIn(area.textContent ?? ''), area);
    }
  }
  for (const root of roots) walkText(root, (text) => push(ottoAddressesIn(text.data), text));
  return hits;
}

/** Text nodes that may hold an address, outside our UI, code, fields and editable areas. */
function walkText(root: QueryRoot, visit: (text: Text) => void) {
  const doc = isDocument(root) ? root : root.ownerDocument!;
  const start = isDocument(root) ? root.body : root;
  if (!start) return;
  const walker = doc.createTreeWalker(start, 0x1 | 0x4, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        const el = node as Element;
        if (isOwnHost(el) || SKIP_TAGS.has(el.tagName.toUpperCase()) || el.matches(EDITABLE)) return 2;
        return 3;
      }
      return (node as Text).data.includes('@') ? 1 : 3;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) visit(n as Text);
}
