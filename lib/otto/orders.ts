import { ANCHORS, type AnchorName } from './selectors';
import { findAllAnchors, findAnchor } from './anchors';
import { closestComposed, commonAncestor, containsComposed, deepQueryAll, isOwnHost, openShadowRoots, textOf, type QueryRoot } from './query';
import { EMAIL_IN_TEXT, emailsOfMailto, parseEmail } from '../contact/email';
import { normaliseInvisible } from '../contact/invisible';
import { isPhoneLabel, parsePhone, phonesInText, PHONE_LABEL } from '../contact/phone';
import type { FreightEvidence } from '../contact/freight';

/**
 * Order pages of OPC (list and details): where buyer e-mails and phone numbers are, which order
 * they belong to, what the page says about the carrier, and where the "Kund*in kontaktieren"
 * action is. The only code that knows these pages' markup; everything it returns stays in memory.
 */

/** A contact value found on the page. `raw` is buyer data: keep it in memory, never store, log or send it. */
export interface ContactHit {
  channel: 'email' | 'phone';
  raw: string;
  /** The node the warning goes right after: the link, the text node or element holding the value, the field, or the tooltip's trigger. */
  target: Element | Text;
  /** The order the value belongs to: the row on the list, the content area on the details page. */
  scope: Element;
  /**
   * Found in a tooltip element shown on hover: `target` is its trigger, and the warning stays
   * there while the trigger does (the value leaves the page when the pointer does).
   */
  sticky?: boolean;
}

/** "Kund*in kontaktieren" and its variants; English UI: "Contact customer". */
export const CONTACT_ACTION_TEXT =
  /(?:^|\s)(?:kund(?:e|in|\*in|:in|_in|innen|\*innen|:innen|\/in)?|käufer(?:in|\*in|:in)?)\s+kontaktieren\b|\bcontact\s+(?:the\s+)?(?:customer|buyer)\b/i;

/** Labels of carrier fields ("Versanddienstleister: DACHSER", "Carrier"). */
const CARRIER_LABEL =
  /^(?:versanddienstleister|versanddienst|paketdienst(?:leister)?|zusteller|spediteur|transporteur|logistikdienstleister|dienstleister|carrier|shipping\s+(?:carrier|provider|company|service)|delivery\s+(?:carrier|service)|forwarder)\s*:?\s*/i;

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'CANVAS', 'IFRAME']);

const selectorOf = (name: AnchorName) => ANCHORS[name].selectors.join(', ');

/** The order page's content area (the anchor, falling back to the body). */
export function orderContent(doc: Document = document): Element {
  return findAnchor('orderContent', doc)?.element ?? doc.body;
}

/** Order number of a details URL (`/orders#/details/<n>/…` or `/orders/details/<n>`), lower case. */
export function orderNumberOf(url: URL | string): string | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  const m = /^#!?\/details\/([^/?#]+)/i.exec(u.hash) ?? /^\/orders\/details\/([^/?#]+)/i.exec(u.pathname);
  if (!m) return null;
  let n = m[1]!;
  try {
    n = decodeURIComponent(n);
  } catch {
    /* keep as is */
  }
  return /^[a-z0-9-]{4,40}$/i.test(n) ? n.toLowerCase() : null;
}

