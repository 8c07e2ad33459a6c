/** The product page: its title, the product's otto.de link, its status and stock. */
import { findAnchor } from '../anchors';
import { textOf } from '../query';
import { productLinksIn, productRef } from './links';
import { statusIn } from './row-status';
import { labelledStock } from './stock';
import type { ProductStatus } from './status';

export interface ProductPage {
  title: Element;
  url: string | null;
  name: string;
  status: ProductStatus;
  /** Stock the page shows ("Bestand: 12"); `null` when it shows none. */
  stock: number | null;
}

/** On the product page: the title, the product's otto.de link (a `/p/…` URL) and its status. */
export function readProductPage(root: Document = document): ProductPage | null {
  const title = findAnchor('productTitle', root)?.element;
  if (!title) return null;
  const main = findAnchor('pageMain', root)?.element ?? root.body ?? root.documentElement;
  const link = productLinksIn(main)[0];
  const url = link ? productRef(link)!.url : null;
  return { title, url, name: textOf(title, 200), status: link ? statusIn(main, title) : 'unknown', stock: link ? labelledStock(main, title) : null };
}
