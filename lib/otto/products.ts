/**
 * Reading OPC's product overview and product page by what things are, not by how they are built.
 *
 * A product ITEM is whatever holds one product: one distinct `https://www.otto.de/p/…` product
 * link (name and image may both link to it). From a product link we climb the composed tree as
 * long as the next container holds no link to ANOTHER product; where it does, the element below
 * is the item — a table row, an ARIA grid row, a list item, a card, a definition list, an
 * absolutely positioned virtual row alike. The LIST is the nearest container of all items.
 * Status comes from the item's label text (German and English), `title`/`aria-label` of status
 * icons, the API value in `data-status`, the pattern library's modifier classes, and as a last
 * resort the colour of a silent badge. Stock from a stock column, a named cell or a label
 * ("Bestand: 12", "Stock: 1.250", "Verfügbarkeit: 3"). Class names and ids may make some of
 * this faster; none of it depends on them. Nothing in this file writes to the page.
 */
import { ANCHORS } from './selectors';
import { findAnchor, waitFor, type WaitOptions } from './anchors';
import { closestComposed, commonAncestor, composedParent, isOwnHost, openShadowRoots, textOf, type QueryRoot } from './query';
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

/** OTTO's pattern-library badge modifiers (colour): a hint when the wording says nothing. */
const MODIFIER_RULES: ReadonlyArray<readonly [ProductStatus, RegExp]> = [
  ['restricted', /(?:^|\s)obc_label--warning(?:\s|$)/],
  ['online', /(?:^|\s)obc_label--success(?:\s|$)/],
  ['rejected', /(?:^|\s)obc_label--(?:error|danger|alert)(?:\s|$)/],
  ['pending', /(?:^|\s)obc_label--(?:info|pending)(?:\s|$)/],
];

/** Column titles that mean "stock". */
const STOCK_HEADER = /^\s*(?:lager)?bestand\b|\bstock\b|verf[üu]gbar(?:e menge|keit)?\s*$|\bquantity\b|^\s*menge\s*$/i;
/**
 * A stock label at the start of a text or after a sentence break in it ("Bestand: 12",
 * "Stock 1,250", "Verfügbarkeit: 3 Stück", "Material: Teak. Bestand: 12"); its value follows.
 */
const STOCK_LABEL = /(?:^|[.;·|•,]\s*|\s[-–]\s)(?:(?:lager)?bestand|(?:on\s+)?stock|verf[üu]gbar(?:keit|e\s+menge)?|available(?:\s+quantity)?|quantity|menge)\b/i;
/** Texts longer than this are no status label (a product description, a note). */
const MAX_LABEL = 60;

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

// ---------------------------------------------------------------------------------------------
// Product links and items

/** Links that may point to a product in the shop (absolute or protocol-relative); `productRef` decides. */
const LINK_SELECTOR = ANCHORS.productShopLink.selectors[0];

interface ProductRef {
  /** Normalised `https://www.otto.de/p/…` URL. */
  url: string;
  /** The product without its variation: origin, path and `moin`. */
  key: string;
  /** `variationId` from the URL's hash, when there is one. */
  variation: string | null;
}

const refs = new WeakMap<Element, { href: string | null; ref: ProductRef | null }>();

/** What product a link points to (`null`: no product link of the shop). Cached per link and href. */
export function productRef(link: Element): ProductRef | null {
  const href = link.getAttribute('href');
  const hit = refs.get(link);
  if (hit && hit.href === href) return hit.ref;
  let ref: ProductRef | null = null;
  const url = link.tagName === 'A' && !isOwnHost(link) ? productShopUrl(href, link.baseURI) : null;
  if (url) {
    const u = new URL(url);
    const moin = u.searchParams.get('moin');
    ref = { url, key: `${u.pathname}${moin ? `?moin=${moin.toUpperCase()}` : ''}`, variation: /variationId=([^&]+)/i.exec(u.hash)?.[1] ?? null };
  }
  refs.set(link, { href, ref });
  return ref;
}

