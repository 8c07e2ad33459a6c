import type { ComponentChild } from 'preact';
import type { Store, StoreView } from '../content/store';
import { translator, type Translate } from '../i18n';
import type { Mounted } from './mount';

/** Renders `view` into a mounted UI now and after every store change, until `signal` aborts. */
export function renderLive(ui: Mounted, store: Store, signal: AbortSignal, view: (v: StoreView, t: Translate) => ComponentChild): void {
  const draw = (v: StoreView) => ui.render(view(v, translator(v.lang)));
  draw(store.get());
  const off = store.subscribe(draw);
  signal.addEventListener('abort', off, { once: true });
}
