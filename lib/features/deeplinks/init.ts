import type { FeatureInit } from '../types';
import { createControls } from './controls';
import { overview } from './overview';
import { portalLater } from '../../content/later';

/**
 * Deeplink controls: one per product row of the overview (overview.ts), one beside the product
 * page's title (product-page.ts, in the portal's later part: lib/content/later.ts), created,
 * fitted and clicked through controls.ts.
 */
export const initDeeplinks: FeatureInit = async (ctx) => {
  const controls = createControls(ctx);
  // The product page's control comes with the portal's later part, imported at once there.
  if (ctx.page === 'opc-product-page') await (await portalLater(ctx.signal, true))?.deeplinksProductPage(ctx, controls);
  else await overview(ctx, controls);
};
