import { composedParent, copiesOfOwnHosts, isOwnHost } from '../query';
import { isInside, productRowsIn } from '../products/items';
import { listRoots, productRowsOf } from '../products/list';
import { observeTree } from '../observe';
import { paintedRead, shadowRootsAround } from '../painted-read';
import { initialRowsOf, nearView } from './view';
import { nearHandled, rowOrder } from './order';

/**
 * One watcher per list, shared by every feature that handles its rows (watch.ts `watchRows`): one
 * MutationObserver per root of the list (nothing outside it), one view, one row order.
 */

const ATTRS = ['href', 'class', 'data-status'];
/** Bigger mutation batches (a re-rendered page of rows) make us re-read the row order. */
const SMALL_BATCH = 60;

/** A feature handling the list's rows. */
export interface Subscriber {
  decorate: (row: Element) => void;
  sweep?: () => void;
  known: WeakSet<Element>;
  count: number;
}

export interface Shared {
  join: (s: Subscriber) => void;
  leave: (s: Subscriber) => void;
  flush: () => void;
  /** The first rows, or the rows in view once known (for a new subscriber). */
  current: () => Element[];
}

/** Hands `row` to one subscriber. */
export function run(sub: Subscriber, row: Element) {
  if (!sub.known.has(row)) {
    sub.known.add(row);
    sub.count++;
  }
  sub.decorate(row);
}

/**
 * Rows a page clones with `cloneNode(true)` carry copies of our row controls: hosts without their
 * shadow tree (empty, or a second control once the row is decorated). Removed as they arrive,
 * whether or not the row is in view (issue 16).
 */
function dropCopies(n: Element) {
  const copies = copiesOfOwnHosts(n, 'lga-deeplink');
  if (n.localName === 'lga-deeplink' && !isOwnHost(n) && !n.shadowRoot && n.hasAttribute('data-fit')) copies.push(n);
  for (const copy of copies) copy.remove();
}

/**
 * The shadow roots where the page's changes move `list`'s rows without the document hearing it:
 * the roots the list sits in and the shadow roots of its own (its `roots`, listRoots).
 */
export function listShadowRoots(list: Element, roots: ReadonlyArray<Element | ShadowRoot>): Set<ShadowRoot> {
  const out = shadowRootsAround([list]);
  for (const r of roots) if (r instanceof ShadowRoot) out.add(r);
  return out;
}

