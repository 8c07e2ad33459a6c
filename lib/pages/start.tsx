import { render, type ComponentChild } from 'preact';
import { signal, type Signal } from '@preact/signals';
import { createStore, type StoreView } from '../content/store';
import { send } from '../messaging/client';

/**
 * Starts an extension page (popup, options): the theme's colours on the whole page, its styles,
 * a live view of the stored state, and the page's component rendered into `el`.
 */
export async function startExtensionPage(el: HTMLElement, css: string, page: (view: Signal<StoreView>) => ComponentChild) {
  // The theme's colours on the whole page (also beside and below the content), light or dark.
  document.documentElement.classList.add('lga-root');
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const store = createStore(send);
  await store.ready;
  const view = signal(store.get());
  store.subscribe((v) => (view.value = v));
  render(page(view), el);
}
