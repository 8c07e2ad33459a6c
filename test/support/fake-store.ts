import type { Store, StoreView } from '../../lib/content/store';
import { defaultState } from '../../lib/onboarding/state';
import { defaultSettings } from '../../lib/settings/defaults';

/** An in-memory Store for DOM tests: `set()` plays the role of a storage change. */
export function fakeStore(initial: Partial<StoreView> = {}): Store & { set: (patch: Partial<StoreView>) => void } {
  let view: StoreView = { state: defaultState(), settings: defaultSettings(), notice: null, lang: 'de', ...initial };
  const first = view;
  const listeners = new Set<(v: StoreView) => void>();
  return {
    get: () => view,
    first: () => first,
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    ready: Promise.resolve(),
    refresh: async () => undefined,
    set: (patch) => {
      view = { ...view, ...patch };
      for (const fn of [...listeners]) fn(view);
    },
  };
}
