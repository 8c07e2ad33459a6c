import { h } from 'preact';
import { send } from '../messaging/client';
import { observeTree } from '../otto/observe';
import { deepQuery } from '../otto/query';
import { LINKS } from '../otto/urls';
import { mountUi, type Mounted } from '../ui/mount';
import { resolveLang, translator } from '../i18n';
import { OttoGuide, OTTO_GUIDE_CSS } from '../../components/OttoGuide';
import { recogniseShop } from './recognise';

/** Quiet time after the page's last change before it is read again (otto.de renders in steps). */
const SETTLE_MS = 400;

/**
 * The otto.de companion in the page (registered at runtime, only with the merchant's consent):
 * reads what the page shows (lib/companion/recognise.ts) on load, on every settled change and on
 * every URL change, reports the facts (booleans only) to the background, and shows the guide on
 * the product page the background says was reached through the deeplink.
 */
export function startCompanion(signal: AbortSignal): void {
  let lastKey = '';
  let guide: Mounted | null = null;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const hideGuide = () => {
    guide?.remove();
    guide = null;
  };
  const showGuide = (lang: 'de' | 'en') => {
    const anchor = deepQuery(document, 'h1') ?? deepQuery(document, 'main, [role="main"]') ?? document.body;
    const placement = anchor.tagName === 'H1' ? 'before' : 'prepend';
    guide = mountUi({ tag: 'lga-otto-guide', anchor, placement, signal, css: OTTO_GUIDE_CSS });
    const close = () => {
      closed = true;
      hideGuide();
      void send({ type: 'companion/guide-dismiss' });
    };
    guide.render(h(OttoGuide, { t: translator(lang), articleUrl: LINKS.livegangArticle, onClose: close }));
  };

  const check = async () => {
    if (signal.aborted) return;
    const url = new URL(location.href);
    const facts = recogniseShop(document, url);
    const key = `${url.origin}${url.pathname}|${facts.product}|${facts.loggedIn}|${facts.confirmation}`;
    if (key === lastKey) return;
    lastKey = key;
    if (!facts.product) hideGuide();
    if (!facts.product && !facts.loggedIn && !facts.confirmation) return;
    const reply = await send({ type: 'companion/page', ...facts });
    const data = reply.ok ? reply.data : undefined;
    if (signal.aborted || !facts.product || closed) return;
    if (data?.guide && !guide?.host.isConnected) showGuide(resolveLang(data.lang ?? 'auto'));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), SETTLE_MS);
  };

  observeTree(document.documentElement, later, { signal, shadowRoots: true });
  window.addEventListener('popstate', later, { signal });
  window.addEventListener('hashchange', later, { signal });
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  void check();
}
