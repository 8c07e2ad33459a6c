import { copiesOfOwnHosts, isOwnHost } from './query';
import { isInside, listRoots, productLinksOf, productRowsIn, productRowsOf, rowOf, waitForProductList } from './products';
import { WAIT_UNLIMITED } from './anchors';
import { childController, untilGone } from '../ui/presence';
import { observeTree } from './observe';

/**
 * The item watcher of the site adapter: keeps the product items of a list handled for every
 * feature that needs them (deeplink controls, automatic steps), one watcher per list.
 */

export interface ListLoopOptions {
  signal: AbortSignal;
  /** After this many ms without a list, `note(false)` reports it missing (it may still come); `note(true)` once found. */
  timeout?: number;
  note?: (found: boolean) => void;
}

/**
 * Each product list the page shows, one after another: `onList` runs with a signal that aborts
 * when that list leaves the page (the app replaced it, a new page of results), then the next
 * list is awaited — until `signal` aborts. The one wait/report/restart loop of the features.
 */
export async function eachProductList(opts: ListLoopOptions, onList: (list: Element, signal: AbortSignal) => void): Promise<void> {
  const { signal, note } = opts;
  while (!signal.aborted) {
    let list = await waitForProductList({ signal, timeout: note ? (opts.timeout ?? 10_000) : WAIT_UNLIMITED });
    if (!list && !signal.aborted && note) {
      note(false);
      list = await waitForProductList({ signal, timeout: WAIT_UNLIMITED });
    }
    if (!list || signal.aborted) return;
    note?.(true);
    const ctl = childController(signal);
    onList(list, ctl.signal);
    await untilGone(list, ctl.signal);
    ctl.abort();
  }
}

export interface RowWatchOptions {
  /** The product list container (observed, with the open shadow roots inside it, and nothing else). */
  list: Element;
  signal: AbortSignal;
  /** Handles one row (decorate, update, read); must be idempotent and cheap when nothing changed. */
  decorate: (row: Element) => void;
  /** Called after the page removed nodes, to drop what belonged to rows that are gone. */
  sweep?: () => void;
}

export interface RowWatch {
  /** Processes pending mutations and view changes now (tests). */
  flush: () => void;
  /** How many rows this watcher has handled so far. */
  handled: () => number;
}

const ATTRS = ['href', 'class', 'data-status'];
/** Bigger mutation batches (a re-rendered page of rows) make us re-read the row order. */
const SMALL_BATCH = 60;
/** Never more rows in one go than this (a hidden list reports every row at 0,0). */
const MAX_VIEW = 200;
/** Rows handled at start when the list has no layout yet (no position is known). */
const FIRST_BATCH = 40;
/**
 * Lists up to this many rows are read whole for the rows in view: a virtual list's pool of
 * recycled rows is not in screen order, which the binary search over longer lists assumes.
 */
const POOL = 60;
/** Lists up to this many rows are handled completely at start. */
const SHORT_LIST = 24;

interface Subscriber {
  decorate: (row: Element) => void;
  sweep?: () => void;
  known: WeakSet<Element>;
  count: number;
}

interface Shared {
  join: (s: Subscriber) => void;
  leave: (s: Subscriber) => void;
  flush: () => void;
  /** The first rows, or the rows in view once known (for a new subscriber). */
  current: () => Element[];
}

/** One watcher per list, shared by every feature that handles its rows (one observer, one view). */
const shared = new WeakMap<Element, Shared>();

/**
 * Keeps the product rows of `list` that the merchant can see handled: the rows in view at start,
 * then, whenever the page scrolls or resizes, those in view and up to half a screen below and a
 * quarter screen above, and again after the page re-renders, sorts, pages, filters, appends
 * or recycles rows. Rows far from the view are handled when they come near it: a 2,000-row list
 * costs what its visible rows cost, and each table re-layout the page does stays cheap.
 *
 * Features watching the same list share one MutationObserver per root of the list (nothing
 * outside it); records are handled once per animation frame and only rows they touch are read
 * again. The row order is kept up to date from the records, so finding the rows in view is a
 * binary search over their positions, read after the browser has painted (no forced layout),
 * on start, scroll, resize and when the rows in view were replaced.
 */
export function watchRows(opts: RowWatchOptions): RowWatch {
  const sub: Subscriber = { decorate: opts.decorate, sweep: opts.sweep, known: new WeakSet(), count: 0 };
  let group = shared.get(opts.list);
  if (!group) shared.set(opts.list, (group = createShared(opts.list)));
  const g = group;
  g.join(sub);
  opts.signal.addEventListener('abort', () => g.leave(sub), { once: true });
  for (const row of g.current()) run(sub, row);
  return { flush: g.flush, handled: () => sub.count };
}

