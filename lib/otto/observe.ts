import { isOwnHost, openShadowRoots } from './query';

export interface ObserveOptions {
  /** Stops observing (and drops pending records). */
  signal: AbortSignal;
  /** Attribute names whose changes count (none when absent). */
  attributes?: readonly string[];
  /** Text changes count. */
  characterData?: boolean;
  /**
   * Also observe the open shadow roots inside the roots: those there now, those in added
   * subtrees, and (on a timer backing off from 100 ms to 2 s) those attached later, which no
   * mutation announces.
   */
  shadowRoots?: boolean;
  /** `false`: only the roots' own children are watched (an element's parent, to notice it leave). */
  subtree?: boolean;
}

export interface Observation {
  /** Hands over pending records now (tests, and callers that must not wait a frame). */
  flush: () => void;
}

/**
 * The one way the extension watches OTTO's pages: mutations below `roots` (and their open shadow
 * roots), batched per animation frame, handed to `onBatch` once per frame, never for changes
 * that only touch our own UI hosts. Cancelled by `signal`. Waiting for an element, keeping a
 * list's items handled and finding contact values on re-render are uses of it.
 */
export function observeTree(roots: Node | readonly Node[], onBatch: (records: MutationRecord[]) => void, opts: ObserveOptions): Observation {
  const { signal } = opts;
  let pending: MutationRecord[] = [];
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 100;
  const seen = new WeakSet<Node>();
  const observers: MutationObserver[] = [];
  const init: MutationObserverInit = { childList: true, subtree: opts.subtree ?? true };
  if (opts.attributes?.length) Object.assign(init, { attributes: true, attributeFilter: [...opts.attributes] });
  if (opts.characterData) init.characterData = true;

  const deliver = () => {
    frame = 0;
    if (signal.aborted || !pending.length) return;
    const batch = pending;
    pending = [];
    onBatch(batch);
  };
  const onRecords = (records: MutationRecord[]) => {
    for (const r of records) {
      if (r.target.nodeType === 1 && isOwnHost(r.target as Element)) continue;
      pending.push(r);
      if (opts.shadowRoots && r.type === 'childList') for (const n of Array.from(r.addedNodes)) if (n.nodeType === 1) watchShadowRootsIn(n as Element);
    }
    if (pending.length && !frame && !signal.aborted) frame = requestAnimationFrame(deliver);
  };
  const observe = (target: Node) => {
    if (seen.has(target)) return;
    seen.add(target);
    const mo = new MutationObserver(onRecords);
    mo.observe(target, init);
    observers.push(mo);
  };
  function watchShadowRootsIn(el: Element) {
    if (isOwnHost(el)) return;
    if (el.shadowRoot) {
      observe(el.shadowRoot);
      for (const sr of openShadowRoots(el.shadowRoot)) observe(sr);
    }
    for (const sr of openShadowRoots(el)) observe(sr);
  }
  const all = Array.isArray(roots) ? (roots as readonly Node[]) : [roots as Node];
  const rescan = () => {
    for (const root of all) {
      if (root.nodeType === 1) watchShadowRootsIn(root as Element);
      else for (const sr of openShadowRoots(root as Document | ShadowRoot)) observe(sr);
    }
  };
  for (const root of all) observe(root);
  if (opts.shadowRoots) {
    rescan();
    const poll = () => {
      rescan();
      delay = Math.min(delay * 2, 2000);
      timer = setTimeout(poll, delay);
    };
    timer = setTimeout(poll, delay);
  }
  signal.addEventListener(
    'abort',
    () => {
      for (const mo of observers) mo.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      pending = [];
    },
    { once: true },
  );
  return {
    flush: () => {
      for (const mo of observers) onRecords(mo.takeRecords());
      cancelAnimationFrame(frame);
      deliver();
    },
  };
}
