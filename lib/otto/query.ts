/**
 * The composed tree: DOM queries and walks that also go through open shadow roots (the one module
 * for it). Content scripts see synthetic shadow DOM as light DOM and can walk native open roots
 * through `element.shadowRoot`.
 */
export type QueryRoot = Document | Element | ShadowRoot | DocumentFragment;

/** Our own UI hosts: never searched, never matched. */
export const OWN_HOST_PREFIX = 'LGA-';

export function isOwnHost(el: Element): boolean {
  return el.tagName.startsWith(OWN_HOST_PREFIX) && ownHosts.has(el);
}

/**
 * Hosts the extension created; page elements that merely use our tag names are not in here.
 * Kept on the isolated world's global so the entry and the UI chunk share one set.
 */
export const ownHosts: WeakSet<Element> = ((globalThis as { __lgaOwnHosts?: WeakSet<Element> }).__lgaOwnHosts ??= new WeakSet());

/**
 * Copies of our hosts the page made (a row re-created with `cloneNode(true)` carries our host
 * along): our tag and attributes, but not ours and without a shadow root — an empty control.
 */
export function copiesOfOwnHosts(scope: Element, tag: string): Element[] {
  return Array.from(scope.getElementsByTagName(tag)).filter((el) => !ownHosts.has(el) && !el.shadowRoot && el.hasAttribute('data-fit'));
}

/** Every open shadow root below `root` (depth first, document order), excluding our own UI. */
export function openShadowRoots(root: QueryRoot, out: ShadowRoot[] = []): ShadowRoot[] {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  let node = walker.nextNode() as Element | null;
  while (node) {
    if (isOwnHost(node)) {
      node = nextSkippingChildren(walker);
      continue;
    }
    const sr = node.shadowRoot;
    if (sr) {
      out.push(sr);
      openShadowRoots(sr, out);
    }
    node = walker.nextNode() as Element | null;
  }
  return out;
}

function nextSkippingChildren(walker: TreeWalker): Element | null {
  const next = walker.nextSibling();
  if (next) return next as Element;
  while (walker.parentNode()) {
    const sib = walker.nextSibling();
    if (sib) return sib as Element;
  }
  return null;
}

/** querySelectorAll over `root` and every open shadow root inside it. */
export function deepQueryAll<E extends Element = Element>(root: QueryRoot, selector: string): E[] {
  const found: E[] = [];
  const push = (r: QueryRoot) => {
    for (const el of Array.from(r.querySelectorAll<E>(selector))) {
      // Our UI lives in shadow roots the walk skips; only a host itself could match a selector.
      if (!isOwnHost(el)) found.push(el);
    }
  };
  push(root);
  // One walk: it visits every element below `root`, which is what costs on big pages.
  for (const sr of openShadowRoots(root)) push(sr);
  return found;
}

export function deepQuery<E extends Element = Element>(root: QueryRoot, selector: string): E | null {
  const direct = root.querySelector<E>(selector);
  if (direct && !isOwnHost(direct)) return direct;
  return deepQueryAll<E>(root, selector)[0] ?? null;
}

/** True when `el` sits inside UI the extension injected. */
export function insideOwnUi(el: Node): boolean {
  let n: Node | null = el;
  while (n) {
    if (n instanceof Element && isOwnHost(n)) return true;
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return false;
}

/** Text of an element with whitespace collapsed; bounded so hostile pages cannot blow it up. */
export function textOf(el: Element | null | undefined, max = 500): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** The element a node belongs to in the composed tree: its parent element, or the host of the shadow root it sits in. */
export function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 11 /* DOCUMENT_FRAGMENT */) return (parent as ShadowRoot).host ?? null;
  return parent.nodeType === 1 ? (parent as Element) : null;
}

/** `closest` across shadow boundaries: `node` or its nearest composed ancestor matching `selector`. */
export function closestComposed(node: Node, selector: string): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : composedParent(node);
  while (el) {
    let hit: Element | null;
    try {
      hit = el.closest(selector);
    } catch {
      return null;
    }
    if (hit) return hit;
    const root = el.getRootNode();
    el = root.nodeType === 11 ? ((root as ShadowRoot).host ?? null) : null;
  }
  return null;
}

/** Is `inner` inside `outer` (or `outer` itself), crossing shadow boundaries? */
export function containsComposed(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; n = n.parentNode ?? (n.nodeType === 11 ? (n as ShadowRoot).host : null)) if (n === outer) return true;
  return false;
}

/** The nearest element that holds both `a` and `b` in the composed tree (`null` in different documents). */
export function commonAncestor(a: Element, b: Element): Element | null {
  const seen = new Set<Element>();
  for (let n: Element | null = a; n; n = composedParent(n)) seen.add(n);
  for (let n: Element | null = b; n; n = composedParent(n)) if (seen.has(n)) return n;
  return null;
}

/** `el` and every element above it in the composed tree, nearest first. */
export function composedAncestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let n: Element | null = el; n; n = composedParent(n)) out.push(n);
  return out;
}

/** The nearest element holding all of `els` in the composed tree (the outermost one when they share none). */
export function commonAncestorOf(els: readonly Element[]): Element {
  const chain = composedAncestors(els[0]!);
  let best = 0;
  for (const el of els.slice(1)) {
    const above = new Set(composedAncestors(el));
    while (best < chain.length && !above.has(chain[best]!)) best++;
  }
  return chain[Math.min(best, chain.length - 1)]!;
}

/** Queries `el` itself (its light DOM), its own shadow root and every open root below; `[]` for a selector the engine rejects. */
export function deepWithin<E extends Element = Element>(el: Element, selector: string): E[] {
  const out: E[] = [];
  const push = (found: E[]) => {
    for (const f of found) if (!out.includes(f)) out.push(f);
  };
  try {
    push(deepQueryAll<E>(el, selector));
    if (el.shadowRoot) push(deepQueryAll<E>(el.shadowRoot, selector));
  } catch {
    /* selector unsupported by this engine */
  }
  return out;
}

/** Text as rendered, including content inside open shadow roots (e.g. native combobox items); bounded. */
export function deepText(node: Node, max = 500): string {
  let out = '';
  const walk = (n: Node) => {
    if (out.length > max) return;
    if (n.nodeType === 3) {
      out += n.nodeValue ?? '';
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 11) return;
    const el = n as Element;
    if (n.nodeType === 1 && (el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || el.tagName === 'TEMPLATE')) return;
    const root = n.nodeType === 1 ? el.shadowRoot : null;
    for (const c of Array.from((root ?? n).childNodes)) walk(c);
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim().slice(0, max);
}
