/**
 * What the site adapter recognises on one OTTO page, in two calls (each UI chunk uses its half): the product items with their
 * status and stock, and the buyer contact values with their kind. The features use the same
 * functions one by one; this summary is what the tests compare across fixtures, their
 * class-blind copies and the fixtures made from page-structure reports (the recognition matrix),
 * and what the popup's diagnostics count. Contact values are buyer data: this result stays in
 * memory (tests only read it from fixtures with invented data); diagnostics take counts only.
 */
import { pageKindOf, type PageKind } from './pages';
import { findProductList, productRowsOf } from './products/list';
import { readProductPage } from './products/page';
import { rowStatus } from './products/row-status';
import { rowStock, stockColumnOf } from './products/stock';
import { shopLinkOf } from './products/row-link';
import { type ProductStatus } from './products/status';
import { findContacts, freightEvidence, orderContent, orderNumberOf } from './orders';
import { classifyEmail, classifyPhone, type ContactChannel, type ContactKind } from '../contact/classify';
import { detectFreight } from '../contact/freight';
import { deepQueryAll } from './query';

export interface RecognisedItem {
  /** The product's normalised `https://www.otto.de/…` link. */
  url: string;
  status: ProductStatus;
  /** Stock the page shows for the item; `null` when it shows none. */
  stock: number | null;
}

export interface RecognisedContact {
  channel: ContactChannel;
  kind: ContactKind;
  /** The normalised value (buyer data: in memory only). */
  value: string;
}

export interface PageRecognition {
  page: PageKind;
  /** Product items in document order (one per distinct product link). */
  items: RecognisedItem[];
  /** One per contact value and order, in document order. */
  contacts: RecognisedContact[];
}

/** The documents of the page's same-origin frames (micro-frontends), nested ones too. */
export function frameDocuments(doc: Document): Document[] {
  const out: Document[] = [];
  for (const frame of deepQueryAll<HTMLIFrameElement>(doc, 'iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.documentElement) out.push(inner, ...frameDocuments(inner));
  }
  return out;
}

/** The product items of `doc` and of its same-origin frames. */
export function recogniseItems(doc: Document = document): RecognisedItem[] {
  const out: RecognisedItem[] = [];
  if (pageKindOf(doc.location?.href ?? '') === 'opc-product-page') {
    const page = readProductPage(doc);
    return page?.url ? [{ url: page.url, status: page.status, stock: page.stock }] : [];
  }
  for (const d of [doc, ...frameDocuments(doc)]) {
    const list = findProductList(d);
    if (!list) continue;
    const col = stockColumnOf(list);
    for (const row of productRowsOf(list)) {
      const link = shopLinkOf(row);
      if (link) out.push({ url: link.url, status: rowStatus(row), stock: rowStock(row, col) });
    }
  }
  return out;
}

export function recogniseContacts(doc: Document = document, page: PageKind = pageKindOf(doc.location.href), href: string = doc.location.href): RecognisedContact[] {
  if (page !== 'opc-order-list' && page !== 'opc-order-details') return [];
  const kind = page === 'opc-order-list' ? 'list' : 'details';
  const orderNumber = kind === 'details' ? orderNumberOf(href) : null;
  const seen = new Map<Element, Set<string>>();
  const out: RecognisedContact[] = [];
  const freightOf = new Map<Element, boolean>();
  const hits = [doc, ...frameDocuments(doc)].flatMap((d) => findContacts(orderContent(d), { page: kind, orderNumber }));
  for (const hit of hits) {
    let freight = freightOf.get(hit.scope);
    if (freight === undefined) freightOf.set(hit.scope, (freight = detectFreight(freightEvidence(hit.scope)).freight));
    const order = { freight, orderNumber };
    const cls = hit.channel === 'email' ? classifyEmail(hit.raw, order) : classifyPhone(hit.raw, order);
    if (!cls) continue;
    // One per value and order, as the warnings are.
    const keys = seen.get(hit.scope) ?? new Set<string>();
    seen.set(hit.scope, keys);
    if (keys.has(cls.key)) continue;
    keys.add(cls.key);
    out.push({ channel: cls.channel, kind: cls.kind, value: cls.key.replace(/^(?:email|phone):/, '') });
  }
  return out;
}

/** What a page's recognition amounts to, in counts only (no page or buyer data): for diagnostics and tests. */
export interface RecognitionCounts {
  /** Product items found. */
  items: number;
  /** Items by status. */
  statuses: Partial<Record<ProductStatus, number>>;
  /** Items showing stock > 0; `null` when no item shows any stock information. */
  withStock: number | null;
  /** Contact values by kind (one per value and order). */
  contacts: Partial<Record<ContactKind, number>>;
}

export function countRecognition(r: PageRecognition): RecognitionCounts {
  const statuses: RecognitionCounts['statuses'] = {};
  const contacts: RecognitionCounts['contacts'] = {};
  let withStock: number | null = null;
  for (const item of r.items) {
    statuses[item.status] = (statuses[item.status] ?? 0) + 1;
    if (item.stock !== null) withStock = (withStock ?? 0) + (item.stock > 0 ? 1 : 0);
  }
  for (const c of r.contacts) contacts[c.kind] = (contacts[c.kind] ?? 0) + 1;
  return { items: r.items.length, statuses, withStock, contacts };
}