/** The shared watcher of `list`; `onStop` runs when its last subscriber has left. */
export function createShared(list: Element, onStop: () => void): Shared {
  const subscribers = new Set<Subscriber>();
  const stop = new AbortController();
  const signal = stop.signal;
  /** Rows handed to the subscribers at least once (changes to them are applied at once). */
  const known = new WeakSet<Element>();
  const order = rowOrder(() => productRowsOf(list));
  /** The rows in view at the last look (while one of them is still there, the view is intact). */
  let viewRows: Element[] = [];
  /** Rows handed over so far, for a feature that joins later (pruned when the page removes rows). */
  let handled: Element[] = [];
  /** The first look at the rows in view has been taken (`start`). */
  let started = false;
  /** Where the list's rows live (the list, its shadow roots): observed for changes. */
  const roots = listRoots(list);
  /** Shadow roots whose changes make a layout read wait (painted-read.ts): the list's, and those in it. */
  const readRoots = () => listShadowRoots(list, roots);
  /**
   * The handled row a changed node sits in (climbing out of shadow roots, not beyond the list):
   * only those are handled again. No recognition on the way up: on a 2,000-row list most changes
   * happen in rows far from the view that were never handled (issue 16).
   */
  const knownRowOf = (node: Element) => {
    for (let n: Element | null = node; n && n !== list; n = composedParent(n)) if (known.has(n)) return n;
    return null;
  };
  const runAll = (row: Element) => {
    if (!known.has(row)) handled.push(row);
    known.add(row);
    for (const s of subscribers) run(s, row);
  };

  const decorateView = () => {
    const all = order.rows();
    if (!all.length) return;
    const { inView, around } = nearView(all);
    viewRows = [...inView, ...around];
    for (const row of viewRows) if (!known.has(row)) runAll(row);
  };

  // Positions are read right after the browser has rendered a frame, when the page has not
  // changed the document since (painted-read.ts): reading them forces no layout (issue 16).
  const view = paintedRead(decorateView, signal, readRoots);
  const scheduleView = view.schedule;

  const process = (batch: MutationRecord[]) => {
    const dirty = new Set<Element>();
    const added: Element[] = [];
    let removed = false;
    let removedElements = false;
    for (const r of batch) {
      const target = r.target instanceof Element ? r.target : r.target.parentElement;
      if (!target || isOwnHost(target)) continue;
      if (r.type === 'childList') {
        let foreign = false;
        for (const n of Array.from(r.removedNodes)) {
          removed = true;
          if (n instanceof Element && isOwnHost(n)) {
            // The page removed one of our hosts but kept the row: the row needs it back.
            foreign ||= target.isConnected;
            continue;
          }
          foreign = true;
          if (n instanceof Element) removedElements = true;
        }
        for (const n of Array.from(r.addedNodes)) {
          if (n instanceof Element && isOwnHost(n)) continue;
          foreign = true;
          if (n instanceof Element) dropCopies(n);
          if (n instanceof Element) for (const row of productRowsIn(n)) if (isInside(list, row)) added.push(row);
        }
        if (!foreign) continue;
      }
      const row = knownRowOf(target);
      if (row) dirty.add(row);
    }
    if (removed) {
      handled = handled.filter((r) => r.isConnected);
      for (const s of subscribers) s.sweep?.();
    }
    // Rows the page removed leave the order in one pass (recognising the removed subtrees again cost more).
    if (removedElements) order.prune();
    if (added.length > SMALL_BATCH) order.invalidate();
    else for (const row of added) order.place(row);
    // Changes inside rows already handled (recycled rows, a new status, our control removed,
    // content replaced wholesale inside the same row element): handled again, once each.
    const changed = new Set<Element>();
    for (const row of [...dirty, ...added]) if (known.has(row)) changed.add(row);
    for (const row of changed) for (const s of subscribers) run(s, row);
    if (!added.length) return;
    const near = nearHandled(added, known);
    for (const row of near) runAll(row);
    // Rows that arrived away from handled ones are off-screen while the rows in view are still
    // there; if those are gone (a new page of rows, a filter), look again. Not before the first
    // look (start), which reads the rows in view itself: a busy page's changes can come first.
    if (started && added.some((r) => !known.has(r)) && !viewRows.some((r) => r.isConnected)) scheduleView();
  };
  const observation = observeTree(roots, process, { signal, attributes: ATTRS, characterData: true });
  // Scrolling anywhere (the page or a scroll container around the list) can bring rows into view.
  document.addEventListener('scroll', scheduleView, { capture: true, passive: true, signal });
  window.addEventListener('resize', scheduleView, { passive: true, signal });

  // Stop when the last subscriber is gone (checked a frame later: a feature restarting on the
  // same list joins again in between).
  let checkFrame = 0;
  const checkEmpty = () => {
    checkFrame = 0;
    if (subscribers.size) return;
    stop.abort();
    order.clear();
    handled = [];
    viewRows = [];
    onStop();
  };

  // Start with the rows in view, read after the next painted frame (painted-read.ts): every
  // feature's first writes are laid out by then (the checklist panel above the list moves it), so
  // these are the rows the merchant sees, and reading their positions forces no layout. The rows
  // around the view follow when the merchant scrolls or the window resizes. A list without a
  // layout (hidden, or every row at 0,0) gets its first rows; a short list all of them.
  const start = () => {
    if (started || signal.aborted) return;
    started = true;
    first.cancel();
    viewRows = initialRowsOf(list, order.rows);
    for (const row of viewRows) runAll(row);
  };
  const first = paintedRead(start, signal, readRoots);
  first.schedule();

  return {
    join: (s) => subscribers.add(s),
    leave: (s) => {
      subscribers.delete(s);
      if (!subscribers.size && !checkFrame) checkFrame = requestAnimationFrame(checkEmpty);
    },
    current: () => handled.filter((r) => r.isConnected),
    flush: () => {
      start();
      observation.flush();
      view.cancel();
      decorateView();
    },
  };
}