/** Two links show the same product: same path and MOIN, and no two different variations. */
const sameProduct = (a: ProductRef, b: ProductRef) => a.key === b.key && (!a.variation || !b.variation || a.variation === b.variation);

/** A link to a product page in the shop (`https://www.otto.de/p/…`), normalised; else `null`. */
export function productShopUrl(raw: string | null | undefined, base?: string): string | null {
  const url = safeShopUrl(raw, base);
  return url && new URL(url).pathname.startsWith('/p/') ? url : null;
}

/** The product links below `scope` in its light DOM (no shadow roots), our own UI excluded. */
function linksIn(scope: QueryRoot): Element[] {
  return Array.from(scope.querySelectorAll(LINK_SELECTOR)).filter((a) => productRef(a) !== null);
}

/** Product links below `root` in the composed tree, in document order per tree (light DOM first). */
export function productLinksIn(root: QueryRoot): Element[] {
  const out = linksIn(root);
  if (root instanceof Element && root.matches(LINK_SELECTOR) && productRef(root)) out.unshift(root);
  if (root instanceof Element && root.shadowRoot && !isOwnHost(root)) out.push(...linksIn(root.shadowRoot), ...openShadowRoots(root.shadowRoot).flatMap(linksIn));
  for (const sr of openShadowRoots(root)) out.push(...linksIn(sr));
  return out;
}

/** Does `el` (with its shadow roots) hold a link to a product other than `ref`? */
function holdsOther(el: Element, ref: ProductRef): boolean {
  if (isOwnHost(el)) return false;
  const check = (links: Element[]) => links.some((a) => !sameProduct(productRef(a)!, ref));
  if (el.matches(LINK_SELECTOR) && productRef(el) && check([el])) return true;
  const light = linksIn(el);
  if (check(light)) return true;
  // Rows built as custom elements keep their links in shadow roots: look there (rows are small).
  const roots = el.shadowRoot ? [el.shadowRoot, ...openShadowRoots(el.shadowRoot)] : [];
  return check(roots.concat(openShadowRoots(el)).flatMap(linksIn));
}

/** Containers an item never grows into: the page's landmarks and the document itself. */
const BOUNDARY = new Set(['BODY', 'HTML', 'MAIN', 'FORM', 'DIALOG']);
const isBoundary = (el: Element) => BOUNDARY.has(el.tagName) || el.getAttribute('role') === 'main';
/** Elements that by their semantics stand for one entry of a list (used when a list shows one product). */
const ENTRY = 'tr, li, article, dl, [role="row"], [role="listitem"], [role="article"]';

/** The other children of `parent` next to `from` (its shadow root's too), nearest first. */
function* siblingsOf(parent: Element, from: Element): Generator<Element> {
  const scopes: Array<Element | ShadowRoot> = [parent];
  if (parent.shadowRoot && !isOwnHost(parent)) scopes.push(parent.shadowRoot);
  for (const scope of scopes) {
    if (from.parentNode === scope) {
      let before = from.previousElementSibling;
      let after = from.nextElementSibling;
      while (before || after) {
        if (after) {
          yield after;
          after = after.nextElementSibling;
        }
        if (before) {
          yield before;
          before = before.previousElementSibling;
        }
      }
    } else {
      for (let c = scope.firstElementChild; c; c = c.nextElementSibling) yield c;
    }
  }
}

const items = new WeakMap<Element, Element>();
/** Every element recognised as an item so far (for `rowOf`: which item a changed node belongs to). */
const knownItems = new WeakSet<Element>();

/**
 * The item a product link stands for: the largest element around it that holds no other product.
 * Cached per link while the item still holds it.
 */
export function itemOf(link: Element): Element | null {
  const ref = productRef(link);
  if (!ref) return null;
  const cached = items.get(link);
  if (cached && cached.isConnected && cached.contains(link)) return cached;
  let node: Element = link;
  let entry: Element | null = null;
  let bounded = true;
  for (let depth = 0; depth < 40; depth++) {
    if (node !== link && node.matches(ENTRY)) entry = node;
    const parent = composedParent(node);
    if (!parent || isBoundary(parent) || isOwnHost(parent)) {
      bounded = false;
      break;
    }
    let other = false;
    for (const sib of siblingsOf(parent, node)) if ((other = holdsOther(sib, ref))) break;
    if (other) break;
    node = parent;
  }
  // A list of one product: nothing bounded the climb; its entry element (a row) is the item.
  const item = !bounded && entry ? entry : node;
  if (item === link && !bounded) return null;
  items.set(link, item);
  knownItems.add(item);
  return item;
}

