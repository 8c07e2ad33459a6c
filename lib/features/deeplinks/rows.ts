import { isOwnHost } from '../../otto/query';
import { isInside, listRoots, productRowsIn, productRowsOf, rowOf } from '../../otto/products';

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
  /** How many rows have been handled so far. */
  handled: () => number;
}

const ATTRS = ['href', 'class', 'data-status'];
/** Bigger mutation batches (a re-rendered page of rows) make us re-read the row order. */
const SMALL_BATCH = 60;
/** Never more rows in one go than this (a hidden list reports every row at 0,0). */
const MAX_VIEW = 150;
/** Rows handled at start before any position is known. */
const FIRST_BATCH = 40;

/**
 * Keeps the product rows of `list` that the merchant can see handled: the rows in view plus one
 * screen below and half a screen above, at start and whenever the page scrolls or resizes, and
 * again after the page re-renders, sorts, pages, filters, appends or recycles rows. Rows far
 * from the view are handled when they come near it: a 2,000-row list costs what its visible rows
 * cost, and each table re-layout the page does stays as cheap as it was.
 *
 * One MutationObserver per root of the list (nothing outside it); records are handled once per
 * animation frame and only rows they touch are read again. The row order is kept up to date from
 * the records, so finding the rows in view is a binary search over their positions, done only
 * on start, scroll, resize and when new rows arrive away from handled ones.
 */
export function watchRows(opts: RowWatchOptions): RowWatch {
  const { list, signal, decorate } = opts;
  /** Rows handled at least once: changes to them are applied at once. */
  const known = new WeakSet<Element>();
  let handledCount = 0;
  let ordered: Element[] = [];
  let stale = true;
  const rows = () => {
    if (stale) {
      ordered = productRowsOf(list);
      stale = false;
    }
    return ordered;
  };
  const run = (row: Element) => {
    if (!known.has(row)) {
      known.add(row);
      handledCount++;
    }
    decorate(row);
  };

  /** First and last index of the rows in view (rows run top to bottom in document order). */
  const inView = (all: Element[]): [number, number] => {
    let lo = 0;
    let hi = all.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.getBoundingClientRect().bottom < 0) lo = mid + 1;
      else hi = mid;
    }
    let last = lo;
    while (last + 1 < all.length && last - lo < MAX_VIEW && all[last + 1]!.getBoundingClientRect().top <= innerHeight) last++;
    return [lo, last];
  };

  const decorateView = () => {
    const all = rows();
    if (!all.length) return;
    const [first, last] = inView(all);
    const seen = last - first + 1;
    // Visible rows first, then one screen below and half a screen above.
    const order = [...all.slice(first, last + 1), ...all.slice(last + 1, last + 1 + seen), ...all.slice(Math.max(0, first - (seen >> 1)), first).reverse()];
    for (const row of order) if (!known.has(row)) run(row);
  };

  // Positions are read right after the browser has rendered a frame (a task queued from
  // requestAnimationFrame runs after layout and paint): reading them never forces a layout.
  let viewFrame = 0;
  let viewTask: ReturnType<typeof setTimeout> | undefined;
  const scheduleView = () => {
    if (viewFrame || viewTask !== undefined || signal.aborted) return;
    viewFrame = requestAnimationFrame(() => {
      viewFrame = 0;
      viewTask = setTimeout(() => {
        viewTask = undefined;
        if (!signal.aborted) decorateView();
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
  const nextToKnown = (row: Element) => {
    const prev = row.previousElementSibling;
    const next = row.nextElementSibling;
    return (prev !== null && known.has(prev)) || (next !== null && known.has(next));
  };

  let records: MutationRecord[] = [];
  let frame = 0;
  const process = () => {
    frame = 0;
    const batch = records;
    records = [];
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
          if (n instanceof Element) for (const row of productRowsIn(n)) if (isInside(list, row)) added.push(row);
        }
        if (!foreign) continue;
      }
      const row = rowOf(target);
      if (row && isInside(list, row)) dirty.add(row);
    }
    if (removed) opts.sweep?.();
    if (added.length > SMALL_BATCH) stale = true;
    else for (const row of added) place(row);
    // Changes inside rows already handled (recycled rows, a new status, our control removed).
    for (const row of dirty) if (known.has(row)) decorate(row);
    if (!added.length) return;
    const near = added.filter((row) => !known.has(row) && nextToKnown(row));
    for (const row of near) run(row);
    if (added.some((row) => !known.has(row))) scheduleView();
  };
  const onMutations = (found: MutationRecord[]) => {
    for (const r of found) records.push(r);
    if (!frame) frame = requestAnimationFrame(process);
  };

  const observers: MutationObserver[] = [];
  for (const root of listRoots(list)) {
    const mo = new MutationObserver(onMutations);
    mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRS });
    observers.push(mo);
  }
  // Scrolling anywhere (the page or a scroll container around the list) can bring rows into view.
  document.addEventListener('scroll', scheduleView, { capture: true, passive: true, signal });
  window.addEventListener('resize', scheduleView, { passive: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      for (const mo of observers) mo.disconnect();
      cancelAnimationFrame(frame);
      cancelAnimationFrame(viewFrame);
      clearTimeout(viewTask);
      records = [];
      ordered = [];
    },
    { once: true },
  );

  // Start without reading positions (the page may be mid-layout): a fresh page shows its first
  // rows, so those go now, in the same frame as everything else; the exact view follows.
  for (const row of rows().slice(0, FIRST_BATCH)) run(row);
  scheduleView();

  return {
    flush: () => {
      for (const mo of observers) records.push(...mo.takeRecords());
      if (frame) cancelAnimationFrame(frame);
      process();
      cancelAnimationFrame(viewFrame);
      clearTimeout(viewTask);
      viewFrame = 0;
      viewTask = undefined;
      decorateView();
    },
    handled: () => handledCount,
  };
}
