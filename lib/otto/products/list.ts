/**
 * The product LIST: the nearest container of all product items, where its changes can happen,
 * and its items in document order.
 */
import { waitFor, type WaitOptions } from '../anchors';
import { commonAncestor, composedParent, openShadowRoots, type QueryRoot } from '../query';
import { edgeLinksIn, LINK_SELECTOR } from './links';
import { isInside, itemOf, productRowsIn } from './items';

let lastList: { el: Element; at: number } | null = null;

/**
 * The product list in `root`: the nearest container of its product items (of the first and the
 * last product link; one item: the item's container), or `null` while the page shows no product
 * link. Several features ask within moments of each other: a hit is reused for 250 ms while it
 * is still in the page.
 */
export function findProductList(root: QueryRoot = document): Element | null {
  const now = performance.now();
  if (root === document && lastList && now - lastList.at < 250 && lastList.el.isConnected) return lastList.el;
  let edges = edgeLinksIn(root);
  if (!edges) {
    const inRoots = openShadowRoots(root).flatMap((sr) => edgeLinksIn(sr) ?? []);
    if (inRoots.length) edges = { first: inRoots[0]!.first, last: inRoots[inRoots.length - 1]!.last };
  }
  let el: Element | null = null;
  const first = edges ? itemOf(edges.first) : null;
  if (first && edges) {
    const last = itemOf(edges.last) ?? first;
    el = last === first ? composedParent(first) : commonAncestor(first, last);
  }
  if (root === document) lastList = el ? { el, at: now } : null;
  return el;
}

/** Waits for the product list (see `findProductList`); `null` on timeout or abort. */
export function waitForProductList(opts: WaitOptions): Promise<Element | null> {
  return waitFor(() => findProductList(), opts);
}

/**
 * Where changes to the list can happen: the container, its own shadow root, and the open shadow
 * roots deeper inside only when the items live there (walking a big light-DOM table for shadow
 * roots it does not have costs more than everything else we do).
 */
export function listRoots(list: Element): Array<Element | ShadowRoot> {
  const out: Array<Element | ShadowRoot> = [list];
  if (list.shadowRoot) out.push(list.shadowRoot);
  if (out.some((r) => r.querySelector(LINK_SELECTOR))) return out;
  for (const sr of [...openShadowRoots(list), ...(list.shadowRoot ? openShadowRoots(list.shadowRoot) : [])]) if (!out.includes(sr)) out.push(sr);
  return out;
}

/**
 * The product links of a list whose items live in its light DOM, as the browser's static NodeList
 * (reading one entry touches only that element); `null` for lists with items in shadow roots.
 * Lets a caller find the items in view without walking all items of a big list.
 */
export function productLinksOf(list: Element): NodeListOf<Element> | null {
  if (list.shadowRoot) return null;
  const links = list.querySelectorAll(LINK_SELECTOR);
  return links.length ? links : null;
}

/** All product items of the list, in document order. */
export function productRowsOf(list: Element): Element[] {
  return productRowsIn(list).filter((row) => isInside(list, row));
}
