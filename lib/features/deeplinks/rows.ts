import { isOwnHost } from '../../otto/query';
import { isInside, listRoots, productRowsIn, productRowsOf, rowOf } from '../../otto/products';
import { idleQueue } from '../../ui/presence';

export interface RowWatchOptions {
  /** The product list container (observed, with the open shadow roots inside it, and nothing else). */
  list: Element;
  signal: AbortSignal;
  /** Decorates, updates or undecorates one row; must be idempotent and cheap when nothing changed. */
  decorate: (row: Element) => void;
  /** Called after the page removed nodes, to drop decorations of rows that are gone. */
  sweep: () => void;
  /** Batches up to this size are decorated in the same frame; bigger ones visible rows first. */
  syncLimit?: number;
  /** `false`: no visibility ordering, big batches simply go to idle time (work nobody sees). */
  visibleFirst?: boolean;
}

export interface RowWatch {
  /** Processes pending mutations and queued rows now (tests and benchmarks). */
  flush: () => void;
  /** Rows still waiting for idle time. */
  pending: () => number;
}

const ATTRS = ['href', 'class', 'data-status'];


/**
 * Keeps every product row of `list` decorated: initially, and after the page re-renders, sorts,
 * pages, filters, appends or recycles rows. Mutations are collected and handled once per
 * animation frame; only rows touched by a mutation are read again. Big batches go visible rows
 * first (IntersectionObserver, no forced layout), the rest in idle slices of ≤ 8 ms.
 */
export function watchRows(opts: RowWatchOptions): RowWatch {
  const { list, signal, decorate, sweep } = opts;
  const syncLimit = opts.syncLimit ?? 60;
  const later = idleQueue<Element>((row) => {
    if (row.isConnected) decorate(row);
  }, signal);

  let io: IntersectionObserver | null = null;
  const onIntersect = (entries: IntersectionObserverEntry[]) => {
    const offscreen: Element[] = [];
    for (const e of entries) {
      io?.unobserve(e.target);
      if (e.isIntersecting) {
        later.delete(e.target);
        if (e.target.isConnected) decorate(e.target);
      } else offscreen.push(e.target);
    }
    later.add(offscreen);
  };

  /** Decorate `rows`: small sets now, big sets visible first and the rest when idle. */
  const handle = (rows: Element[]) => {
    if (rows.length <= syncLimit) {
      for (const r of rows) {
        later.delete(r);
        decorate(r);
      }
      return;
    }
    if (opts.visibleFirst === false) later.add(rows);
    else if (typeof IntersectionObserver === 'function') {
      io ??= new IntersectionObserver(onIntersect);
      for (const r of rows) io.observe(r);
    } else {
      rows.slice(0, syncLimit).forEach(decorate);
      later.add(rows.slice(syncLimit));
    }
  };

  let records: MutationRecord[] = [];
  let frame = 0;
  const process = () => {
    frame = 0;
    const batch = records;
    records = [];
    const dirty = new Set<Element>();
    let removed = false;
    for (const r of batch) {
      const target = r.target instanceof Element ? r.target : r.target.parentElement;
      if (!target || isOwnHost(target)) continue;
      if (r.type === 'childList') {
        let foreign = false;
        for (const n of Array.from(r.removedNodes)) {
          if (n instanceof Element && isOwnHost(n)) continue;
          foreign = removed = true;
        }
        for (const n of Array.from(r.addedNodes)) {
          if (!(n instanceof Element)) {
            foreign = true;
            continue;
          }
          if (isOwnHost(n)) continue;
          foreign = true;
          for (const row of productRowsIn(n)) if (isInside(list, row)) dirty.add(row);
        }
        if (!foreign) continue;
      }
      const row = rowOf(target);
      if (row && isInside(list, row)) dirty.add(row);
    }
    if (removed) sweep();
    if (dirty.size) handle([...dirty]);
  };
  const onMutations = (list: MutationRecord[]) => {
    for (const r of list) records.push(r);
    if (!frame) frame = requestAnimationFrame(process);
  };

  const observers: MutationObserver[] = [];
  for (const root of listRoots(list)) {
    const mo = new MutationObserver(onMutations);
    mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRS });
    observers.push(mo);
  }

  signal.addEventListener(
    'abort',
    () => {
      for (const mo of observers) mo.disconnect();
      io?.disconnect();
      cancelAnimationFrame(frame);
      records = [];
    },
    { once: true },
  );

  handle(productRowsOf(list));

  return {
    flush: () => {
      for (const mo of observers) records.push(...mo.takeRecords());
      if (frame) cancelAnimationFrame(frame);
      process();
      if (io) {
        onIntersect(io.takeRecords());
      }
      later.drain();
    },
    pending: () => later.size,
  };
}
