import { ANCHORS } from './selectors';
import { findAllAnchors, findAnchor } from './anchors';
import { closestComposed, containsComposed, textOf } from './query';
import { EMAIL_IN_TEXT, emailsOfMailto, parseEmail } from '../contact/email';
import { normaliseInvisible } from '../contact/invisible';
import { isPhoneLabel, parsePhone, phonesInText } from '../contact/phone';
import { selectorOf } from './order-page/walk';
import { textRuns, type Push } from './order-page/text-runs';
import { elementsWithTooltip, TOOLTIP_ATTR, triggerOf } from './order-page/tooltips';
import { columnHeaderOf, fieldIsPhone, labelBefore, labelledInText, NOT_SHOWN_INPUTS } from './order-page/phone-context';
export { freightEvidence } from './order-page/freight';
export { CONTACT_ACTION_TEXT, findContactActions } from './order-page/actions';

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


const closestLink = (node: Node | null): Element | null => (node ? closestComposed(node, 'a[href]') : null);

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












