import { openShadowRoots, type QueryRoot } from '../otto/query';

/**
 * The cheap first look of the opt-in sites: could the page (or a change of it) hold a buyer
 * address of OTTO's kinds (relay `…@customer.otto.market`, placeholder `…@otto.magnalister.com`)?
 * Only the domains are looked for, no address is parsed: this is all the site script's small
 * entry carries (lib/sites/start.ts); finding the addresses themselves is the guard's part
 * (lib/sites/find.ts). Reads in memory only.
 */

export const DOMAIN_RE = /customer\.otto\.market|otto\.magnalister\.com/i;
/** Attributes in which pages keep a recipient's address (chips, hover cards, tooltips). */
export const ADDRESS_ATTRS = ['title', 'aria-label', 'email', 'data-email', 'data-address', 'data-hovercard-id', 'data-value', 'data-tooltip', 'data-recipient', 'value'];
export const ATTR_SELECTOR = ADDRESS_ATTRS.flatMap((a) => [`[${a}*="customer.otto.market" i]`, `[${a}*="otto.magnalister.com" i]`]).join(', ');

export const isDocument = (root: QueryRoot): root is Document => root.nodeType === 9;

/** The page's roots: the document and its open shadow roots (ours excluded). */
export function rootsOf(doc: Document): QueryRoot[] {
  return [doc, ...openShadowRoots(doc)];
}

/**
 * Could the page hold an address of OTTO's kinds at all? One text read, one attribute query and
 * the form fields' values per root. A buyer-free page stops here.
 */
export function mayHoldBuyerAddress(roots: readonly QueryRoot[]): boolean {
  for (const root of roots) {
    const text = isDocument(root) ? (root.body?.textContent ?? '') : (root.textContent ?? '');
    if (DOMAIN_RE.test(text)) return true;
    if (root.querySelector(ATTR_SELECTOR)) return true;
    for (const f of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) if (DOMAIN_RE.test(f.value)) return true;
  }
  return false;
}

/**
 * Could this change have brought an address of OTTO's kinds (added nodes, changed text, a typed
 * value)? Looks at what changed only, so a busy page without buyers costs next to nothing.
 */
export function changeMayHoldBuyerAddress(change: MutationRecord[] | Event): boolean {
  if (!Array.isArray(change)) {
    const target = change.composedPath?.()[0] ?? change.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return DOMAIN_RE.test(target.value);
    return target instanceof Element && DOMAIN_RE.test(target.textContent ?? '');
  }
  for (const r of change) {
    if (r.type === 'characterData' && DOMAIN_RE.test(r.target.textContent ?? '')) return true;
    if (r.type === 'attributes') return true;
    for (const n of Array.from(r.addedNodes)) {
      if (n.nodeType === 3 && DOMAIN_RE.test((n as Text).data)) return true;
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (DOMAIN_RE.test(el.textContent ?? '') || el.matches(ATTR_SELECTOR) || el.querySelector(ATTR_SELECTOR)) return true;
      for (const f of Array.from(el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) if (DOMAIN_RE.test(f.value)) return true;
    }
  }
  return false;
}
