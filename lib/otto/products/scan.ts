/**
 * One walk over an item and its open shadow roots, shared by everything that reads the item in
 * the same task (its status, its stock, its shop link).
 */
import { isOwnHost } from '../query';

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'A']);

/** What one walk over an item finds: everything status and stock are read from. */
export interface ItemScan {
  /** Short texts in document order (light DOM, then shadow roots); product links (a name may contain any word), our UI and code left out. */
  texts: string[];
  /** The item's open shadow roots (nested ones too). */
  roots: ShadowRoot[];
  /** Elements carrying `data-status`. */
  api: Element[];
  /** Elements (not links) carrying `title` or `aria-label`. */
  labelled: Element[];
  /** Elements with a BEM-like modifier class (`…--…`). */
  modified: Element[];
}

/**
 * Scans made during the current task, per item: the features reading one item in one go (the
 * deeplink control's status, the automatic steps' status and stock) share one walk. Dropped at
 * the next microtask, so a later change to the page is always read afresh.
 */
let scans: Map<Element, ItemScan> | null = null;

/** One walk over `row` and its open shadow roots (each element our world touches costs; walk once). */
export function scanOf(row: Element, exclude?: Element): ItemScan {
  const hit = exclude ? undefined : scans?.get(row);
  if (hit) return hit;
  const scan: ItemScan = { texts: [], roots: [], api: [], labelled: [], modified: [] };
  const queue: Array<Element | ShadowRoot> = [row];
  if (row.shadowRoot && !isOwnHost(row)) queue.push(row.shadowRoot);
  const accept = (n: Node) => {
    if (n.nodeType !== 1) return 1;
    const el = n as Element;
    if (el === exclude || isOwnHost(el) || SKIP.has(el.tagName)) {
      if (el.tagName === 'A' && !isOwnHost(el)) {
        if (el.hasAttribute('data-status')) scan.api.push(el);
        if (el.shadowRoot) queue.push(el.shadowRoot);
      }
      return 2;
    }
    if (el.hasAttribute('data-status')) scan.api.push(el);
    if (el.hasAttribute('title') || el.hasAttribute('aria-label')) scan.labelled.push(el);
    if ((el.getAttribute('class') ?? '').includes('--')) scan.modified.push(el);
    if (el.shadowRoot) queue.push(el.shadowRoot);
    return 3;
  };
  for (let i = 0; i < queue.length; i++) {
    const scope = queue[i]!;
    if (i > 0) scan.roots.push(scope as ShadowRoot);
    const walker = row.ownerDocument.createTreeWalker(scope, 0x1 | 0x4, { acceptNode: accept });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (scan.texts.length >= 80) continue;
      const text = (n as Text).data.replace(/\s+/g, ' ').trim();
      if (text) scan.texts.push(text);
    }
  }
  if (!exclude) {
    if (!scans) {
      scans = new Map();
      queueMicrotask(() => (scans = null));
    }
    scans.set(row, scan);
  }
  return scan;
}

/** Elements of the item and its shadow roots matching `selector` (our UI excluded). */
export function inItem(row: Element, selector: string): Element[] {
  const out: Element[] = [];
  for (const scope of [row, ...scanOf(row).roots]) for (const el of Array.from(scope.querySelectorAll(selector))) if (!isOwnHost(el)) out.push(el);
  return out;
}
