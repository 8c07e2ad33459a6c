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
