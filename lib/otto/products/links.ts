/**
 * Product links: whatever points to one product page in the shop (`https://www.otto.de/p/…`), and
 * which of them show the same product. Our own UI is never counted.
 */
import { ANCHORS } from '../selectors';
import { isOwnHost, openShadowRoots, type QueryRoot } from '../query';
import { shopUrl } from '../urls';

/** Links that may point to a product in the shop (absolute or protocol-relative); `productRef` decides. */
export const LINK_SELECTOR = ANCHORS.productShopLink.selectors[0];

export interface ProductRef {
  /** Normalised `https://www.otto.de/p/…` URL. */
  url: string;
  /** The product without its variation: origin, path and `moin`. */
  key: string;
  /** `variationId` from the URL's hash, when there is one. */
  variation: string | null;
}

const refs = new WeakMap<Element, { href: string | null; ref: ProductRef | null }>();

/** What product a link points to (`null`: no product link of the shop). Cached per link and href. */
export function productRef(link: Element): ProductRef | null {
  const href = link.getAttribute('href');
  const hit = refs.get(link);
  if (hit && hit.href === href) return hit.ref;
  let ref: ProductRef | null = null;
  // One parse per link and href (the first look at a 2,000-row list reads its first and last link only; see list.ts).
  const u = link.tagName === 'A' && !isOwnHost(link) ? productUrl(href, link.baseURI) : null;
  if (u) {
    const moin = u.searchParams.get('moin');
    ref = { url: u.href, key: `${u.pathname}${moin ? `?moin=${moin.toUpperCase()}` : ''}`, variation: /variationId=([^&]+)/i.exec(u.hash)?.[1] ?? null };
  }
  refs.set(link, { href, ref });
  return ref;
}

/** Two links show the same product: same path and MOIN, and no two different variations. */
const sameProduct = (a: ProductRef, b: ProductRef) => a.key === b.key && (!a.variation || !b.variation || a.variation === b.variation);

/** A link to a product page in the shop (`https://www.otto.de/p/…`), normalised; else `null`. */
export function productShopUrl(raw: string | null | undefined, base?: string): string | null {
  return productUrl(raw, base)?.href ?? null;
}

const productUrl = (raw: string | null | undefined, base?: string): URL | null => {
  const u = shopUrl(raw, base);
  return u && u.pathname.startsWith('/p/') ? u : null;
};

/** The product links below `scope` in its light DOM (no shadow roots), our own UI excluded. */
export function linksIn(scope: QueryRoot): Element[] {
  return Array.from(scope.querySelectorAll(LINK_SELECTOR)).filter((a) => productRef(a) !== null);
}

/**
 * The first and the last product link below `scope` in its light DOM, or `null` without any. Reads
 * only as many links as it takes (a 2,000-row list: its first and last), not all of them.
 */
export function edgeLinksIn(scope: QueryRoot): { first: Element; last: Element } | null {
  const all = scope.querySelectorAll(LINK_SELECTOR);
  let i = 0;
  while (i < all.length && !productRef(all[i]!)) i++;
  if (i === all.length) return null;
  let j = all.length - 1;
  while (j > i && !productRef(all[j]!)) j--;
  return { first: all[i]!, last: all[j]! };
}

/** Product links below `root` in the composed tree, in document order per tree (light DOM first). */
export function productLinksIn(root: QueryRoot): Element[] {
  const out = linksIn(root);
  if (root instanceof Element && root.matches(LINK_SELECTOR) && productRef(root)) out.unshift(root);
  if (root instanceof Element && root.shadowRoot && !isOwnHost(root)) out.push(...linksIn(root.shadowRoot), ...openShadowRoots(root.shadowRoot).flatMap(linksIn));
  for (const sr of openShadowRoots(root)) out.push(...linksIn(sr));
  return out;
}

/** Does `el` (with its shadow roots) hold a link to a product other than `ref`? */
export function holdsOther(el: Element, ref: ProductRef): boolean {
  if (isOwnHost(el)) return false;
  const check = (links: Element[]) => links.some((a) => !sameProduct(productRef(a)!, ref));
  if (el.matches(LINK_SELECTOR) && productRef(el) && check([el])) return true;
  const light = linksIn(el);
  if (check(light)) return true;
  // Rows built as custom elements keep their links in shadow roots: look there (rows are small).
  const roots = el.shadowRoot ? [el.shadowRoot, ...openShadowRoots(el.shadowRoot)] : [];
  return check(roots.concat(openShadowRoots(el)).flatMap(linksIn));
}
