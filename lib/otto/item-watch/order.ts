/**
 * A list's rows in document order, kept up to date from the page's changes (no re-scan of the
 * whole list for each change), and which new rows stand next to rows already handled.
 */

export interface RowOrder {
  /** All rows in document order (read afresh after `invalidate`). */
  rows: () => Element[];
  /** Whether the order must be read afresh before it is used. */
  isStale: () => boolean;
  /** Reads the order afresh next time (the page changed too much to follow). */
  invalidate: () => void;
  /** Drops the rows that left the document (one pass, no recognition of what the page removed). */
  prune: () => void;
  /** Puts a row where the page shows it, next to a known neighbour (else the order goes stale). */
  place: (row: Element) => void;
  /** Lets go of every row (the watcher stops). */
  clear: () => void;
}

/** The row order of a list; `read` reads all rows of the list in document order. */
export function rowOrder(read: () => Element[]): RowOrder {
  let ordered: Element[] = [];
  let stale = true;
  const forget = (row: Element) => {
    const i = ordered.indexOf(row);
    if (i >= 0) ordered.splice(i, 1);
  };
  return {
    rows: () => {
      if (stale) {
        ordered = read();
        stale = false;
      }
      return ordered;
    },
    isStale: () => stale,
    invalidate: () => void (stale = true),
    prune: () => {
      if (!stale) ordered = ordered.filter((row) => row.isConnected);
    },
    place: (row) => {
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
    },
    clear: () => void (ordered = []),
  };
}

/** New rows next to handled ones (`known`), or to new rows that are: those are handled now, the rest stays. */
export function nearHandled(added: Element[], known: WeakSet<Element>): Element[] {
  const near = new Set<Element>();
  const isNear = (el: Element | null) => el !== null && (known.has(el) || near.has(el));
  for (let pass = 0; pass < 2; pass++) {
    const order = pass ? [...added].reverse() : added;
    for (const row of order) if (!known.has(row) && (isNear(row.previousElementSibling) || isNear(row.nextElementSibling))) near.add(row);
  }
  return [...near];
}
