import { pageKindOf } from '../otto/pages';
import { WAIT_UNLIMITED, waitForAnchor } from '../otto/anchors';
import { observeTree } from '../otto/observe';
import type { AnchorName } from '../otto/selectors';
import type { Store } from '../content/store';
import type { Send } from '../messaging/protocol';
import { SWITCHABLE_FEATURES, type SwitchableFeature } from '../settings/defaults';
import type { Diagnostics, FeatureDiagnostics, FeatureId, FeatureInit, FeatureSpec as Feature } from './types';

export interface RunnerOptions {
  features: readonly Feature[];
  store: Store;
  send: Send;
  /** Loads a feature's code (from the page kind's UI chunk); `undefined` when the chunk has none. */
  loadInit: (id: FeatureId, page: Diagnostics['page']) => Promise<FeatureInit | undefined>;
  /** Aborted when the extension context is gone (lib/content/lifetime.ts), never by the page. */
  signal: AbortSignal;
  /** How long to wait for anchors before reporting them missing (they may still appear later). */
  anchorTimeout?: number;
  /** Poll for URL changes the browser does not announce (pushState without the Navigation API); set = always poll. */
  pollInterval?: number;
  log?: (message: string) => void;
}

export interface Runner {
  diagnostics: () => Diagnostics;
  /** Re-evaluate now (used by tests; the runner also does it on every URL change). */
  check: () => void;
}

/**
 * Calls `onLost` once when any of `elements` leaves the document. Observes only the direct
 * children of each element's ancestors (no subtree observation of the whole page), batched per
 * animation frame.
 */
export function watchAnchors(elements: Element[], signal: AbortSignal, onLost: () => void): void {
  const watching = new AbortController();
  signal.addEventListener('abort', () => watching.abort(), { once: true });
  const parents: Node[] = [];
  for (const el of elements) for (let node: Node | null = el.parentNode; node; node = node instanceof ShadowRoot ? node.host.parentNode : node.parentNode) parents.push(node);
  observeTree(
    parents,
    () => {
      if (signal.aborted || elements.every((e) => e.isConnected)) return;
      watching.abort();
      onLost();
    },
    { signal: watching.signal, subtree: false },
  );
}

const isSwitchable = (id: string): id is SwitchableFeature => (SWITCHABLE_FEATURES as readonly string[]).includes(id);

/** Is this script running in one of the page's frames (a micro-frontend), not in the tab's top page? */
export const inChildFrame = (): boolean => window.top !== window;

/** The tab's top document when this frame may read it (same origin), else this frame's. */
function routeDocument(): Document {
  if (!inChildFrame()) return document;
  try {
    return window.top!.document;
  } catch {
    return document;
  }
}

/**
 * The address that decides the page kind: the tab's own (the top page's, readable from a
 * same-origin frame of the portal), else this frame's. A portal frame showing the product list
 * belongs to the overview route of the page around it.
 */
export function routeHref(): string {
  if (!inChildFrame()) return location.href;
  try {
    return window.top!.location.href;
  } catch {
    return location.href;
  }
}

/**
 * Starts features on matching pages, re-evaluates on every URL change (hash changes included),
 * aborts features on navigation, on switch-off and when the extension goes away, and isolates
 * each feature's errors. Keeps diagnostics for the popup.
 */