/** Visits every text node under `root` and its open shadow roots, skipping our UI, page chrome, code and form fields. */
function walkText(
  root: Element,
  visit: (text: Text) => void,
  opts: { skip?: string; onElement?: (el: Element) => void; onRoot?: () => void } = {},
) {
  const chrome = selectorOf('orderPageChrome');
  const inChrome = (el: Element) => {
    try {
      return el.matches(chrome) || (!!opts.skip && el.matches(opts.skip));
    } catch {
      return false;
    }
  };
  // The content area itself may sit inside chrome-looking markup only when it is the body fallback.
  const walkOne = (r: Element | ShadowRoot) => {
    const doc = root.ownerDocument;
    opts.onRoot?.();
    const walker = doc.createTreeWalker(r, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode(node) {
        if (node.nodeType === 1) {
          const el = node as Element;
          opts.onElement?.(el);
          if (isOwnHost(el) || SKIP_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden') || inChrome(el)) return 2; // REJECT subtree
          return 3; // SKIP the element, visit children
        }
        return 1;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) visit(n as Text);
  };
  walkOne(root);
  for (const sr of openShadowRoots(root)) {
    // Shadow roots of skipped subtrees (chrome, our UI) are skipped too.
    if (isOwnHost(sr.host) || closestComposed(sr.host, chrome) || (opts.skip && closestComposed(sr.host, opts.skip))) continue;
    walkOne(sr);
  }
}

/** The order a node belongs to: its list row on the order list, else the content area. */
export function scopeOf(node: Node, content: Element, page: 'list' | 'details'): Element {
  if (page === 'list') {
    for (const sel of ANCHORS.orderRowScope.selectors) {
      const row = closestComposed(node, sel);
      if (row && row !== content && !row.contains(content)) return row;
    }
  }
  return content;
}

/**
 * Every buyer e-mail and phone number in `content`, wherever the page shows it, in this order:
 * `mailto:`/`tel:` links; text (also split over inline elements such as `<span>`s or `<wbr>`);
 * read-only and disabled form fields; tooltips (tooltip attributes such as `title`,
 * `aria-label`, `data-tooltip`, and tooltip elements). Light DOM and open shadow roots. Values
 * are recognised by what they are, never by the page's classes or ids: e-mails by their shape,
 * phone numbers by their shape plus a phone label, a `tel` field or an address block around them.
 */
export function findContacts(content: Element, opts: { page: 'list' | 'details'; orderNumber?: string | null }): ContactHit[] {
  const hits: ContactHit[] = [];
  const orderNumber = opts.orderNumber ?? undefined;
  const addressSel = selectorOf('orderAddressBlocks');
  const chrome = selectorOf('orderPageChrome');
  const scope = (node: Node) => scopeOf(node, content, opts.page);
  const push: Push = (channel, raw, target, at = target, sticky = false) =>
    hits.push({ channel, raw, target, scope: scope(at), ...(sticky ? { sticky } : {}) });
  /** Is a number in `node` a phone number by its surroundings (address block, label before it, column header)? */
  const phoneContext = (node: Node, label: string) =>
    !!closestComposed(node, addressSel) || isPhoneLabel(label) || isPhoneLabel(columnHeaderOf(node)) || isPhoneLabel(labelBefore(node));

  for (const link of findAllAnchors<HTMLAnchorElement>('orderContactLinks', content)) {
    if (closestComposed(link, chrome)) continue;
    const href = link.getAttribute('href') ?? '';
    if (/^\s*mailto:/i.test(href)) {
      const emails = emailsOfMailto(href);
      if (!emails.length) {
        const fromText = parseEmail(textOf(link, 320));
        if (fromText) emails.push(fromText);
      }
      for (const e of emails) push('email', e.address, link);
    } else {
      const phone = parsePhone(href, { orderNumber }) ?? parsePhone(textOf(link, 80), { orderNumber });
      if (phone) push('phone', phone.e164, link);
    }
  }

  // Text, in runs of what the browser shows on one line: text nodes joined across inline elements.
  let previous = '';
  for (const run of textRuns(content)) {
    const text = run.text;
    const label = previous;
    previous = text.trim();
    if (!previous || text.length > 4000) continue;
    const inLink = (start: number, end: number, scheme: RegExp) => {
      const a = closestLink(run.nodeAt(start));
      return !!a && a === closestLink(run.nodeAt(end - 1)) && scheme.test(a.getAttribute('href') ?? '');
    };
    if (text.includes('@')) {
      for (const m of text.matchAll(EMAIL_IN_TEXT)) {
        const e = parseEmail(m[0]);
        const end = m.index! + m[0].length;
        if (e && !inLink(m.index!, end, /^\s*mailto:/i)) run.hit('email', e.address, m.index!, end, push);
      }
    }
    if (/\d{3}/.test(text)) {
      const taken: Array<[number, number]> = [];
      for (const p of phonesInText(text, { orderNumber })) {
        taken.push([p.index, p.end]);
        if (inLink(p.index, p.end, /^\s*(?:tel|callto):/i)) continue;
        if (labelledInText(text, p.index) || phoneContext(run.nodeAt(p.index), label)) run.hit('phone', p.e164, p.index, p.end, push);
      }
      // A number right after a label element with no space between ("<b>Tel</b>0171 …", or spans
      // the page lays out as blocks) does not parse in the joined run: each text node on its own then.
      for (const piece of run.pieces.length > 1 ? run.pieces : []) {
        if (taken.some(([a, b]) => a < piece.end && piece.start < b)) continue;
        const own = text.slice(piece.start, piece.end);
        for (const p of /\d{3}/.test(own) ? phonesInText(own, { orderNumber }) : []) {
          if (inLink(piece.start + p.index, piece.start + p.end, /^\s*(?:tel|callto):/i)) continue;
          const before = text.slice(0, piece.start).trim();
          if (labelledInText(own, p.index) || phoneContext(piece.node, isPhoneLabel(before) ? before : label)) push('phone', p.e164, piece.node);
        }
      }
    }
  }

  // Read-only and disabled fields (the page shows the value in an input); never fields one types into.
  for (const field of findAllAnchors<HTMLInputElement | HTMLTextAreaElement>('orderReadonlyFields', content)) {
    if (closestComposed(field, chrome) || NOT_SHOWN_INPUTS.test(field.getAttribute('type') ?? '')) continue;
    const value = normaliseInvisible(String(field.value ?? field.getAttribute('value') ?? '')).slice(0, 2000);
    valuesIn(value, field, fieldIsPhone(field) || phoneContext(field, ''), (channel, raw) => push(channel, raw, field));
  }

  // Tooltips: values in tooltip attributes go after the element that carries them (the trigger).
  for (const el of elementsWithTooltip(content)) {
    if (closestComposed(el, chrome)) continue;
    for (const attr of Array.from(el.attributes)) {
      if (!TOOLTIP_ATTR.test(attr.name) || attr.value.length > 2000) continue;
      const value = normaliseInvisible(attr.value);
      valuesIn(value, el, isPhoneLabel(attr.name.replace(/^data-|-/g, ' ')) || phoneContext(el, ''), (channel, raw) => push(channel, raw, el));
    }
  }
  // Tooltip elements rendered elsewhere (a layer at the end of <body>) for a trigger inside the content area.
  for (const tooltip of findAllAnchors('orderTooltips', content.ownerDocument)) {
    if (containsComposed(content, tooltip)) continue; // read with the content's text above
    const trigger = triggerOf(tooltip);
    if (!trigger || !containsComposed(content, trigger) || closestComposed(trigger, chrome)) continue;
    const text = normaliseInvisible(textOf(tooltip, 2000));
    valuesIn(text, trigger, phoneContext(trigger, ''), (channel, raw) => push(channel, raw, trigger, trigger, true));
  }
  return hits;

  function valuesIn(value: string, at: Element, phoneByContext: boolean, found: (channel: ContactHit['channel'], raw: string) => void) {
    if (value.includes('@')) for (const m of value.matchAll(EMAIL_IN_TEXT)) {
      const e = parseEmail(m[0]);
      if (e) found('email', e.address);
    }
    if (!/\d{3}/.test(value)) return;
    for (const p of phonesInText(value, { orderNumber })) {
      if (labelledInText(value, p.index) || phoneByContext || isPhoneLabel(labelBefore(at))) found('phone', p.e164);
    }
  }
}

/** The text right before a number is nothing but a phone label ("Tel.: 0171 …"). */
function labelledInText(text: string, index: number): boolean {
  const before = text.slice(0, index).trim();
  return PHONE_LABEL.test(before) && before.replace(PHONE_LABEL, '') === '';
}

/** Input types that never show buyer contact data as text. */
const NOT_SHOWN_INPUTS = /^(?:hidden|checkbox|radio|submit|reset|button|image|file|range|color)$/i;

/** Attributes that hold a tooltip's text: `title`, `aria-label`/`-description`, and `data-*tooltip*`, `data-tip`, `data-title`, `data-hint`, `data-original-title`, `data-content`, … */
const TOOLTIP_ATTR = /^(?:title|aria-label|aria-description|data-(?:[\w-]*-)?(?:tooltip|tip|title|hint|popover|balloon|content|label)(?:-[\w-]*)?)$/i;

/** A field meant for a phone number: `type="tel"`, `autocomplete="tel…"`, or a label/name that says so. */
function fieldIsPhone(field: HTMLInputElement | HTMLTextAreaElement): boolean {
  if (/^tel$/i.test(field.getAttribute('type') ?? '') || /\btel\b/i.test(field.getAttribute('autocomplete') ?? '')) return true;
  const names = [field.getAttribute('aria-label'), field.getAttribute('placeholder'), field.getAttribute('name')?.replace(/[_-]+/g, ' ')];
  for (const label of Array.from(field.labels ?? [])) names.push(textOf(label, 60));
  return names.some((n) => !!n && isPhoneLabel(n));
}

/** Elements below `root` (and in its open shadow roots) carrying at least one tooltip attribute. */
function elementsWithTooltip(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (r: Element | ShadowRoot) => {
    for (const el of Array.from(r.querySelectorAll('*'))) {
      if (isOwnHost(el) || SKIP_TAGS.has(el.tagName.toUpperCase())) continue;
      for (const attr of Array.from(el.attributes)) {
        if (TOOLTIP_ATTR.test(attr.name) && /@|\d{3}/.test(attr.value)) {
          out.push(el);
          break;
        }
      }
    }
  };
  visit(root);
  for (const sr of openShadowRoots(root)) visit(sr);
  return out;
}

const closestLink = (node: Node | null): Element | null => (node ? closestComposed(node, 'a[href]') : null);

/** The nearest text before `node` among its preceding siblings, two levels up at most ("Telefon" before the value). */
function labelBefore(node: Node): string {
  let n: Node | null = node;
  for (let level = 0; n && level < 3; level++, n = n.parentNode) {
    for (let sib = n.previousSibling; sib; sib = sib.previousSibling) {
      if (sib instanceof Element && isOwnHost(sib)) continue;
      const text = (sib.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) return text.slice(-60);
    }
  }
  return '';
}

/** Elements whose text runs on with its neighbours' on one line (the browser's inline formatting). */
const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD', 'MARK', 'NOBR', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR']);

