/**
 * Which rows of a list the merchant sees: at start (a binary search over a few boxes) and after
 * scrolling (the rows in view and around it). Reads positions only; callers read them after the
 * browser has painted, so no read forces a layout.
 */
import { isOwnHost } from '../query';
import { isInside, rowOf } from '../products/items';
import { productLinksOf } from '../products/list';

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
export function initialRowsOf(list: Element, all: () => Element[]): Element[] {
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
 * The rows from a quarter screen above the view to half a screen below it, those in view
 * first (rows run top to bottom in document order; a binary search finds the first one).
 */
export function nearView(all: Element[]): { inView: Element[]; around: Element[] } {
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
}
