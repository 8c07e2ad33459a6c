import { translator, type Lang, type Translate } from '../../i18n';
import { WAIT_UNLIMITED, waitFor } from '../../otto/anchors';
import { readProductPage } from '../../otto/products/page';
import { rowStatus } from '../../otto/products/row-status';
import { shopLinkOf } from '../../otto/products/row-link';
import { copiesOfOwnHosts } from '../../otto/query';
import { untilGone } from '../../ui/presence';
import { copyText } from '../../ui/clipboard';
import { isForged } from '../../ui/trusted';
import { controlAction, createDeeplink, deeplinkWidth, type DeeplinkControl, type DeeplinkFit, type DeeplinkView } from '../../ui/deeplink-control';
import { overlayScrollsWith, roomAfter } from '../../ui/placement';
import type { FeatureContext, FeatureInit } from '../types';
import { eachProductList } from '../../otto/item-watch/list-loop';
import { watchRows } from '../../otto/item-watch/watch';

/** How long to wait for the list or title before reporting it missing (it may still come). */
const ANCHOR_TIMEOUT = 10_000;
/** A page that keeps deleting our control from a row gets its way after this many re-adds. */
const MAX_REMOUNTS = 20;
/** Air (px) an overlay keeps to the end of its cell. */
const OVERLAY_GAP = 2;

interface RowState {
  control: DeeplinkControl;
  link: Element;
}

export const initDeeplinks: FeatureInit = async (ctx) => {
  const controls = createControls(ctx);
  if (ctx.page === 'opc-product-page') await productPage(ctx, controls);
  else await overview(ctx, controls);
};

