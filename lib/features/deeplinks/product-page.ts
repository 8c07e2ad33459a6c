import { WAIT_UNLIMITED, waitFor } from '../../otto/anchors';
import { readProductPage } from '../../otto/products/page';
import { untilGone } from '../../ui/presence';
import type { FeatureContext } from '../types';
import { ANCHOR_TIMEOUT } from './timeout';
import type { Controls } from './controls';

/** Product page: the control right after the title, when the page links the product on otto.de. */
export async function productPage(ctx: FeatureContext, controls: Controls) {
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
