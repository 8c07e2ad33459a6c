import { browser } from 'wxt/browser';
import { KEYS } from '../storage/keys';
import { defaultState } from '../onboarding/state';
import { defaultSettings } from '../settings/defaults';
import { resolveLang, type Lang } from '../i18n/lang';
import type { Send } from '../messaging/protocol';
import type { Snapshot } from '../messaging/snapshot';

/**
 * A live, read-only view of the stored state for content scripts and extension pages. The
 * background validates and repairs what storage holds and answers `state/get`; this view asks
 * again whenever storage changes. Deliberately tiny and free of UI libraries: it is part of the
 * content scripts' entry, which has a size budget (README, "Performance").
 */
export interface StoreView extends Snapshot {
  lang: Lang;
}

export interface Store {
  get: () => StoreView;
  /** The first view read from storage in this page (what the page looked like when it opened). */
  first: () => StoreView;
  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe: (fn: (view: StoreView) => void) => () => void;
  ready: Promise<void>;
  refresh: () => Promise<void>;
}

const WATCHED: string[] = [KEYS.onboarding, KEYS.settings, KEYS.quarantine];
/** Pause before reading again after a read that got no answer. */
export const READ_RETRY_MS = 1000;

export function createStore(send: Send, abort?: AbortSignal): Store {
  const settings = defaultSettings();
  let view: StoreView = { state: defaultState(), settings, notice: null, lang: resolveLang(settings.language) };
  let first: StoreView | null = null;
  const listeners = new Set<(v: StoreView) => void>();

  // One request at a time; a change that arrives meanwhile triggers one more read afterwards, so
  // the last read always happens after the last change.
  let pending: Promise<void> | null = null;
  let again = false;
  // A read that got no answer (the worker stopped again and again) is tried again later: the
  // view must not keep showing what storage held before the last change.
  let retry: ReturnType<typeof setTimeout> | undefined;
  const read = () =>
    send({ type: 'state/get' }).then((reply) => {
      if (!reply.ok) {
        if (!abort?.aborted && retry === undefined) retry = setTimeout(() => ((retry = undefined), void refresh()), READ_RETRY_MS);
        return;
      }
      const snap = reply.data;
      view = { ...snap, lang: resolveLang(snap.settings.language) };
      first ??= view;
      for (const fn of [...listeners]) fn(view);
    });
  const refresh = (): Promise<void> => {
    if (pending) {
      again = true;
      return pending;
    }
    pending = (async () => {
      do {
        again = false;
        await read();
      } while (again);
    })().finally(() => (pending = null));
    return pending;
  };

  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && WATCHED.some((k) => k in changes)) void refresh();
  };
  browser.storage.onChanged.addListener(onChanged);
  abort?.addEventListener('abort', () => {
    // Orphaned after an extension reload, `storage` may be gone: nothing to remove then.
    browser.storage?.onChanged?.removeListener(onChanged);
    clearTimeout(retry);
    listeners.clear();
  }, { once: true });

  return {
    get: () => view,
    first: () => first ?? view,
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    ready: refresh(),
    refresh,
  };
}
