import { readProductPage } from '../../otto/products/page';
import { rowStatus } from '../../otto/products/row-status';
import { rowStock, stockColumnOf } from '../../otto/products/stock';
import { childController } from '../../ui/presence';
import { eachProductList } from '../../otto/item-watch/list-loop';
import { watchRows, type RowWatch } from '../../otto/item-watch/watch';
import type { FeatureContext } from '../types';
import type { Report } from './evidence';

const open = (ctx: FeatureContext) => {
  const s = ctx.store.get().state.steps;
  return { stock: !s['product-with-stock'].done, online: !s.live.done };
};

/**
 * `product-with-stock` and `live` from the product overview: rows with stock > 0 and rows shown
 * online, among the rows the merchant can see (and more as they scroll; rows the app changes
 * later too) until both steps are proven. A list without any stock information never proves
 * `product-with-stock`. Evidence is a count of rows seen, never page text.
 */
export async function productListEvidence(
  ctx: FeatureContext,
  report: Report = (code, count) => void ctx.send({ type: 'evidence', code, count }),
  /** Called once the first list's rows in view have been read (and what they prove reported). */
  firstReading: () => void = () => undefined,
): Promise<void> {
  const sent = { stock: false, online: false };
  const needed = () => {
    const o = open(ctx);
    return { stock: o.stock && !sent.stock, online: o.online && !sent.online };
  };
  let n = needed();
  if (!n.stock && !n.online) return;
  // Stops for good once both steps are proven.
  const proving = childController(ctx.signal);
  await eachProductList({ signal: proving.signal }, (list, signal) => {
    // Only what is still open is read (with stock proven, neither the stock column nor the cells).
    let col: number | undefined;
    const withStock = new Set<Element>();
    const online = new Set<Element>();
    let frame = 0;
    let watch: RowWatch | undefined;
    const reportRows = () => {
      frame = 0;
      if (signal.aborted) return;
      n = needed();
      if (n.stock && withStock.size) {
        sent.stock = true;
        report('products-with-stock', withStock.size);
      }
      if (n.online && online.size) {
        sent.online = true;
        report('products-online', online.size);
      }
      n = needed();
      // The first reading is done once rows were read (the watcher reads them after a paint).
      if (watch?.handled()) firstReading();
      if (!n.stock && !n.online) proving.abort();
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(reportRows);
    };
    signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });
    watch = watchRows({
      list,
      signal,
      decorate: (row) => {
        if (n.stock) {
          const stock = rowStock(row, (col ??= stockColumnOf(list)));
          if (stock !== null && stock > 0) withStock.add(row);
          else withStock.delete(row);
        }
        if (n.online) {
          if (rowStatus(row) === 'online') online.add(row);
          else online.delete(row);
        }
        schedule();
      },
      sweep: () => {
        for (const set of [withStock, online]) for (const r of set) if (!r.isConnected) set.delete(r);
      },
    });
    schedule();
  });
}

/**
 * `live` and `product-with-stock` from the product page: its status says online, its stock is
 * above 0. `live` has its own code, so that "hide once live" can tell it from the product list's
 * (lib/onboarding/state.ts `liveHidesForGood`).
 */
export function productPageEvidence(ctx: FeatureContext): void {
  const o = open(ctx);
  if (!o.online && !o.stock) return;
  const page = readProductPage();
  if (o.online && page?.status === 'online') void ctx.send({ type: 'evidence', code: 'product-page-online', count: 1 });
  if (o.stock && page?.stock != null && page.stock > 0) void ctx.send({ type: 'evidence', code: 'products-with-stock', count: 1 });
}
