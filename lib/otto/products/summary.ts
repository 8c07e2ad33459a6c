/** Counts over a whole product list (the popup's and the page tools' view of it). */
import { productRowsOf } from './list';
import { rowStatus } from './row-status';
import { rowStock, stockColumnOf } from './stock';

export interface ProductSummary {
  rows: number;
  /** Items whose stock is a number > 0; `null` when the list shows no stock at all. */
  withStock: number | null;
  online: number;
}

/** Counts over the items of a list: how many show stock > 0 and how many are online. */
export function summarizeList(list: Element): ProductSummary {
  const rows = productRowsOf(list);
  const col = stockColumnOf(list);
  let withStock: number | null = null;
  let online = 0;
  for (const row of rows) {
    const stock = rowStock(row, col);
    if (stock !== null) withStock = (withStock ?? 0) + (stock > 0 ? 1 : 0);
    if (rowStatus(row) === 'online') online++;
  }
  return { rows: rows.length, withStock, online };
}
