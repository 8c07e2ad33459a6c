import { ANCHORS, type AnchorName } from './selectors';
import { findAllAnchors, findAnchor } from './anchors';
import { isOwnHost, openShadowRoots, textOf, type QueryRoot } from './query';
import { EMAIL_IN_TEXT, emailsOfMailto, parseEmail } from '../contact/email';
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
  /** The node the warning goes right after: the link, or the text node holding the value. */
  target: Element | Text;
  /** The order the value belongs to: the row on the list, the content area on the details page. */
  scope: Element;
}

/** "Kund*in kontaktieren" and its variants; English UI: "Contact customer". */
export const CONTACT_ACTION_TEXT =
  /(?:^|\s)(?:kund(?:e|in|\*in|:in|_in|innen|\*innen|:innen|\/in)?|käufer(?:in|\*in|:in)?)\s+kontaktieren\b|\bcontact\s+(?:the\s+)?(?:customer|buyer)\b/i;

/** Labels of carrier fields ("Versanddienstleister: DACHSER", "Carrier"). */
const CARRIER_LABEL =
  /^(?:versanddienstleister|versanddienst|paketdienst(?:leister)?|zusteller|spediteur|transporteur|logistikdienstleister|dienstleister|carrier|shipping\s+(?:carrier|provider|company|service)|delivery\s+(?:carrier|service)|forwarder)\s*:?\s*/i;

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'CANVAS', 'IFRAME']);

const selectorOf = (name: AnchorName) => ANCHORS[name].selectors.join(', ');

/** `closest` across shadow boundaries (an element inside a shadow root belongs to its host's ancestors too). */
export function closestDeep(node: Node, selector: string): Element | null {
  let el: Element | null = node instanceof Element ? node : node.parentElement ?? hostOf(node);
  while (el) {
    let hit: Element | null = null;
    try {
      hit = el.closest(selector);
    } catch {
      return null;
    }
    if (hit) return hit;
    el = hostOf(el);
  }
  return null;
}

function hostOf(node: Node): Element | null {
  const root = node.getRootNode?.();
  return root && root !== node && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
}

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
function walkText(root: Element, visit: (text: Text) => void, opts: { skip?: string } = {}) {
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
    const walker = doc.createTreeWalker(r, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode(node) {
        if (node.nodeType === 1) {
          const el = node as Element;
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
    if (isOwnHost(sr.host) || closestDeep(sr.host, chrome) || (opts.skip && closestDeep(sr.host, opts.skip))) continue;
    walkOne(sr);
  }
}

/** The order a node belongs to: its list row on the order list, else the content area. */
export function scopeOf(node: Node, content: Element, page: 'list' | 'details'): Element {
  if (page === 'list') {
    for (const sel of ANCHORS.orderRowScope.selectors) {
      const row = closestDeep(node, sel);
      if (row && row !== content && !row.contains(content)) return row;
    }
  }
  return content;
}

/**
 * Every buyer e-mail and phone number in `content`, in document order (light DOM first, then
 * open shadow roots). E-mails: `mailto:` links and addresses in text. Phones: `tel:` links, and
 * numbers in text that sit in an address block or right after a phone label.
 */
export function findContacts(content: Element, opts: { page: 'list' | 'details'; orderNumber?: string | null }): ContactHit[] {
  const hits: ContactHit[] = [];
  const orderNumber = opts.orderNumber ?? undefined;
  const addressSel = selectorOf('orderAddressBlocks');
  const chrome = selectorOf('orderPageChrome');

  for (const link of findAllAnchors<HTMLAnchorElement>('orderContactLinks', content)) {
    if (closestDeep(link, chrome)) continue;
    const href = link.getAttribute('href') ?? '';
    const scope = scopeOf(link, content, opts.page);
    if (/^mailto:/i.test(href)) {
      const emails = emailsOfMailto(href);
      if (!emails.length) {
        const fromText = parseEmail(textOf(link, 320));
        if (fromText) emails.push(fromText);
      }
      for (const e of emails) hits.push({ channel: 'email', raw: e.address, target: link, scope });
    } else {
      const phone = parsePhone(href, { orderNumber }) ?? parsePhone(textOf(link, 80), { orderNumber });
      if (phone) hits.push({ channel: 'phone', raw: phone.e164, target: link, scope });
    }
  }

  let previousText = '';
  walkText(content, (node) => {
    const text = node.data;
    const trimmed = text.trim();
    if (!trimmed) return;
    const label = previousText;
    previousText = trimmed;
    if (trimmed.length > 4000) return;
    const link = node.parentElement?.closest('a[href]');
    const href = link?.getAttribute('href') ?? '';
    const inMailto = /^mailto:/i.test(href);
    const inTel = /^(?:tel|callto):/i.test(href);
    if (!inMailto && trimmed.includes('@')) {
      for (const m of trimmed.matchAll(EMAIL_IN_TEXT)) {
        const e = parseEmail(m[0]);
        if (e) hits.push({ channel: 'email', raw: e.address, target: node, scope: scopeOf(node, content, opts.page) });
      }
    }
    if (!inTel && /\d{3}/.test(trimmed)) {
      const phones = phonesInText(trimmed, { orderNumber });
      if (!phones.length) return;
      const inAddress = !!closestDeep(node, addressSel);
      const labelled = isPhoneLabel(label) || isPhoneLabel(columnHeaderOf(node));
      for (const p of phones) {
        const before = trimmed.slice(0, p.index);
        const ownLabel = PHONE_LABEL.test(before.trim()) && before.trim().replace(PHONE_LABEL, '') === '';
        if (inAddress || labelled || ownLabel) {
          hits.push({ channel: 'phone', raw: p.e164, target: node, scope: scopeOf(node, content, opts.page) });
        }
      }
    }
  });
  return hits;
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
  const outer = candidates.filter((el) => !candidates.some((other) => other !== el && containsDeep(other, el)));
  return outer.filter((el) => !closestDeep(el, chrome));
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

function containsDeep(outer: Element, inner: Element): boolean {
  let n: Element | null = inner;
  while (n) {
    if (outer.contains(n)) return true;
    n = hostOf(n);
  }
  return false;
}