/** The controls of one page: creating, updating, removing, and one delegated click handler. */
function createControls({ signal, store, send }: FeatureContext) {
  const live = new Set<DeeplinkControl>();
  let lang: Lang = store.get().lang;
  let t: Translate = translator(lang);
  const timers = new WeakMap<DeeplinkControl, ReturnType<typeof setTimeout>>();

  const onClick = (e: Event) => {
    if (e.type === 'auxclick' && (e as MouseEvent).button !== 1) return;
    const hit = controlAction(e);
    if (!hit) return;
    // A page script can click() our open shadow root's link or button: that is not the merchant.
    if (isForged(e)) return e.preventDefault();
    if (hit.action === 'open') {
      // The link itself opens the tab; we only record the step (and, for the otto.de companion, the click).
      void send({ type: 'companion/deeplink' });
      if (!store.get().state.steps['deeplink-opened'].done) void send({ type: 'evidence', code: 'deeplink-control' });
      return;
    }
    if (e.type !== 'click') return;
    const c = hit.control;
    void copyText(c.url, c.host.shadowRoot!).then((ok) => {
      c.setCopy(ok ? 'copied' : 'failed', t);
      clearTimeout(timers.get(c));
      timers.set(c, setTimeout(() => c.setCopy(null, t), 2500));
    });
  };
  document.addEventListener('click', onClick, { capture: true, signal });
  document.addEventListener('auxclick', onClick, { capture: true, signal });

  const off = store.subscribe((v) => {
    if (v.lang === lang) return;
    lang = v.lang;
    t = translator(lang);
    for (const c of live) c.update(c, t);
  });

  /**
   * Floating controls are checked after the browser has rendered them (no forced layout): when an
   * overlay does not fit after all (a narrower cell, a longer name, page content after the link),
   * the list's controls switch to their short labels together (one look per list); a compact one
   * that does not fit takes room.
   */
  const toCheck = new Set<DeeplinkControl>();
  let checkFrame = 0;
  let checkTask: ReturnType<typeof setTimeout> | undefined;
  const checkOverlays = () => {
    checkTask = undefined;
    // All reads first, then the writes: one re-layout, however many controls change. A misfit
    // does not fit its cell, or does not start where its anchor's text ends (it would cover it).
    const misfits = [...toCheck].filter((c) => {
      if (c.fit === 'inline' || !c.host.isConnected) return false;
      const box = c.host.getBoundingClientRect();
      const end = anchors.get(c)?.getClientRects();
      const last = end?.length ? end[end.length - 1]! : null;
      if (last && (box.left < last.right - 1 || box.bottom < last.top || box.top > last.bottom)) return true;
      return roomAfter(c.host, box.left) < box.width + OVERLAY_GAP;
    });
    toCheck.clear();
    const tooWide = misfits.filter((c) => c.fit === 'compact');
    if (misfits.some((c) => c.fit === 'overlay')) {
      guess = 'compact';
      for (const c of live) {
        if (c.fit !== 'overlay') continue;
        c.setFit('compact');
        check(c);
      }
    }
    for (const c of tooWide) c.setFit('inline');
  };
  const check = (c: DeeplinkControl) => {
    if (c.fit === 'inline') return;
    toCheck.add(c);
    if (checkFrame || checkTask !== undefined || signal.aborted) return;
    checkFrame = requestAnimationFrame(() => {
      checkFrame = 0;
      checkTask = setTimeout(checkOverlays);
    });
  };

  /**
   * The fit for a list's controls: floating (full labels, else short ones) where the list allows
   * it and the estimated width fits after the name, else in the flow. Layout is read for the
   * first control only (before any of ours is placed: nothing to re-lay out, no forced layout);
   * the rows of a list share their columns, so the others take the same fit, and each floating
   * control is checked after rendering (`check`). Estimated for a restricted product (its bold
   * label is the widest), so every row of a list can share one look. `resetFit` starts over (a
   * new list, a new window width).
   */
  let guess: DeeplinkFit | undefined;
  const fitFor = (anchor: Element, floating: boolean): DeeplinkFit => {
    if (!floating) return 'inline';
    if (guess) return guess;
    const room = roomAfter(anchor);
    guess = room >= deeplinkWidth(t, 'restricted', 'overlay') ? 'overlay' : room >= deeplinkWidth(t, 'restricted', 'compact') ? 'compact' : 'inline';
    return guess;
  };
  const resetFit = () => (guess = undefined);
  /** Fits every control again (the window's width changed). */
  const refitAll = (floating: boolean) => {
    resetFit();
    for (const c of live) {
      const anchor = anchors.get(c);
      if (!anchor?.isConnected) continue;
      c.setFit(fitFor(anchor, floating));
      check(c);
    }
  };

  /** The page element each control was placed after. */
  const anchors = new WeakMap<DeeplinkControl, Element>();
  /** `floating`: the list allows overlays; `standalone`: the product page's single control. */
  const mount = (anchor: Element, view: DeeplinkView, floating = false, standalone = false) => {
    const c = createDeeplink(anchor.ownerDocument, view, t, fitFor(anchor, floating), standalone);
    anchors.set(c, anchor);
    anchor.after(c.host);
    live.add(c);
    check(c);
    return c;
  };
  const update = (c: DeeplinkControl, view: DeeplinkView) => {
    if (c.url !== view.url || c.status !== view.status || c.name !== view.name) c.update(view, t);
    check(c);
  };
  const dispose = (c: DeeplinkControl) => {
    clearTimeout(timers.get(c));
    live.delete(c);
    toCheck.delete(c);
    c.remove();
  };
  /** Drops controls whose row the page removed. */
  const sweep = () => {
    for (const c of live) if (!c.host.isConnected) dispose(c);
  };
  signal.addEventListener(
    'abort',
    () => {
      off();
      cancelAnimationFrame(checkFrame);
      clearTimeout(checkTask);
      for (const c of [...live]) dispose(c);
    },
    { once: true },
  );
  return { mount, update, dispose, sweep, resetFit, refitAll };
}

type Controls = ReturnType<typeof createControls>;

/** Overview: one control per product row, kept right through every kind of re-render. */
async function overview(ctx: FeatureContext, controls: Controls) {
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

/** Product page: the control right after the title, when the page links the product on otto.de. */
async function productPage(ctx: FeatureContext, controls: Controls) {
  const { signal, noteAnchor } = ctx;
  const found = () => {
    const p = readProductPage();
    return p?.url ? p : null;
  };
  while (!signal.aborted) {
    let page = await waitFor(found, { signal, timeout: ANCHOR_TIMEOUT });
    if (!page && !signal.aborted) {
      noteAnchor('productShopLink', false);
      page = await waitFor(found, { signal, timeout: WAIT_UNLIMITED });
    }
    if (!page || signal.aborted) return;
    noteAnchor('productTitle', true);
    noteAnchor('productShopLink', true);
    const url = page.url!;
    const c = controls.mount(page.title, { url, status: page.status, name: page.name }, false, true);
    await untilGone(page.title, signal, () => c.host.isConnected && readProductPage()?.url === url);
    controls.dispose(c);
  }
}
