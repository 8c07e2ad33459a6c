/** An item's link to its product on otto.de, with the product's name. */
import { textOf } from '../query';
import { LINK_SELECTOR, linksIn, productRef } from './links';
import { scanOf } from './scan';

export interface RowLink {
  /** The page's own link element (the product name). */
  link: HTMLAnchorElement;
  /** Normalised `https://www.otto.de/…` URL; items with anything else have no entry. */
  url: string;
  /** The link's text (the product name), bounded; render it as text only. */
  name: string;
}

/** The item's link to the product on otto.de: the one with the product's name (the longest text), else the first. */
export function shopLinkOf(row: Element): RowLink | null {
  const links = [...(row.matches(LINK_SELECTOR) && productRef(row) ? [row] : []), ...linksIn(row), ...scanOf(row).roots.flatMap(linksIn)] as HTMLAnchorElement[];
  if (!links.length) return null;
  let best = links[0]!;
  let bestText = textOf(best, 200);
  for (const a of links.slice(1)) {
    const t = textOf(a, 200);
    if (t.length > bestText.length) [best, bestText] = [a, t];
  }
  return { link: best, url: productRef(best)!.url, name: bestText };
}