function isInline(el: Element, styles: Map<Element, boolean>): boolean {
  let inline = styles.get(el);
  if (inline === undefined) {
    const display = el.ownerDocument.defaultView?.getComputedStyle?.(el).display;
    // Laid-out pages say it themselves; without layout the element's kind decides (custom elements are inline).
    const tag = el.tagName.toUpperCase();
    inline = display ? display === 'inline' || display === 'contents' : INLINE_TAGS.has(tag) || tag === 'LABEL' || tag.includes('-');
    styles.set(el, inline);
  }
  return inline;
}

/** Records a hit: its warning goes after `target`; `at` decides the order it belongs to; `sticky` as in ContactHit. */
type Push = (channel: ContactHit['channel'], raw: string, target: Element | Text, at?: Node, sticky?: boolean) => void;

interface TextRun {
  /** The run's text without invisible characters. */
  text: string;
  /** The text node holding character `i` of `text`. */
  nodeAt: (i: number) => Text;
  /** Each text node with the part [start, end) of `text` it holds. */
  pieces: Array<{ node: Text; start: number; end: number }>;
  /** Records a value found at [start, end) of `text`, with the node its warning goes after. */
  hit: (channel: ContactHit['channel'], raw: string, start: number, end: number, push: Push) => void;
}

/**
 * The text of `root` in runs: consecutive text nodes of one block (joined across inline
 * elements, broken by block elements, `<br>`, images and fields, and at shadow-root edges), with
 * invisible characters dropped.
 */
