import { rowStatus } from '../../otto/products/row-status';
import { shopLinkOf } from '../../otto/products/row-link';
import { copiesOfOwnHosts } from '../../otto/query';
import type { DeeplinkControl, DeeplinkView } from '../../ui/deeplink-control';
import { overlayScrollsWith } from '../../ui/placement';
import { eachProductList } from '../../otto/item-watch/list-loop';
import { watchRows } from '../../otto/item-watch/watch';
import type { FeatureContext } from '../types';
import { ANCHOR_TIMEOUT } from './timeout';
import type { Controls } from './controls';

/** A page that keeps deleting our control from a row gets its way after this many re-adds. */
const MAX_REMOUNTS = 20;

interface RowState {
  control: DeeplinkControl;
  link: Element;
}

/** Overview: one control per product row, kept right through every kind of re-render. */
export async function overview(ctx: FeatureContext, controls: Controls) {
  const { signal, noteAnchor } = ctx;
  const byRow = new WeakMap<Element, RowState>();
  const remounts = new WeakMap<Element, number>();

  const decorate = (row: Element) => {
    // A row the page cloned from a decorated one carries an empty copy of our control along.
    for (const copy of copiesOfOwnHosts(row, 'lga-deeplink')) copy.remove();
    const info = shopLinkOf(row);
    const cur = byRow.get(row);
    if (!info) {
      if (cur) {
        controls.dispose(cur.control);
        byRow.delete(row);
      }
      return;
    }
    const view: DeeplinkView = { url: info.url, status: rowStatus(row), name: info.name };
    if (cur && cur.link === info.link && cur.control.host.isConnected && cur.control.host.parentNode === info.link.parentNode) {
      controls.update(cur.control, view);
      return;
    }
    if (cur) {
      controls.dispose(cur.control);
      const n = (remounts.get(row) ?? 0) + 1;
      remounts.set(row, n);
      if (n > MAX_REMOUNTS) return;
    }
    overlayOk ??= overlayScrollsWith(info.link);
    const control = controls.mount(info.link, view, overlayOk);
    byRow.set(row, { control, link: info.link });
  };
  /** Overlays need a containing block that scrolls with the rows (see overlayScrollsWith); per list. */
  let overlayOk: boolean | undefined;

  // The room after each product name changes with the window's width: fit every control again.
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener(
    'resize',
    () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => controls.refitAll(overlayOk ?? false), 150);
    },
    { signal, passive: true },
  );
  signal.addEventListener('abort', () => clearTimeout(resizeTimer), { once: true });

  await eachProductList({ signal, timeout: ANCHOR_TIMEOUT, note: (found) => noteAnchor('productList', found) }, (list, listSignal) => {
    overlayOk = undefined;
    controls.resetFit();
    watchRows({ list, signal: listSignal, decorate, sweep: controls.sweep });
    // The app may replace the whole list (new page, remount): its controls go with it.
    listSignal.addEventListener('abort', () => controls.sweep(), { once: true });
  });
}
