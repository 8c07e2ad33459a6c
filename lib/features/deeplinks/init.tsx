import { Deeplink, DEEPLINK_CSS, type CopyState } from '../../../components/Deeplink';
import { mountUi, type Mounted } from '../../ui/mount';
import { translator, type Lang, type Translate } from '../../i18n';
import { waitFor, waitForAnchor } from '../../otto/anchors';
import { readProductPage, rowStatus, shopLinkOf, type ProductStatus } from '../../otto/products';
import { childController, untilGone } from '../../ui/presence';
import { copyText } from '../../ui/clipboard';
import type { FeatureContext, FeatureInit } from '../types';
import { watchRows } from './rows';

interface Control {
  ctl: AbortController;
  ui: Mounted;
  link: Element;
  url: string;
  status: ProductStatus;
  name: string;
  copy: CopyState;
  timer?: ReturnType<typeof setTimeout>;
  onOpen: () => void;
  onCopy: () => void;
}

/** How long to wait for the list or title before reporting it missing (it may still come). */
const ANCHOR_TIMEOUT = 10_000;

export const initDeeplinks: FeatureInit = async (ctx) => {
  const controls = createControls(ctx);
  if (ctx.page === 'opc-product-page') await productPage(ctx, controls);
  else await overview(ctx, controls);
};

/** The controls of one page: mounting, updating, removing, and the shared click handlers. */
function createControls({ signal, store, send }: FeatureContext) {
  const live = new Set<Control>();
  let lang: Lang = store.get().lang;
  let t: Translate = translator(lang);

  const opened = () => {
    if (!store.get().state.steps['deeplink-opened'].done) void send({ type: 'evidence', code: 'deeplink-control' });
  };
  const draw = (c: Control) =>
    c.ui.render(<Deeplink url={c.url} status={c.status} name={c.name} t={t} copy={c.copy} onOpen={c.onOpen} onCopy={c.onCopy} />);

  const dispose = (c: Control) => {
    clearTimeout(c.timer);
    live.delete(c);
    c.ctl.abort();
  };

  const mount = (link: Element, url: string, status: ProductStatus, name: string, placement: 'after' = 'after', anchor: Element = link): Control => {
    const ctl = childController(signal);
    const ui = mountUi({ tag: 'lga-deeplink', anchor, placement, signal: ctl.signal, css: DEEPLINK_CSS, attrs: { 'data-status': status } });
    const c: Control = {
      ctl,
      ui,
      link,
      url,
      status,
      name,
      copy: null,
      onOpen: opened,
      onCopy: () => {
        void copyText(c.url, ui.root).then((ok) => {
          c.copy = ok ? 'copied' : 'failed';
          draw(c);
          clearTimeout(c.timer);
          c.timer = setTimeout(() => {
            c.copy = null;
            draw(c);
          }, 2500);
        });
      },
    };
    live.add(c);
    draw(c);
    return c;
  };

  /** Updates a control in place when the product behind it changed (recycled rows). */
  const update = (c: Control, url: string, status: ProductStatus, name: string) => {
    if (c.url === url && c.status === status && c.name === name) return;
    c.url = url;
    c.status = status;
    c.name = name;
    c.copy = null;
    c.ui.setAttrs({ 'data-status': status });
    draw(c);
  };

  const off = store.subscribe((v) => {
    if (v.lang === lang) return;
    lang = v.lang;
    t = translator(lang);
    for (const c of live) draw(c);
  });
  signal.addEventListener(
    'abort',
    () => {
      off();
      for (const c of [...live]) dispose(c);
    },
    { once: true },
  );

  /** Drops controls whose row the page removed. */
  const sweep = () => {
    for (const c of live) if (!c.ui.host.isConnected) dispose(c);
  };

  return { mount, update, dispose, sweep, live };
}

type Controls = ReturnType<typeof createControls>;

/** Overview: one control per product row, kept right through every kind of re-render. */
async function overview(ctx: FeatureContext, controls: Controls) {
  const { signal, noteAnchor } = ctx;
  const byRow = new WeakMap<Element, Control>();

  const decorate = (row: Element) => {
    const info = shopLinkOf(row);
    const cur = byRow.get(row);
    if (!info) {
      if (cur) {
        controls.dispose(cur);
        byRow.delete(row);
      }
      return;
    }
    const status = rowStatus(row);
    if (cur && cur.ui.host.isConnected && cur.link === info.link && cur.ui.host.parentNode === info.link.parentNode) {
      controls.update(cur, info.url, status, info.name);
      return;
    }
    if (cur) controls.dispose(cur);
    byRow.set(row, controls.mount(info.link, info.url, status, info.name));
  };

  while (!signal.aborted) {
    let hit = await waitForAnchor('productList', { signal, timeout: ANCHOR_TIMEOUT });
    if (!hit && !signal.aborted) {
      noteAnchor('productList', false);
      hit = await waitForAnchor('productList', { signal, timeout: 24 * 3600_000 });
    }
    if (!hit || signal.aborted) return;
    noteAnchor('productList', true);
    const list = hit.element;
    const listCtl = childController(signal);
    watchRows({ list, signal: listCtl.signal, decorate, sweep: controls.sweep });
    // The app may replace the whole list (new page, remount): start over on the new one.
    await untilGone(list, signal);
    listCtl.abort();
    controls.sweep();
  }
}

/** Product page: the control right after the title, when the page links the product on otto.de. */
async function productPage(ctx: FeatureContext, controls: Controls) {
  const { signal, noteAnchor } = ctx;
  while (!signal.aborted) {
    const found = () => {
      const p = readProductPage();
      return p?.url ? p : null;
    };
    let page = await waitFor(found, { signal, timeout: ANCHOR_TIMEOUT });
    if (!page && !signal.aborted) {
      noteAnchor('productShopLink', false);
      page = await waitFor(found, { signal, timeout: 24 * 3600_000 });
    }
    if (!page || signal.aborted) return;
    noteAnchor('productTitle', true);
    noteAnchor('productShopLink', true);
    const c = controls.mount(page.title, page.url!, page.status, page.name, 'after');
    const url = page.url;
    await untilGone(page.title, signal, () => c.ui.host.isConnected && readProductPage()?.url === url);
    controls.dispose(c);
  }
}