/** The item `el` sits in (an item seen before), climbing out of shadow roots; `null` outside any. */
export function rowOf(el: Element | null): Element | null {
  for (let n: Element | null = el; n; n = composedParent(n)) {
    if (knownItems.has(n)) return n;
    if (n.matches(LINK_SELECTOR) && productRef(n)) return itemOf(n);
  }
  return null;
}

/** Product items below `root` (a list, a shadow root, a subtree the page just added), and `root` when it is one. */
export function productRowsIn(root: QueryRoot): Element[] {
  if (root instanceof Element && isOwnHost(root)) return [];
  const rows = new Set<Element>();
  for (const link of productLinksIn(root)) {
    const item = itemOf(link);
    if (item && !isOwnHost(item)) rows.add(item);
  }
  if (root instanceof Element && !rows.size) {
    const around = rowOf(root);
    if (around) rows.add(around);
  }
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

let lastList: { el: Element; at: number } | null = null;

/**
 * The product list in `root`: the nearest container of its product items (of the first and the
 * last product link; one item: the item's container), or `null` while the page shows no product
 * link. Several features ask within moments of each other: a hit is reused for 250 ms while it
 * is still in the page.
 */
export function findProductList(root: QueryRoot = document): Element | null {
  const now = performance.now();
  if (root === document && lastList && now - lastList.at < 250 && lastList.el.isConnected) return lastList.el;
  let links = linksIn(root);
  if (!links.length) links = openShadowRoots(root).flatMap(linksIn);
  let el: Element | null = null;
  const first = links.length ? itemOf(links[0]!) : null;
  if (first) {
    const last = itemOf(links[links.length - 1]!) ?? first;
    el = last === first ? composedParent(first) : commonAncestor(first, last);
  }
  if (root === document) lastList = el ? { el, at: now } : null;
  return el;
}

/** Waits for the product list (see `findProductList`); `null` on timeout or abort. */
export function waitForProductList(opts: WaitOptions): Promise<Element | null> {
  return waitFor(() => findProductList(), opts);
}

/**
 * Where changes to the list can happen: the container, its own shadow root, and the open shadow
 * roots deeper inside only when the items live there (walking a big light-DOM table for shadow
 * roots it does not have costs more than everything else we do).
 */
export function listRoots(list: Element): Array<Element | ShadowRoot> {
  const out: Array<Element | ShadowRoot> = [list];
  if (list.shadowRoot) out.push(list.shadowRoot);
  if (out.some((r) => r.querySelector(LINK_SELECTOR))) return out;
  for (const sr of [...openShadowRoots(list), ...(list.shadowRoot ? openShadowRoots(list.shadowRoot) : [])]) if (!out.includes(sr)) out.push(sr);
  return out;
}

/**
 * The product links of a list whose items live in its light DOM, as the browser's static NodeList
 * (reading one entry touches only that element); `null` for lists with items in shadow roots.
 * Lets a caller find the items in view without walking all items of a big list.
 */
export function productLinksOf(list: Element): NodeListOf<Element> | null {
  if (list.shadowRoot) return null;
  const links = list.querySelectorAll(LINK_SELECTOR);
  return links.length ? links : null;
}

/** All product items of the list, in document order. */
export function productRowsOf(list: Element): Element[] {
  return productRowsIn(list).filter((row) => isInside(list, row));
}

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

// ---------------------------------------------------------------------------------------------
// What an item says: status and stock

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'A']);

