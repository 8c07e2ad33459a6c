import { ANCHORS, type AnchorName } from './selectors';
import { deepQuery, deepQueryAll, openShadowRoots, type QueryRoot } from './query';

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

export interface WaitOptions {
  signal: AbortSignal;
  root?: Document;
  /** After this many ms the promise resolves `null` (the caller reports the anchor missing). */
  timeout?: number;
}

/**
 * Waits until `find()` returns something: checks on DOM mutations (batched per animation
 * frame) and, for content inside shadow roots that mutations of the document do not reveal,
 * on a backing-off timer. Resolves `null` on timeout or abort.
 */
export function waitFor<T>(find: () => T | null, { signal, root = document, timeout = 15000 }: WaitOptions): Promise<T | null> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(null);
    const first = find();
    if (first) return resolve(first);
    let done = false;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = 100;
    const observers: MutationObserver[] = [];
    const finish = (value: T | null) => {
      if (done) return;
      done = true;
      for (const o of observers) o.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(deadline);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    // On mutations: only look (the deep query already searches open shadow roots).
    const check = () => {
      frame = 0;
      const hit = find();
      if (hit) finish(hit);
    };
    const schedule = () => {
      if (!frame && !done) frame = requestAnimationFrame(check);
    };
    const seen = new WeakSet<Node>();
    const observe = (target: Node) => {
      if (seen.has(target)) return;
      seen.add(target);
      const mo = new MutationObserver(schedule);
      mo.observe(target, { childList: true, subtree: true });
      observers.push(mo);
    };
    const observeShadowRoots = () => {
      for (const sr of openShadowRoots(root)) observe(sr);
    };
    // On the backing-off timer: look, and start observing shadow roots that appeared since, so
    // that the page walk for new roots is not repeated on every mutation frame.
    const poll = () => {
      check();
      if (done) return;
      observeShadowRoots();
      delay = Math.min(delay * 2, 2000);
      timer = setTimeout(poll, delay);
    };
    const onAbort = () => finish(null);
    signal.addEventListener('abort', onAbort);
    observe(root.documentElement ?? root);
    observeShadowRoots();
    timer = setTimeout(poll, delay);
    const deadline = setTimeout(() => finish(null), timeout);
  });
}

export function waitForAnchor<E extends Element = Element>(name: AnchorName, opts: WaitOptions): Promise<AnchorHit<E> | null> {
  return waitFor(() => findAnchor<E>(name, opts.root ?? document), opts);
}
