/**
 * Product ITEMS: whatever holds one product. An item is one distinct product link's surroundings
 * (name and image may both link to it): from a product link we climb the composed tree as long as
 * the next container holds no link to ANOTHER product; where it does, the element below is the
 * item — a table row, an ARIA grid row, a list item, a card, a definition list, an absolutely
 * positioned virtual row alike. Class names and ids play no part. Nothing here writes to the page.
 */
import { composedParent, isOwnHost, openShadowRoots, type QueryRoot } from '../query';
import { holdsOther, LINK_SELECTOR, productLinksIn, productRef } from './links';

/** Containers an item never grows into: the page's landmarks and the document itself. */
const BOUNDARY = new Set(['BODY', 'HTML', 'MAIN', 'FORM', 'DIALOG']);
const isBoundary = (el: Element) => BOUNDARY.has(el.tagName) || el.getAttribute('role') === 'main';
/** Elements that by their semantics stand for one entry of a list (used when a list shows one product). */
const ENTRY = 'tr, li, article, dl, [role="row"], [role="listitem"], [role="article"]';

/** The other children of `parent` next to `from` (its shadow root's too), nearest first. */
function* siblingsOf(parent: Element, from: Element): Generator<Element> {
  const scopes: Array<Element | ShadowRoot> = [parent];
  if (parent.shadowRoot && !isOwnHost(parent)) scopes.push(parent.shadowRoot);
  for (const scope of scopes) {
    if (from.parentNode === scope) {
      let before = from.previousElementSibling;
      let after = from.nextElementSibling;
      while (before || after) {
        if (after) {
          yield after;
          after = after.nextElementSibling;
        }
        if (before) {
          yield before;
          before = before.previousElementSibling;
        }
      }
    } else {
      for (let c = scope.firstElementChild; c; c = c.nextElementSibling) yield c;
    }
  }
}

const items = new WeakMap<Element, Element>();
/** Every element recognised as an item so far (for `rowOf`: which item a changed node belongs to). */
const knownItems = new WeakSet<Element>();

/**
 * The item a product link stands for: the largest element around it that holds no other product.
 * Cached per link while the item still holds it.
 */
export function itemOf(link: Element): Element | null {
  const ref = productRef(link);
  if (!ref) return null;
  const cached = items.get(link);
  if (cached && cached.isConnected && cached.contains(link)) return cached;
  let node: Element = link;
  let entry: Element | null = null;
  let bounded = true;
  for (let depth = 0; depth < 40; depth++) {
    if (node !== link && node.matches(ENTRY)) entry = node;
    const parent = composedParent(node);
    if (!parent || isBoundary(parent) || isOwnHost(parent)) {
      bounded = false;
      break;
    }
    let other = false;
    for (const sib of siblingsOf(parent, node)) if ((other = holdsOther(sib, ref))) break;
    if (other) break;
    node = parent;
  }
  // A list of one product: nothing bounded the climb; its entry element (a row) is the item.
  const item = !bounded && entry ? entry : node;
  if (item === link && !bounded) return null;
  items.set(link, item);
  knownItems.add(item);
  return item;
}

/** The item `el` sits in (an item seen before), climbing out of shadow roots; `null` outside any. */
export function rowOf(el: Element | null): Element | null {
  for (let n: Element | null = el; n; n = composedParent(n)) {
    if (knownItems.has(n)) return n;
    if (n.matches(LINK_SELECTOR) && productRef(n)) return itemOf(n);
  }
  return null;
}

/** Product items below `root` (a list, a shadow root, a subtree the page just added), and `root` when it is one. */
export function productRowsIn(root: QueryRoot): Element[] {
  if (root instanceof Element && isOwnHost(root)) return [];
  const rows = new Set<Element>();
  for (const link of productLinksIn(root)) {
    const item = itemOf(link);
    if (item && !isOwnHost(item)) rows.add(item);
  }
  if (root instanceof Element && !rows.size) {
    const around = rowOf(root);
    if (around) rows.add(around);
  }
  return [...rows];
}

/** Is `node` inside `list` (crossing shadow roots), and not `list` itself or one of its ancestors? */
export function isInside(list: Element, node: Element): boolean {
  let n: Node | null = node;
  while (n) {
    if (n === list) return node !== list;
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return false;
}