/** What one walk over an item finds: everything status and stock are read from. */
interface ItemScan {
  /** Short texts in document order (light DOM, then shadow roots); product links (a name may contain any word), our UI and code left out. */
  texts: string[];
  /** The item's open shadow roots (nested ones too). */
  roots: ShadowRoot[];
  /** Elements carrying `data-status`. */
  api: Element[];
  /** Elements (not links) carrying `title` or `aria-label`. */
  labelled: Element[];
  /** Elements with a BEM-like modifier class (`…--…`). */
  modified: Element[];
}

/**
 * Scans made during the current task, per item: the features reading one item in one go (the
 * deeplink control's status, the automatic steps' status and stock) share one walk. Dropped at
 * the next microtask, so a later change to the page is always read afresh.
 */
let scans: Map<Element, ItemScan> | null = null;

/** One walk over `row` and its open shadow roots (each element our world touches costs; walk once). */
function scanOf(row: Element, exclude?: Element): ItemScan {
  const hit = exclude ? undefined : scans?.get(row);
  if (hit) return hit;
  const scan: ItemScan = { texts: [], roots: [], api: [], labelled: [], modified: [] };
  const queue: Array<Element | ShadowRoot> = [row];
  if (row.shadowRoot && !isOwnHost(row)) queue.push(row.shadowRoot);
  const accept = (n: Node) => {
    if (n.nodeType !== 1) return 1;
    const el = n as Element;
    if (el === exclude || isOwnHost(el) || SKIP.has(el.tagName)) {
      if (el.tagName === 'A' && !isOwnHost(el)) {
        if (el.hasAttribute('data-status')) scan.api.push(el);
        if (el.shadowRoot) queue.push(el.shadowRoot);
      }
      return 2;
    }
    if (el.hasAttribute('data-status')) scan.api.push(el);
    if (el.hasAttribute('title') || el.hasAttribute('aria-label')) scan.labelled.push(el);
    if ((el.getAttribute('class') ?? '').includes('--')) scan.modified.push(el);
    if (el.shadowRoot) queue.push(el.shadowRoot);
    return 3;
  };
  for (let i = 0; i < queue.length; i++) {
    const scope = queue[i]!;
    if (i > 0) scan.roots.push(scope as ShadowRoot);
    const walker = row.ownerDocument.createTreeWalker(scope, 0x1 | 0x4, { acceptNode: accept });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (scan.texts.length >= 80) continue;
      const text = (n as Text).data.replace(/\s+/g, ' ').trim();
      if (text) scan.texts.push(text);
    }
  }
  if (!exclude) {
    if (!scans) {
      scans = new Map();
      queueMicrotask(() => (scans = null));
    }
    scans.set(row, scan);
  }
  return scan;
}

/** Elements of the item and its shadow roots matching `selector` (our UI excluded). */
function inItem(row: Element, selector: string): Element[] {
  const out: Element[] = [];
  for (const scope of [row, ...scanOf(row).roots]) for (const el of Array.from(scope.querySelectorAll(selector))) if (!isOwnHost(el)) out.push(el);
  return out;
}

/**
 * The status of the product in an item: the API value in `data-status`; a short label text;
 * the `title`/`aria-label` of a status icon; a modifier class; the colour of a silent badge.
 * `unknown` when the item says nothing.
 */
export function rowStatus(row: Element): ProductStatus {
  return statusIn(row);
}

