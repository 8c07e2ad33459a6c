import { createShared, run, type Shared, type Subscriber } from './shared';

/**
 * The item watcher of the site adapter: keeps the product items of a list handled for every
 * feature that needs them (deeplink controls, automatic steps), one watcher per list.
 */

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
  if (!group) shared.set(opts.list, (group = createShared(opts.list, () => shared.delete(opts.list))));
  const g = group;
  g.join(sub);
  opts.signal.addEventListener('abort', () => g.leave(sub), { once: true });
  for (const row of g.current()) run(sub, row);
  return { flush: g.flush, handled: () => sub.count };
}