/** Index of the first of `n` items, top to bottom, whose box reaches down to `y` (binary search). */
function firstReaching(n: number, box: (i: number) => DOMRect, y: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (box(mid).bottom < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The rows to handle at start: those in view; all rows of a short list (cheap, and the merchant
 * sees them all after a little scrolling); without any layout yet (a hidden list), the first
 * `FIRST_BATCH` rows. Rows come by position `0…n-1` in document order: `rowAt(i)` (`null` when
 * position `i` holds none) and `boxAt(i)`, the element whose box stands for that row. A binary
 * search reads a handful of them, not all (each element our world touches the first time costs
 * a wrapper object).
 */
function initialRows(n: number, rowAt: (i: number) => Element | null, boxAt: (i: number) => Element): Element[] {
  const pick = (from: number, to: number) => {
    const out = new Set<Element>();
    for (let i = from; i < to; i++) {
      const row = rowAt(i);
      if (row) out.add(row);
    }
    return [...out];
  };
  if (n <= SHORT_LIST) return pick(0, n);
  const box = (i: number) => boxAt(i).getBoundingClientRect();
  if (!box(0).height && !box(n - 1).height) return pick(0, Math.min(n, FIRST_BATCH));
  if (n <= POOL) {
    // Read whole (a recycled pool need not be in screen order): the rows in view.
    const out = new Set<Element>();
    for (let i = 0; i < n; i++) {
      const r = box(i);
      const row = r.bottom >= 0 && r.top <= innerHeight ? rowAt(i) : null;
      if (row) out.add(row);
    }
    return out.size ? [...out] : pick(0, Math.min(n, FIRST_BATCH));
  }
  const first = firstReaching(n, box, 0);
  let end = first;
  while (end < n && end - first < MAX_VIEW && box(end).top <= innerHeight) end++;
  const rows = pick(first, end);
  return rows.length ? rows : pick(0, Math.min(n, FIRST_BATCH));
}

/**
 * `initialRows` of `list`: from its links' NodeList when its rows are in its light DOM (no walk
 * over all rows), else from the full row order `all()`.
 */
function initialRowsOf(list: Element, all: () => Element[]): Element[] {
  const links = productLinksOf(list);
  if (!links) {
    const rows = all();
    return rows.length ? initialRows(rows.length, (i) => rows[i]!, (i) => rows[i]!) : [];
  }
  const rowAt = (i: number) => {
    const row = rowOf(links[i]!);
    return row && !isOwnHost(row) && isInside(list, row) ? row : null;
  };
  // Measured by the row (a row can show while its link is just outside the view).
  return initialRows(links.length, rowAt, (i) => rowOf(links[i]!) ?? links[i]!);
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

function run(sub: Subscriber, row: Element) {
  if (!sub.known.has(row)) {
    sub.known.add(row);
    sub.count++;
  }
  sub.decorate(row);
}

function createShared(list: Element): Shared {
  const subscribers = new Set<Subscriber>();
  const stop = new AbortController();
  const signal = stop.signal;
  /** Rows handed to the subscribers at least once (changes to them are applied at once). */
  const known = new WeakSet<Element>();
  let ordered: Element[] = [];
  let stale = true;
  /** The rows in view at the last look (while one of them is still there, the view is intact). */
  let viewRows: Element[] = [];
  const rows = () => {
    if (stale) {
      ordered = productRowsOf(list);
      stale = false;
    }
    return ordered;
  };
  /** Rows handed over so far, for a feature that joins later (pruned when the page removes rows). */
  let handled: Element[] = [];
  const runAll = (row: Element) => {
    if (!known.has(row)) handled.push(row);
    known.add(row);
    for (const s of subscribers) run(s, row);
  };

  /**
   * The rows from a quarter screen above the view to half a screen below it, those in view
   * first (rows run top to bottom in document order; a binary search finds the first one).
   */
  const nearView = (all: Element[]): { inView: Element[]; around: Element[] } => {
    const h = innerHeight;
    // A short list is read whole (a recycled pool's row 8 may stand above its row 0).
    const whole = all.length <= POOL;
    const lo = whole ? 0 : firstReaching(all.length, (i) => all[i]!.getBoundingClientRect(), -h / 4);
    const inView: Element[] = [];
    const around: Element[] = [];
    for (let i = lo; i < all.length && inView.length + around.length < MAX_VIEW; i++) {
      const r = all[i]!.getBoundingClientRect();
      if (r.top > 1.5 * h || r.bottom < -h / 4) {
        if (whole) continue;
        break;
      }
      (r.bottom >= 0 && r.top <= h ? inView : around).push(all[i]!);
    }
    return { inView, around };
  };

  const decorateView = () => {
    const all = rows();
    if (!all.length) return;
    const { inView, around } = nearView(all);
    viewRows = [...inView, ...around];
    for (const row of viewRows) if (!known.has(row)) runAll(row);
  };

  // Positions are read right after the browser has rendered a frame (a task queued from
  // requestAnimationFrame runs after layout and paint): reading them does not force a layout.
  // Unless the page changed the list in between (a timer of its own ran first): then its change
  // is not laid out yet and reading would force that layout (of the whole table) now — so wait
  // for the next frame instead (issue 16).
  let viewFrame = 0;
  let viewTask: ReturnType<typeof setTimeout> | undefined;
  const scheduleView = () => {
    if (viewFrame || viewTask !== undefined || signal.aborted) return;
    viewFrame = requestAnimationFrame(() => {
      viewFrame = 0;
      viewTask = setTimeout(() => {
        viewTask = undefined;
        if (signal.aborted) return;
        if (observation.pending()) return scheduleView();
        decorateView();
      });
    });
  };

  /** Keeps `ordered` in document order from the records (no re-scan of the whole list). */
  const forget = (row: Element) => {
    const i = ordered.indexOf(row);
    if (i >= 0) ordered.splice(i, 1);
  };
  const place = (row: Element) => {
    if (stale) return;
    forget(row);
    for (let prev = row.previousElementSibling, k = 0; prev && k < 4; prev = prev.previousElementSibling, k++) {
      const i = ordered.indexOf(prev);
      if (i >= 0) return void ordered.splice(i + 1, 0, row);
    }
    for (let next = row.nextElementSibling, k = 0; next && k < 4; next = next.nextElementSibling, k++) {
      const i = ordered.indexOf(next);
      if (i >= 0) return void ordered.splice(i, 0, row);
    }
    if (ordered.length) stale = true;
    else ordered.push(row);
  };

  /** New rows next to handled ones (or to new rows that are): handled now, the rest stays. */
  const nearHandled = (added: Element[]): Element[] => {
    const near = new Set<Element>();
    const isNear = (el: Element | null) => el !== null && (known.has(el) || near.has(el));
    for (let pass = 0; pass < 2; pass++) {
      const order = pass ? [...added].reverse() : added;
      for (const row of order) if (!known.has(row) && (isNear(row.previousElementSibling) || isNear(row.nextElementSibling))) near.add(row);
    }
    return [...near];
  };

  const process = (batch: MutationRecord[]) => {
    const dirty = new Set<Element>();
    const added: Element[] = [];
    let removed = false;
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
          if (n instanceof Element && !stale) for (const row of productRowsIn(n)) forget(row);
        }
        for (const n of Array.from(r.addedNodes)) {
          if (n instanceof Element && isOwnHost(n)) continue;
          foreign = true;
          if (n instanceof Element) dropCopies(n);
          if (n instanceof Element) for (const row of productRowsIn(n)) if (isInside(list, row)) added.push(row);
        }
        if (!foreign) continue;
      }
      const row = rowOf(target);
      if (row && isInside(list, row)) dirty.add(row);
    }
    if (removed) {
      handled = handled.filter((r) => r.isConnected);
      for (const s of subscribers) s.sweep?.();
    }
    if (added.length > SMALL_BATCH) stale = true;
    else for (const row of added) place(row);
    // Changes inside rows already handled (recycled rows, a new status, our control removed,
    // content replaced wholesale inside the same row element): handled again, once each.
    const changed = new Set<Element>();
    for (const row of [...dirty, ...added]) if (known.has(row)) changed.add(row);
    for (const row of changed) for (const s of subscribers) run(s, row);
    if (!added.length) return;
    const near = nearHandled(added);
    for (const row of near) runAll(row);
    // Rows that arrived away from handled ones are off-screen while the rows in view are still
    // there; if those are gone (a new page of rows, a filter), look again.
    if (added.some((r) => !known.has(r)) && !viewRows.some((r) => r.isConnected)) scheduleView();
  };
  const observation = observeTree(listRoots(list), process, { signal, attributes: ATTRS, characterData: true });
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
    cancelAnimationFrame(viewFrame);
    cancelAnimationFrame(startFrame);
    clearTimeout(startTask);
    clearTimeout(viewTask);
    ordered = [];
    handled = [];
    viewRows = [];
    shared.delete(list);
  };

  // Start with the rows in view, read right after the browser has rendered the next frame (a
  // task queued from requestAnimationFrame): every feature's first writes are laid out by then
  // (the checklist panel above the list moves it), so these are the rows the merchant sees, and
  // reading their positions forces no layout. The rows around the view follow when the merchant
  // scrolls or the window resizes. A list without a layout (hidden, or every row at 0,0) gets
  // its first rows; a short list all of them.
  let started = false;
  const start = () => {
    if (started || signal.aborted) return;
    started = true;
    cancelAnimationFrame(startFrame);
    clearTimeout(startTask);
    viewRows = initialRowsOf(list, rows);
    for (const row of viewRows) runAll(row);
  };
  let startTask: ReturnType<typeof setTimeout> | undefined;
  const startFrame = requestAnimationFrame(() => (startTask = setTimeout(start)));

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
      cancelAnimationFrame(viewFrame);
      clearTimeout(viewTask);
      viewFrame = 0;
      viewTask = undefined;
      decorateView();
    },
  };
}
