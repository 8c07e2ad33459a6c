import { findAllAnchors, waitFor } from '../../otto/anchors';
import { isOwnHost } from '../../otto/query';
import { isForged } from '../../ui/trusted';
import { productShopUrl } from '../../otto/products/links';
import type { FeatureContext, FeatureInit } from '../types';
import { productListEvidence, productPageEvidence } from './products';
import { evidenceBatch } from './evidence';

/**
 * Steps the portal proves by itself: `registered` (a logged-in OPC page, the sign-out link is
 * there), `deeplink-opened` (the merchant opens a product's otto.de link from OPC), and per page
 * `product-with-stock`/`live` (product list or page) and `test-order` (order list, not live yet).
 */
export const initAutosteps: FeatureInit = async (ctx) => {
  const { store, send, page } = ctx;
  const registeredOpen = !store.get().state.steps.registered.done;
  watchShopLinkClicks(ctx);
  if (page === 'opc-product-overview') {
    // The overview's evidence of this view goes out in one message (evidence.ts): "logged in"
    // waits for the list's first reading.
    const batch = evidenceBatch(ctx);
    if (registeredOpen) batch.report('portal-seen');
    await productListEvidence(ctx, batch.report, batch.release);
    batch.release();
    return;
  }
  if (registeredOpen) void send({ type: 'evidence', code: 'portal-seen' });
  if (page === 'opc-product-page') productPageEvidence(ctx);
  else if (page === 'opc-order-list') await orderListEvidence(ctx);
};

/**
 * The portal's own product links (our controls report themselves as `deeplink-control`). Only the
 * merchant's own clicks count: a page script's `link.click()` or dispatched click is not them.
 */
function watchShopLinkClicks({ signal, store, send }: FeatureContext) {
  const onClick = (e: MouseEvent) => {
    if (isForged(e)) return;
    if (e.type === 'auxclick' && e.button !== 1) return;
    const path = e.composedPath().filter((n): n is Element => n instanceof Element);
    if (path.some(isOwnHost)) return;
    const link = path.find((n) => n.tagName === 'A') as HTMLAnchorElement | undefined;
    if (!link || !productShopUrl(link.href)) return;
    // For the otto.de companion: the product page that opens next was reached from Partner Connect.
    void send({ type: 'companion/deeplink' });
    if (!store.get().state.steps['deeplink-opened'].done) void send({ type: 'evidence', code: 'deeplink-portal-link' });
  };
  document.addEventListener('click', onClick, { capture: true, signal });
  document.addEventListener('auxclick', onClick, { capture: true, signal });
}

/** `test-order`: the order list shows orders while the account is not live yet. */
async function orderListEvidence({ signal, store, send }: FeatureContext) {
  const open = () => !store.get().state.steps['test-order'].done && !store.get().state.steps.live.done;
  if (!open()) return;
  const rows = await waitFor(() => {
    const found = findAllAnchors('orderRows');
    return found.length ? found : null;
  }, { signal, timeout: 60_000 });
  if (rows && open()) void send({ type: 'evidence', code: 'orders-listed', count: rows.length });
}
