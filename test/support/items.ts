/**
 * Product items by meaning, seen from the page (for the end-to-end specs of any list shape):
 * an item is the largest element (through open shadow roots) that holds links to ONE distinct
 * https://www.otto.de/p/… product — a table row, a card, a list item, a recycled virtual row,
 * whatever the page builds. `auditItems` runs in one document (the top page or a same-origin
 * frame) and returns plain data; `itemProblems` judges the audits of all frames of a tab.
 */

export interface ItemAudit {
  /** The product link the item holds (absolute, as the browser resolves it). */
  href: string;
  /** The longest text of its product links. */
  name: string;
  /** In view: half of the item, or 40 px of a taller one, inside the window, its scroll containers and frames. */
  visible: boolean;
  /** Its text plus every `title` and `aria-label` in it (what a merchant can read or hover). */
  text: string;
  /** <lga-deeplink> hosts inside the item. */
  controls: number;
  /** `a[href]` in each control's shadow root (null where the control has none). */
  controlHrefs: Array<string | null>;
  controlStatus: Array<string | null>;
}

export interface FrameAudit {
  top: boolean;
  url: string;
  items: ItemAudit[];
  /** All <lga-deeplink> hosts in this document (open shadow roots included). */
  hosts: number;
  /** Those outside every item. */
  stray: number;
  /** All <lga-checklist> hosts in this document (open shadow roots included). */
  checklists: number;
}

/** Self-contained (serialised into the page's main world). */
export function auditItems(): FrameAudit {
  const ours = (el: Element) => el.tagName.startsWith('LGA-');
  const roots: Array<Document | ShadowRoot> = [];
  const walk = (root: Document | ShadowRoot) => {
    roots.push(root);
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot && !ours(el)) walk(el.shadowRoot);
  };
  walk(document);
  const parentOf = (el: Element): Element | null => {
    if (el.parentElement) return el.parentElement;
    const p = el.parentNode;
    return p && p instanceof ShadowRoot ? p.host : null;
  };
  const isProduct = (href: string) => /^https:\/\/www\.otto\.de\/p\//.test(href);

  // Which product links each element holds (composed tree).
  const keysUnder = new Map<Element, Set<string>>();
  const linksOf = new Map<string, HTMLAnchorElement[]>();
  for (const root of roots) {
    for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
      if (!isProduct(a.href)) continue;
      linksOf.set(a.href, [...(linksOf.get(a.href) ?? []), a]);
      for (let e: Element | null = a; e; e = parentOf(e)) {
        const set = keysUnder.get(e) ?? new Set<string>();
        set.add(a.href);
        keysUnder.set(e, set);
      }
    }
  }
  const stop = new Set<Element>([document.documentElement, document.body]);
  const itemOf = new Map<Element, string>();
  for (const [href, links] of linksOf) {
    let item: Element = links[0]!;
    for (let p = parentOf(item); p && !stop.has(p) && keysUnder.get(p)!.size === 1; p = parentOf(p)) item = p;
    itemOf.set(item, href);
  }

  const visibleHeight = (el: Element): number => {
    const r = el.getBoundingClientRect();
    let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
    let win: Window = window;
    let e = parentOf(el);
    for (;;) {
      for (; e; e = parentOf(e)) {
        if (e === win.document.documentElement || e === win.document.body) continue;
        const cs = win.getComputedStyle(e);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const c = e.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
      }
      [left, top, right, bottom] = [Math.max(left, 0), Math.max(top, 0), Math.min(right, win.innerWidth), Math.min(bottom, win.innerHeight)];
      const frame = win.frameElement;
      if (!frame || win.parent === win) break;
      const f = frame.getBoundingClientRect();
      const dx = f.left + frame.clientLeft;
      const dy = f.top + frame.clientTop;
      [left, top, right, bottom] = [left + dx, top + dy, right + dx, bottom + dy];
      win = win.parent;
      e = parentOf(frame);
    }
    return right - left > 0 ? Math.max(0, bottom - top) : 0;
  };

  const items = new Map<Element, ItemAudit>();
  for (const [el, href] of itemOf) {
    const names = linksOf.get(href)!.map((x) => (x.textContent ?? '').trim());
    const labels = [el, ...Array.from(el.querySelectorAll('[title], [aria-label]'))]
      .flatMap((x) => [x.getAttribute('title'), x.getAttribute('aria-label')])
      .filter((x): x is string => Boolean(x));
    items.set(el, {
      href,
      name: names.sort((x, y) => y.length - x.length)[0] ?? '',
      visible: visibleHeight(el) >= Math.min(40, el.getBoundingClientRect().height / 2),
      text: [(el.textContent ?? '').replace(/\s+/g, ' ').trim(), ...labels].join(' | '),
      controls: 0,
      controlHrefs: [],
      controlStatus: [],
    });
  }

  let hosts = 0;
  let stray = 0;
  let checklists = 0;
  for (const root of roots) {
    checklists += root.querySelectorAll('lga-checklist').length;
    for (const host of Array.from(root.querySelectorAll('lga-deeplink'))) {
      hosts++;
      let e: Element | null = host;
      while (e && !items.has(e)) e = parentOf(e);
      const item = e ? items.get(e) : undefined;
      if (!item) {
        stray++;
        continue;
      }
      item.controls++;
      item.controlHrefs.push(host.shadowRoot?.querySelector<HTMLAnchorElement>('a[href]')?.href ?? null);
      item.controlStatus.push(host.getAttribute('data-status'));
    }
  }
  return { top: window.top === window, url: location.href, items: Array.from(items.values()), hosts, stray, checklists };
}

/** The status a merchant reads on the item (label text, tooltip or accessible name) says "restricted". */
export const isRestricted = (item: ItemAudit) => /sichtbarkeit eingeschränkt|visibility restricted/i.test(item.text);

/** The items of all frames of a tab, in document order per frame (top first). */
export const allItems = (frames: FrameAudit[]) => frames.flatMap((f) => f.items);

/**
 * What is wrong with a tab's controls and checklist right now (empty = as the issue asks):
 * one checklist, in the top document; every restricted item in view has exactly one control
 * linking its own product; no item ever has two controls or one linking another product (a
 * recycled row's stale control); no control outside an item.
 */
export function itemProblems(frames: FrameAudit[]): string[] {
  const problems: string[] = [];
  const top = frames.filter((f) => f.top);
  if (top.length !== 1) problems.push(`${top.length} top documents audited`);
  for (const f of frames) {
    if (f.top && f.checklists !== 1) problems.push(`top document: ${f.checklists} checklists`);
    if (!f.top && f.checklists !== 0) problems.push(`frame ${f.url}: ${f.checklists} checklists`);
    if (f.stray) problems.push(`${f.url}: ${f.stray} controls outside any product item`);
  }
  for (const item of allItems(frames)) {
    const restricted = isRestricted(item);
    if (restricted && item.visible && item.controls !== 1) problems.push(`"${item.name}" (restricted, in view): ${item.controls} controls`);
    if (item.controls > 1) problems.push(`"${item.name}": ${item.controls} controls`);
    for (const href of item.controlHrefs) if (href !== item.href) problems.push(`"${item.name}": control links ${href}, the item shows ${item.href}`);
    if (restricted) for (const s of item.controlStatus) if (s !== null && s !== 'restricted') problems.push(`"${item.name}": control status ${s}`);
  }
  return problems;
}