function textRuns(root: Element): TextRun[] {
  const runs: TextRun[] = [];
  const styles = new Map<Element, boolean>();
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  let block: Node | null = null;
  let broken = true;
  const flush = () => {
    if (nodes.length) runs.push(makeRun(text, nodes, starts, styles));
    nodes = [];
    starts = [];
    text = '';
  };
  const blockOf = (node: Node): Node | null => {
    let el = node.parentElement;
    while (el && isInline(el, styles)) el = el.parentElement;
    return el ?? node.getRootNode();
  };
  walkText(
    root,
    (node) => {
      const data = normaliseInvisible(node.data);
      const b = blockOf(node);
      if (broken || b !== block) flush();
      broken = false;
      block = b;
      nodes.push(node);
      starts.push(text.length);
      text += data;
    },
    {
      onElement: (el) => {
        if (!isInline(el, styles) || el.tagName.toUpperCase() === 'BR') broken = true;
      },
      onRoot: () => (broken = true),
    },
  );
  flush();
  return runs;
}

function makeRun(text: string, nodes: Text[], starts: number[], styles: Map<Element, boolean>): TextRun {
  const indexAt = (i: number) => {
    let k = 0;
    while (k + 1 < nodes.length && starts[k + 1]! <= i) k++;
    return k;
  };
  const nodeAt = (i: number) => nodes[indexAt(i)]!;
  return {
    text,
    nodeAt,
    pieces: nodes.map((node, k) => ({ node, start: starts[k]!, end: starts[k + 1] ?? text.length })),
    hit(channel, raw, start, end, push) {
      const first = nodeAt(start);
      const last = nodeAt(end - 1);
      const tooltip = closestComposed(first, selectorOf('orderTooltips'));
      const trigger = tooltip ? triggerOf(tooltip) : null;
      if (trigger) return push(channel, raw, trigger, trigger, true);
      if (first === last) return push(channel, raw, first);
      // Split over elements: after the element holding exactly the value, else after the piece that ends it.
      const lca = first.parentElement && last.parentElement ? commonAncestor(first.parentElement, last.parentElement) : null;
      if (!lca) return push(channel, raw, last);
      const value = text.slice(start, end).trim();
      if (isInline(lca, styles) && normaliseInvisible(lca.textContent ?? '').trim() === value) return push(channel, raw, lca);
      let piece: Node = last;
      while (piece.parentNode && piece.parentNode !== lca) piece = piece.parentNode;
      push(channel, raw, piece as Element | Text);
    },
  };
}

