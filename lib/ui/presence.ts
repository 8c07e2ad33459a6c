import { observeTree } from '../otto/observe';

/**
 * Helpers for UI that must stay attached to page elements the app may replace at any time.
 * Deliberately narrow observers: the element's parent (children only) plus a slow timer for
 * removals higher up the tree.
 */

/** Checks run by one shared timer (one timer task per second for all of a page's watchers). */
const ticking = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;
const TICK_MS = 1000;

function onTick(check: () => void): () => void {
  ticking.add(check);
  ticker ??= setInterval(() => {
    for (const c of [...ticking]) c();
  }, TICK_MS);
  return () => {
    ticking.delete(check);
    if (!ticking.size && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

/**
 * Resolves when `el` leaves the document (or `stillValid()` turns false), or `signal` aborts.
 * Watches only `el`'s parent for child changes, plus a check every second (for removals higher
 * up the tree) on a timer shared by all watchers.
 */
export function untilGone(el: Element, signal: AbortSignal, stillValid: () => boolean = () => true): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || !el.isConnected || !stillValid()) return resolve();
    const watching = childController(signal);
    const done = () => {
      watching.abort();
      stopTick();
      resolve();
    };
    const check = () => {
      if (!el.isConnected || !stillValid()) done();
    };
    if (el.parentNode) observeTree(el.parentNode, check, { signal: watching.signal, subtree: false });
    const stopTick = onTick(check);
    watching.signal.addEventListener('abort', done, { once: true });
  });
}

/** An AbortController that also aborts with `parent`. */
export function childController(parent: AbortSignal): AbortController {
  const ctl = new AbortController();
  if (parent.aborted) ctl.abort();
  else {
    const stop = () => ctl.abort();
    parent.addEventListener('abort', stop, { once: true });
    ctl.signal.addEventListener('abort', () => parent.removeEventListener('abort', stop), { once: true });
  }
  return ctl;
}

type IdleDeadlineLike = { timeRemaining: () => number };
const ric: (cb: (d: IdleDeadlineLike) => void) => number =
  typeof requestIdleCallback === 'function'
    ? (cb) => requestIdleCallback(cb, { timeout: 1000 })
    : (cb) => setTimeout(() => cb({ timeRemaining: () => 8 }), 16) as unknown as number;
const cic: (id: number) => void = typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout;

/**
 * Runs `work` for queued items in idle time, at most `sliceMs` per slice so the page never sees
 * a long task from us. Items are processed in insertion order; adding an item again is a no-op.
 */
export function idleQueue<T>(work: (item: T) => void, signal: AbortSignal, sliceMs = 8) {
  const queue = new Set<T>();
  let handle = 0;
  const pump = (deadline: IdleDeadlineLike) => {
    handle = 0;
    const end = performance.now() + Math.max(1, Math.min(sliceMs, deadline.timeRemaining()));
    for (const item of queue) {
      if (signal.aborted) return;
      queue.delete(item);
      work(item);
      if (performance.now() >= end) break;
    }
    if (queue.size && !signal.aborted) handle = ric(pump);
  };
  signal.addEventListener('abort', () => {
    queue.clear();
    if (handle) cic(handle);
  }, { once: true });
  return {
    add(items: Iterable<T>) {
      for (const it of items) queue.add(it);
      if (queue.size && !handle && !signal.aborted) handle = ric(pump);
    },
    delete: (item: T) => queue.delete(item),
    get size() {
      return queue.size;
    },
    /** Processes everything now (tests). */
    drain() {
      for (const item of queue) {
        queue.delete(item);
        work(item);
      }
    },
  };
}
