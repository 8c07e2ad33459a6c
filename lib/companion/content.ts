import { send } from '../messaging/client';
import { observeTree } from '../otto/observe';

import { resolveLang } from '../i18n/lang';
import { recogniseShop } from './recognise';
import { guideCode } from './guide-slot';

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
  let guide: { remove: () => void; host: HTMLElement } | null = null;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const hideGuide = () => {
    guide?.remove();
    guide = null;
  };
  const showGuide = (lang: 'de' | 'en') => {
    // The background injected the guide's code with its answer (lib/companion/guide.ts).
    const show = guideCode();
    if (!show) return;
    guide = show({
      lang,
      signal,
      onClose: () => {
        closed = true;
        hideGuide();
        void send({ type: 'companion/guide-dismiss' });
      },
    });
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