/** `rowStatus` of a region, leaving out `exclude` (the product page's title: a name may contain any word). */
function statusIn(row: Element, exclude?: Element): ProductStatus {
  const scan = scanOf(row, exclude);
  for (const el of [row, ...scan.api]) {
    const api = API_STATUS[(el.getAttribute('data-status') ?? '').trim().toLowerCase()];
    if (api) return api;
  }
  for (const text of scan.texts) {
    if (text.length > MAX_LABEL) continue;
    const s = statusFromText(text);
    if (s !== 'unknown') return s;
  }
  for (const el of scan.labelled) {
    const s = statusFromText(`${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.slice(0, 200));
    if (s !== 'unknown') return s;
  }
  for (const el of scan.modified) {
    const cls = el.getAttribute('class') ?? '';
    for (const [status, re] of MODIFIER_RULES) if (re.test(cls)) return status;
  }
  return statusFromColour(row);
}

/**
 * A badge that says nothing in words (an icon or an empty pill) still has its colour: amber for
 * restricted ("Sichtbarkeit eingeschränkt" is OTTO's orange warning label), green for online,
 * red for rejected. Read only for elements without text, and only when nothing else spoke.
 */
function statusFromColour(row: Element): ProductStatus {
  const view = row.ownerDocument.defaultView;
  if (!view) return 'unknown';
  for (const el of inItem(row, 'span, div, i, b, em, strong, mark, [role="img"], [role="status"]')) {
    if (el.textContent?.trim() || el.closest('a')) continue;
    const s = hueStatus(view.getComputedStyle(el).backgroundColor);
    if (s !== 'unknown') return s;
  }
  return 'unknown';
}

/** Status from a CSS colour `rgb(a)(r, g, b[, a])`: saturated amber, green or red. */
export function hueStatus(colour: string): ProductStatus {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?/.exec(colour);
  if (!m) return 'unknown';
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  if (alpha < 0.3) return 'unknown';
  const [r, g, b] = [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.25) return 'unknown';
  const d = max - min;
  let hue = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue >= 20 && hue <= 55) return 'restricted';
  if (hue >= 80 && hue <= 170) return 'online';
  if (hue < 12 || hue > 345) return 'rejected';
  return 'unknown';
}

/** Where the list's column headers are: the table or grid around the list, else the list. */
function headerScope(list: Element): Element {
  return closestComposed(list, 'table, [role="table"], [role="grid"], [role="treegrid"]') ?? list;
}

/** Index of the stock column in the list's header, `-1` when the list has no such column. */
export function stockColumnOf(list: Element): number {
  const scope = headerScope(list);
  for (const root of [scope, ...(scope.shadowRoot ? [scope.shadowRoot] : [])]) {
    for (const sel of ANCHORS.productColumnHeaders.selectors) {
      const headers = Array.from(root.querySelectorAll(sel)).filter((h) => !isOwnHost(h));
      if (!headers.length) continue;
      const idx = headers.findIndex((h) => STOCK_HEADER.test(textOf(h, 80)));
      if (idx >= 0) return idx;
      break;
    }
  }
  return -1;
}

/** The cells of an item that is a table or grid row, in column order. */
function cellsOf(row: Element): Element[] {
  if (row instanceof HTMLTableRowElement) return Array.from(row.cells);
  for (const scope of [row, ...(row.shadowRoot ? [row.shadowRoot] : [])]) {
    for (const sel of ANCHORS.productCells.selectors) {
      const cells = Array.from(scope.querySelectorAll(sel)).filter((c) => !isOwnHost(c));
      if (cells.length) return cells;
    }
  }
  return [];
}

/**
 * Stock shown in an item: a cell the markup names, the cell under the stock column, or a stock
 * label with its number ("Bestand: 12", a "Bestand" term followed by "12"); `null` = not shown.
 */
export function rowStock(row: Element, stockColumn: number): number | null {
  const named = inItem(row, ANCHORS.productStockCell.selectors.join(','))[0];
  if (named) return parseStock(textOf(named, 80));
  if (stockColumn >= 0) {
    const cell = cellsOf(row)[stockColumn];
    if (cell) return parseStock(textOf(cell, 80));
  }
  return labelledStock(row);
}

/** Stock from a label in `region`'s texts: "Bestand: 12" in one text, or a "Bestand" term followed by "12". */
function labelledStock(region: Element, exclude?: Element): number | null {
  let labelled = false;
  for (const text of scanOf(region, exclude).texts) {
    const m = STOCK_LABEL.exec(text);
    if (m) {
      const rest = text.slice(m.index + m[0].length).replace(/^[\s:：=-]+/, '');
      if (rest) return /^\d/.test(rest) ? parseStock(rest) : null;
      labelled = true;
      continue;
    }
    if (labelled) return /^\d/.test(text) ? parseStock(text) : null;
  }
  return null;
}

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
