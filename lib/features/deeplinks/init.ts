import type { FeatureInit } from '../types';
import { createControls } from './controls';
import { overview } from './overview';
import { productPage } from './product-page';

/**
 * Deeplink controls: one per product row of the overview (overview.ts), one beside the product
 * page's title (product-page.ts), created, fitted and clicked through controls.ts.
 */
export const initDeeplinks: FeatureInit = async (ctx) => {
  const controls = createControls(ctx);
  if (ctx.page === 'opc-product-page') await productPage(ctx, controls);
  else await overview(ctx, controls);
};