/**
 * The element a tooltip belongs to: the one naming it in `aria-describedby`/`-labelledby`/
 * `-details` (in the tooltip's root, else the document), else the element it sits in when that is
 * more than the page's body.
 */
function triggerOf(tooltip: Element): Element | null {
  const id = tooltip.id;
  if (id) {
    const roots = [tooltip.getRootNode() as Document | ShadowRoot, tooltip.ownerDocument];
    for (const r of roots) {
      for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-details']) {
        for (const el of deepQueryAll(r, `[${attr}]`)) {
          if (el !== tooltip && (el.getAttribute(attr) ?? '').split(/\s+/).includes(id)) return el;
        }
      }
    }
  }
  const parent = tooltip.parentElement;
  const doc = tooltip.ownerDocument;
  return parent && parent !== doc.body && parent !== doc.documentElement ? parent : null;
}

/** The header text of the table column a node sits in ("Telefon" column of the order list), or ''. */
function columnHeaderOf(node: Node): string {
  const cell = node.parentElement?.closest('td, th, [role="cell"], [role="gridcell"]');
  const row = cell?.parentElement;
  if (!cell || !row) return '';
  const index = Array.from(row.children).indexOf(cell);
  const table = row.closest('table, [role="table"], [role="grid"]');
  const headerRow = table?.querySelector('thead tr, tr:has(> th), [role="row"]:has(> [role="columnheader"])');
  if (!headerRow || headerRow === row) return '';
  return textOf(headerRow.children[index] ?? null, 60);
}

/**
 * What the page says about how an order ships: values of carrier fields and the order's text
 * outside the address blocks (delivery type, shipment info, item lines). Address text is buyer
 * data and never counts: a buyer called "Spedition Koch GmbH" does not make a parcel order freight.
 */
export function freightEvidence(scope: Element): FreightEvidence {
  const carriers: string[] = [];
  const texts: string[] = [];
  let pendingLabel = false;
  let budget = 20_000;
  walkText(
    scope,
    (node) => {
      const text = node.data.replace(/\s+/g, ' ').trim();
      if (!text || budget <= 0) return;
      budget -= text.length;
      texts.push(text.slice(0, 500));
      if (pendingLabel) {
        carriers.push(text.slice(0, 80));
        pendingLabel = false;
      }
      const m = CARRIER_LABEL.exec(text);
      if (m) {
        const rest = text.slice(m[0].length).trim();
        if (rest) carriers.push(rest.slice(0, 80));
        else pendingLabel = true;
      }
    },
    { skip: selectorOf('orderAddressBlocks') },
  );
  return { carriers, texts: [texts.join(' \n ')] };
}

/** The portal's "Kund*in kontaktieren" actions (outermost element when several nest), in `root`. */
export function findContactActions(root: QueryRoot = document): Element[] {
  const spec = ANCHORS.orderContactAction.selectors;
  const byTestId = findAllAnchorsOf(root, spec[0]!);
  const candidates = byTestId.length ? byTestId : findAllAnchorsOf(root, spec.slice(1).join(', ')).filter(isContactAction);
  const chrome = selectorOf('orderPageChrome');
  const outer = candidates.filter((el) => !candidates.some((other) => other !== el && containsComposed(other, el)));
  return outer.filter((el) => !closestComposed(el, chrome));
}

function findAllAnchorsOf(root: QueryRoot, selector: string): Element[] {
  try {
    const out: Element[] = Array.from(root.querySelectorAll(selector)).filter((el) => !isOwnHost(el));
    for (const sr of openShadowRoots(root)) out.push(...Array.from(sr.querySelectorAll(selector)));
    return out;
  } catch {
    return [];
  }
}

function isContactAction(el: Element): boolean {
  const label = el.getAttribute('aria-label') ?? '';
  const text = textOf(el, 120);
  return (text.length <= 60 && CONTACT_ACTION_TEXT.test(text)) || (label.length <= 60 && CONTACT_ACTION_TEXT.test(label));
}