export function startRunner(opts: RunnerOptions): Runner {
  const { features, store, send, signal } = opts;
  const anchorTimeout = opts.anchorTimeout ?? 10_000;
  const log = opts.log ?? ((m: string) => console.info(`[livegang-assistent] ${m}`));
  let href = '';
  let nav: AbortController | null = null;
  let diag: Diagnostics = { page: 'other', features: {} };
  const running = new Map<string, AbortController>();

  const setDiag = (id: Feature['id'], patch: Partial<FeatureDiagnostics>) => {
    const prev = diag.features[id] ?? { status: 'waiting', anchors: {} };
    diag.features[id] = { ...prev, ...patch, anchors: { ...prev.anchors, ...patch.anchors } };
  };

  const enabled = (f: Feature) => !isSwitchable(f.id) || store.get().settings.features[f.id];

  async function run(f: Feature, url: URL, navSignal: AbortSignal) {
    running.get(f.id)?.abort();
    if (!enabled(f)) {
      setDiag(f.id, { status: 'off' });
      return;
    }
    const own = new AbortController();
    running.set(f.id, own);
    const stop = () => own.abort();
    navSignal.addEventListener('abort', stop, { once: true });
    own.signal.addEventListener('abort', () => navSignal.removeEventListener('abort', stop), { once: true });
    const fsignal = own.signal;
    setDiag(f.id, { status: 'waiting', error: undefined });

    const anchors: Partial<Record<AnchorName, Element>> = {};
    // Page-wide anchors (the sign-out link) belong to the top page, also for a feature in a frame.
    const root = routeDocument();
    for (const name of f.anchors) {
      let hit = await waitForAnchor(name, { signal: fsignal, timeout: anchorTimeout, root });
      if (!hit && !fsignal.aborted) {
        setDiag(f.id, { status: 'missing-anchors', anchors: { [name]: 'missing' } });
        log(`${f.id}: anchor "${name}" not found yet`);
        // Keep waiting: late rendering or a later re-render may still bring it.
        hit = await waitForAnchor(name, { signal: fsignal, timeout: WAIT_UNLIMITED, root });
      }
      if (!hit || fsignal.aborted) return;
      anchors[name] = hit.element;
      setDiag(f.id, { anchors: { [name]: 'found' } });
    }
    try {
      const init = await opts.loadInit(f.id, diag.page);
      if (fsignal.aborted) return;
      if (!init) throw Object.assign(new Error('feature code missing'), { name: 'MissingFeatureCode' });
      setDiag(f.id, { status: 'running' });
      await init({
        signal: fsignal,
        page: diag.page,
        url,
        anchors,
        store,
        send,
        noteAnchor: (name, found) => setDiag(f.id, { anchors: { [name]: found ? 'found' : 'missing' } }),
      });
      // When the page re-renders and drops an anchor, start the feature again on the new one.
      if (Object.keys(anchors).length) {
        watchAnchors(Object.values(anchors), fsignal, () => {
          log(`${f.id}: anchor replaced by the page, restarting`);
          if (!navSignal.aborted) void run(f, url, navSignal);
        });
      }
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      setDiag(f.id, { status: 'failed', error: name });
      log(`${f.id} failed: ${name}`);
    }
  }

  const child = inChildFrame();
  function check() {
    if (signal.aborted) return;
    const now = routeHref();
    if (now === href) return;
    href = now;
    nav?.abort();
    nav = new AbortController();
    const url = new URL(href);
    diag = { page: pageKindOf(url), features: {} };
    for (const f of features) if (f.pages.includes(diag.page) && !(child && f.topOnly)) void run(f, url, nav.signal);
  }

  // Navigation: hash changes, history traversal, Navigation API where present (it reports
  // pushState too), else a cheap poll for pushState.
  const onNav = () => queueMicrotask(check);
  window.addEventListener('hashchange', onNav, { signal });
  window.addEventListener('popstate', onNav, { signal });
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  const hasNavigationApi = typeof navigation?.addEventListener === 'function';
  if (hasNavigationApi) {
    // `currententrychange` follows pushState/replaceState/traversal once the URL has changed.
    navigation!.addEventListener('currententrychange', onNav, { signal });
    navigation!.addEventListener('navigatesuccess', onNav, { signal });
  }
  // A frame hears nothing of the top page's in-app navigation: it polls the top page's address.
  const poll = hasNavigationApi && !opts.pollInterval && !child ? undefined : setInterval(check, opts.pollInterval ?? 1000);

  // Switching a feature on or off in the options applies to open tabs at once.
  let lastSwitches = JSON.stringify(store.get().settings.features);
  const disposeEffect = store.subscribe(({ settings }) => {
    const switches = settings.features;
    const key = JSON.stringify(switches);
    if (key === lastSwitches) return;
    lastSwitches = key;
    if (!nav) return;
    const url = new URL(href);
    for (const f of features) {
      if (!f.pages.includes(diag.page) || !isSwitchable(f.id) || (child && f.topOnly)) continue;
      const on = switches[f.id];
      const isRunning = running.get(f.id) && !running.get(f.id)!.signal.aborted;
      if (on && !isRunning) void run(f, url, nav.signal);
      if (!on && isRunning) {
        running.get(f.id)!.abort();
        setDiag(f.id, { status: 'off' });
      }
    }
  });

  signal.addEventListener(
    'abort',
    () => {
      if (poll !== undefined) clearInterval(poll);
      disposeEffect();
      nav?.abort();
    },
    { once: true },
  );

  check();
  return { diagnostics: () => structuredClone(diag), check };
}
