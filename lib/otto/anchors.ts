import { ANCHORS, type AnchorName } from './selectors';
import { deepQuery, deepQueryAll, type QueryRoot } from './query';
import { observeTree } from './observe';

export interface AnchorHit<E extends Element = Element> {
  element: E;
  /** Which fallback matched (0 = the preferred selector). Shown in diagnostics. */
  fallback: number;
}

/** The first element matching the anchor's selectors, trying fallbacks in order. */
export function findAnchor<E extends Element = Element>(name: AnchorName, root: QueryRoot = document): AnchorHit<E> | null {
  const spec = ANCHORS[name];
  for (let i = 0; i < spec.selectors.length; i++) {
    const el = safeQuery<E>(root, spec.selectors[i]!);
    if (el) return { element: el, fallback: i };
  }
  return null;
}

/** All elements for the first fallback that finds any. */
export function findAllAnchors<E extends Element = Element>(name: AnchorName, root: QueryRoot = document): E[] {
  const spec = ANCHORS[name];
  for (const sel of spec.selectors) {
    const all = safeQueryAll<E>(root, sel);
    if (all.length) return all;
  }
  return [];
}

/** A selector the browser rejects (e.g. `:has` in an old engine) counts as "not found". */
function safeQuery<E extends Element>(root: QueryRoot, sel: string): E | null {
  try {
    return deepQuery<E>(root, sel);
  } catch {
    return null;
  }
}
function safeQueryAll<E extends Element>(root: QueryRoot, sel: string): E[] {
  try {
    return deepQueryAll<E>(root, sel);
  } catch {
    return [];
  }
}

/** A wait without a limit: until the page navigates away or the feature stops (its signal). */
export const WAIT_UNLIMITED = 24 * 3600_000;

export interface WaitOptions {
  signal: AbortSignal;
  root?: Document;
  /** After this many ms the promise resolves `null` (the caller reports the anchor missing). */
  timeout?: number;
}

/**
 * Waits until `find()` returns something: checks once per animation frame in which the page
 * changed (the observe primitive, through open shadow roots), and on a backing-off timer for
 * content inside shadow roots attached after the fact. Resolves `null` on timeout or abort.
 */
export function waitFor<T>(find: () => T | null, { signal, root = document, timeout = 15000 }: WaitOptions): Promise<T | null> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(null);
    const first = find();
    if (first) return resolve(first);
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = 100;
    const finish = (value: T | null) => {
      if (stop.signal.aborted) return;
      stop.abort();
      clearTimeout(timer);
      clearTimeout(deadline);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const check = () => {
      const hit = find();
      if (hit) finish(hit);
    };
    const poll = () => {
      check();
      if (stop.signal.aborted) return;
      delay = Math.min(delay * 2, 2000);
      timer = setTimeout(poll, delay);
    };
    const onAbort = () => finish(null);
    signal.addEventListener('abort', onAbort);
    observeTree(root.documentElement ?? root, check, { signal: stop.signal, shadowRoots: true });
    timer = setTimeout(poll, delay);
    const deadline = setTimeout(() => finish(null), timeout);
  });
}

export function waitForAnchor<E extends Element = Element>(name: AnchorName, opts: WaitOptions): Promise<AnchorHit<E> | null> {
  return waitFor(() => findAnchor<E>(name, opts.root ?? document), opts);
}
