/**
 * Reading OPC's product overview and product page: rows, each product's marketplace status,
 * its otto.de link and its stock. The selectors live in ./anchors/products.ts; the text rules
 * (German and English wording of statuses and column titles) live here. Nothing in this file
 * writes to the page.
 */
import { ANCHORS, type AnchorName } from './selectors';
import { findAllAnchors, findAnchor, waitFor, type WaitOptions } from './anchors';
import { isOwnHost, openShadowRoots, textOf, type QueryRoot } from './query';
import { safeShopUrl } from './urls';

export const PRODUCT_STATUSES = ['restricted', 'online', 'pending', 'rejected', 'unknown'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** The marketplace API's enum (`RESTRICTED`, …) as some markup may carry it in `data-status`. */
const API_STATUS: Record<string, ProductStatus> = {
  restricted: 'restricted',
  online: 'online',
  pending: 'pending',
  rejected: 'rejected',
};

/**
 * Badge wording, German and English, checked in this order ("Sichtbarkeit eingeschränkt"
 * contains "sichtbar", so restricted comes before online).
 */
const TEXT_RULES: ReadonlyArray<readonly [ProductStatus, RegExp]> = [
  ['restricted', /eingeschr[äa]e?nkt|restrikt|restrict|nicht sichtbar|not visible|limited visibility/i],
  ['rejected', /abgelehnt|zur[üu]ckgewiesen|rejected|declined|\bfehlerhaft\b|\berror\b/i],
  ['pending', /pr[üu]fung|wird gepr[üu]ft|ausstehend|in bearbeitung|pending|in review|under review|processing|wartend/i],
  ['online', /\bonline\b|\bsichtbar\b|\bvisible\b|\blive\b|\baktiv\b|\bactive\b|freigeschaltet/i],
];

/** OTTO's pattern-library badge modifiers (colour), used when the wording says nothing. */
const MODIFIER_RULES: ReadonlyArray<readonly [ProductStatus, RegExp]> = [
  ['restricted', /(?:^|\s)obc_label--warning(?:\s|$)/],
  ['online', /(?:^|\s)obc_label--success(?:\s|$)/],
  ['rejected', /(?:^|\s)obc_label--(?:error|danger|alert)(?:\s|$)/],
  ['pending', /(?:^|\s)obc_label--(?:info|pending)(?:\s|$)/],
];

/** Column titles that mean "stock". */
const STOCK_HEADER = /^\s*(?:lager)?bestand\b|\bstock\b|verf[üu]gbar(?:e menge|keit)?\s*$|\bquantity\b|^\s*menge\s*$/i;

/** Status from a badge's wording (German or English). */
export function statusFromText(text: string): ProductStatus {
  for (const [status, re] of TEXT_RULES) if (re.test(text)) return status;
  return 'unknown';
}

/** Status of a badge element: API value in `data-status`, then wording, then colour modifier. */
export function statusOf(badge: Element | null | undefined): ProductStatus {
  if (!badge) return 'unknown';
  const api = API_STATUS[(badge.getAttribute('data-status') ?? '').trim().toLowerCase()];
  if (api) return api;
  const text = `${textOf(badge, 200)} ${badge.getAttribute('title') ?? ''} ${badge.getAttribute('aria-label') ?? ''}`;
  const byText = statusFromText(text);
  if (byText !== 'unknown') return byText;
  const cls = badge.getAttribute('class') ?? '';
  for (const [status, re] of MODIFIER_RULES) if (re.test(cls)) return status;
  return 'unknown';
}

/** A number of pieces from a cell's text ("12", "1.234 Stk.", "0"); `null` when there is none. */
export function parseStock(text: string): number | null {
  const m = /-?\d[\d.,'’\u00a0\u202f ]*/.exec(text);
  if (!m) return null;
  const n = Number.parseInt(m[0].replace(/[^\d-]/g, ''), 10);
  return Number.isFinite(n) ? n : null;
}

/** The element and, when it hosts one, its open shadow root: where to look inside `el`. */
function scopes(el: Element): QueryRoot[] {
  return el.shadowRoot ? [el, el.shadowRoot] : [el];
}

const joinedSelectors = new Map<AnchorName, string>();

/**
 * The first element for anchor `name` inside a row (or a row's own shadow root), trying the
 * fallbacks in order and never returning our own UI. Rows are small: plain native queries, no
 * walk through nested shadow roots (this runs for thousands of rows).
 */
function firstIn<E extends Element>(el: Element, name: AnchorName): E | null {
  let all = joinedSelectors.get(name);
  if (!all) joinedSelectors.set(name, (all = ANCHORS[name].selectors.join(',')));
  for (const scope of scopes(el)) {
    if (!scope.querySelector(all)) continue;
    for (const sel of ANCHORS[name].selectors) {
      const hit = scope.querySelector<E>(sel);
      if (!hit) continue;
      if (!isOwnHost(hit)) return hit;
      for (const other of Array.from(scope.querySelectorAll<E>(sel))) if (!isOwnHost(other)) return other;
    }
  }
  return null;
}

/** All elements of the first fallback that finds any, inside one row scope (native query only). */
function allIn(scope: QueryRoot, name: AnchorName): Element[] {
  for (const sel of ANCHORS[name].selectors) {
    const found = Array.from(scope.querySelectorAll(sel)).filter((e) => !isOwnHost(e));
    if (found.length) return found;
  }
  return [];
}

let lastList: { el: Element; at: number } | null = null;

/**
 * The product list container on the overview, or `null`. Several features ask for it within
 * moments of each other; a miss of a preferred selector walks the whole page for shadow roots,
 * so a hit is reused for 250 ms while it is still in the page.
 */
export function findProductList(root: QueryRoot = document): Element | null {
  const now = performance.now();
  if (root === document && lastList && now - lastList.at < 250 && lastList.el.isConnected) return lastList.el;
  // Specific selectors in the light DOM first: native queries only. A miss of every one of them
  // falls back to the full lookup, which also searches the page's open shadow roots.
  const specific = ANCHORS.productList.selectors.slice(0, -3);
  let el: Element | null = null;
  for (const sel of specific) {
    const hit = root.querySelector(sel);
    if (hit && !isOwnHost(hit)) {
      el = hit;
      break;
    }
  }
  el ??= findAnchor('productList', root)?.element ?? null;
  if (root === document) lastList = el ? { el, at: now } : null;
  return el;
}

/** Waits for the product list (see `findProductList`); `null` on timeout or abort. */
export function waitForProductList(opts: WaitOptions): Promise<Element | null> {
  return waitFor(() => findProductList(), opts);
}

/**
 * Where changes to the list can happen: the container, its own shadow root, and the open shadow
 * roots deeper inside only when the rows live there (walking a big light-DOM table for shadow
 * roots it does not have costs more than everything else we do).
 */
export function listRoots(list: Element): Array<Element | ShadowRoot> {
  const out: Array<Element | ShadowRoot> = [list];
  if (list.shadowRoot) out.push(list.shadowRoot);
  if (out.some((r) => r.querySelector(LINK_SELECTOR))) return out;
  for (const sr of [...openShadowRoots(list), ...(list.shadowRoot ? openShadowRoots(list.shadowRoot) : [])]) if (!out.includes(sr)) out.push(sr);
  return out;
}

const ROW_SELECTOR = ANCHORS.productRow.selectors.join(',');
const LINK_SELECTOR = ANCHORS.productShopLink.selectors.join(',');

/** A link to a product page in the shop (`https://www.otto.de/p/…`), normalised; else `null`. */
export function productShopUrl(raw: string | null | undefined, base?: string): string | null {
  const url = safeShopUrl(raw, base);
  return url && new URL(url).pathname.startsWith('/p/') ? url : null;
}

/** The row `el` sits in, climbing out of shadow roots; `null` outside any row. */
export function rowOf(el: Element | null): Element | null {
  let node: Element | null = el;
  while (node) {
    const row = node.closest(ROW_SELECTOR);
    if (row) return row;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * Product rows below `root` (the list, a shadow root in it, or a subtree the page just added):
 * the rows that hold a link to the shop, plus `root` itself when it is such a row. Looks in
 * `root` and its own shadow root first and walks nested shadow roots only when that finds nothing.
 */
export function productRowsIn(root: QueryRoot): Element[] {
  const rows = new Set<Element>();
  const collect = (scope: QueryRoot) => {
    for (const link of Array.from(scope.querySelectorAll(LINK_SELECTOR))) {
      const row = rowOf(link);
      if (row && !isOwnHost(row)) rows.add(row);
    }
  };
  if (root instanceof Element) {
    if (isOwnHost(root)) return [];
    if (root.matches(LINK_SELECTOR)) {
      const r = rowOf(root);
      if (r) rows.add(r);
    }
  }
  collect(root);
  const own = root instanceof Element ? root.shadowRoot : null;
  if (own) collect(own);
  if (!rows.size) for (const sr of openShadowRoots(root)) if (sr !== own) collect(sr);
  if (!rows.size && own) for (const sr of openShadowRoots(own)) collect(sr);
  return [...rows];
}

/** Is `node` inside `list` (crossing shadow roots), and not `list` itself or one of its ancestors? */
export function isInside(list: Element, node: Element): boolean {
  let n: Node | null = node;
  while (n) {
    if (n === list) return node !== list;
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return false;
}

/**
 * The product links of a list whose rows live in its light DOM, as the browser's static NodeList
 * (reading one item touches only that element); `null` for lists with rows in shadow roots.
 * Lets a caller find the rows in view without walking all rows of a big list.
 */
export function productLinksOf(list: Element): NodeListOf<Element> | null {
  if (list.shadowRoot) return null;
  const links = list.querySelectorAll(LINK_SELECTOR);
  return links.length ? links : null;
}

/** All product rows of the list, in document order. */
export function productRowsOf(list: Element): Element[] {
  return productRowsIn(list).filter((row) => isInside(list, row));
}

export interface RowLink {
  /** The page's own link element (the product name). */
  link: HTMLAnchorElement;
  /** Normalised `https://www.otto.de/…` URL; rows with anything else have no entry. */
  url: string;
  /** The link's text (the product name), bounded; render it as text only. */
  name: string;
}

/** The row's link to the product on otto.de, only when it is a safe shop URL. */
export function shopLinkOf(row: Element): RowLink | null {
  const link = firstIn<HTMLAnchorElement>(row, 'productShopLink');
  if (!link) return null;
  const url = safeShopUrl(link.getAttribute('href'), link.baseURI);
  if (!url) return null;
  return { link, url, name: textOf(link, 200) };
}

/** The status of the product in `row` (its badge), `unknown` when there is no readable badge. */
export function rowStatus(row: Element): ProductStatus {
  return statusOf(firstIn(row, 'productStatus'));
}

/** Index of the stock column in the list's header, `-1` when the list shows no stock. */
export function stockColumnOf(list: Element): number {
  for (const scope of scopes(list)) {
    const headers = allIn(scope, 'productColumnHeaders');
    const idx = headers.findIndex((h) => STOCK_HEADER.test(textOf(h, 80)));
    if (idx >= 0) return idx;
  }
  return -1;
}

/** Stock shown in `row`: a named stock cell, else the cell under the stock column; `null` = not shown. */
export function rowStock(row: Element, stockColumn: number): number | null {
  const named = firstIn(row, 'productStockCell');
  if (named) return parseStock(textOf(named, 80));
  if (stockColumn < 0) return null;
  let cell: Element | undefined;
  if (row instanceof HTMLTableRowElement) cell = row.cells[stockColumn];
  else for (const scope of scopes(row)) if ((cell = allIn(scope, 'productCells')[stockColumn])) break;
  return cell ? parseStock(textOf(cell, 80)) : null;
}

export interface ProductSummary {
  rows: number;
  /** Rows whose stock is a number > 0; `null` when the list shows no stock at all. */
  withStock: number | null;
  online: number;
}

/** Counts over the rows of a list: how many show stock > 0 and how many are online. */
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

export interface ProductPage {
  title: Element;
  url: string | null;
  name: string;
  status: ProductStatus;
}

/** On the product page: the title, the product's otto.de link (a `/p/…` URL) and its status. */
export function readProductPage(root: Document = document): ProductPage | null {
  const title = findAnchor('productTitle', root)?.element;
  if (!title) return null;
  const main = root.querySelector('main') ?? root;
  let url: string | null = null;
  for (const link of findAllAnchors<HTMLAnchorElement>('productShopLink', main)) {
    url = productShopUrl(link.getAttribute('href'), link.baseURI);
    if (url) break;
  }
  return { title, url, name: textOf(title, 200), status: statusOf(findAnchor('productStatus', main)?.element) };
}
