import { translator, type Lang, type Translate } from '../../i18n';
import { copyText } from '../../ui/clipboard';
import { isForged } from '../../ui/trusted';
import { controlAction, createDeeplink, type DeeplinkControl, type DeeplinkView } from '../../ui/deeplink-control';
import { deeplinkWidth, type DeeplinkFit } from '../../ui/deeplink-labels';
import { roomAfter } from '../../ui/placement';
import { paintedRead, shadowRootsAround } from '../../otto/painted-read';
import type { FeatureContext } from '../types';

/** Air (px) an overlay keeps to the end of its cell. */
const OVERLAY_GAP = 2;

/** The controls of one page: creating, updating, removing, and one delegated click handler. */
export function createControls({ signal, store, send }: FeatureContext) {
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
  const checkOverlays = () => {
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
    overlays.schedule();
  };
  // After the next painted frame, unless the page changed since (painted-read.ts: no forced layout).
  const overlays = paintedRead(checkOverlays, signal, () => shadowRootsAround([...toCheck].map((c) => c.host)));

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
      for (const c of [...live]) dispose(c);
    },
    { once: true },
  );
  return { mount, update, dispose, sweep, resetFit, refitAll };
}

export type Controls = ReturnType<typeof createControls>;
