import { parseEmail } from '../contact/email';
import { composedParent } from '../otto/query';
import { isOttoKind } from './find';

/**
 * Compose views on any site, by meaning: the nearest container around a recipient that also holds
 * a send action ("Senden", "Send", …); the sender shown in it ("Von", "From", "Absender": a
 * select, a labelled control, or a label followed by an address). No class names, no ids.
 */

const SEND_RE = /^\s*(?:senden|absenden|jetzt senden|antwort senden|antworten und senden|send|send now|send reply|reply and send)\s*$/i;
const FROM_RE = /^\s*(?:von|from|absender(?:in)?|sender|gesendet von|send from|senden als|send as)\b\s*:?/i;
const ACTIONS = 'button, [role="button"], input[type="submit"], input[type="button"]';
/** How far up from a recipient a compose view may be. */
const MAX_LEVELS = 30;

const nameOf = (el: Element) =>
  (el.getAttribute('aria-label') || el.getAttribute('title') || (el instanceof HTMLInputElement ? el.value : '') || el.textContent || '').slice(0, 80);

function hasSendAction(el: Element): boolean {
  // Light DOM and the element's own shadow root: a per-level native query, no walk of the page.
  for (const root of el.shadowRoot ? [el, el.shadowRoot] : [el]) {
    for (const a of Array.from(root.querySelectorAll(ACTIONS))) if (SEND_RE.test(nameOf(a))) return true;
  }
  return false;
}

/** The compose view `node` is in, or `null` (a read view, a list). `cache` spares repeated climbs in one scan. */
export function composeViewOf(node: Node, cache: Map<Element, Element | null> = new Map()): Element | null {
  const climbed: Element[] = [];
  let found: Element | null = null;
  for (let el = node instanceof Element ? node : composedParent(node), n = 0; el && n < MAX_LEVELS; el = composedParent(el), n++) {
    if (cache.has(el)) {
      found = cache.get(el)!;
      break;
    }
    climbed.push(el);
    if (el === el.ownerDocument.body) break;
    if (hasSendAction(el)) {
      found = el;
      break;
    }
  }
  for (const el of climbed) cache.set(el, found);
  return found;
}

export interface Sender {
  /** The sender address shown, lower case; `null` when a sender control shows no address. */
  address: string | null;
  /** The element the sender warning goes after. */
  target: Element;
}

/** The first plain address (not one of OTTO's kinds) in `text`. */
function plainAddressIn(text: string): string | null {
  for (const m of text.matchAll(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g)) {
    const e = parseEmail(m[0]);
    if (e && !isOttoKind(e.domain)) return e.address;
  }
  return null;
}

function labelOf(el: Element): string {
  const own = el.getAttribute('aria-label') ?? '';
  if (own) return own;
  const id = el.getAttribute('id');
  const doc = el.ownerDocument;
  if (id) for (const l of Array.from(doc.querySelectorAll('label'))) if (l.htmlFor === id) return l.textContent ?? '';
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\s+/).map((i) => doc.getElementById(i)?.textContent ?? '').join(' ');
  return el.closest('label')?.textContent ?? '';
}

/**
 * The sender the compose view shows: a `select` or control labelled "Von"/"From" (its chosen
 * option or text), or a "Von:" label followed by an address. `null` when the view shows none.
 */
export function senderOf(view: Element): Sender | null {
  for (const sel of Array.from(view.querySelectorAll('select'))) {
    if (!FROM_RE.test(labelOf(sel))) continue;
    const option = sel.selectedOptions[0];
    return { address: plainAddressIn(`${option?.textContent ?? ''} ${option?.value ?? ''}`), target: sel };
  }
  for (const el of Array.from(view.querySelectorAll('[aria-label], [aria-labelledby]'))) {
    if (!FROM_RE.test(labelOf(el))) continue;
    const address = plainAddressIn(`${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`);
    return { address, target: el };
  }
  // A label text ("Von:") with the address after it in the same row.
  const walker = view.ownerDocument.createTreeWalker(view, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Text).data;
    if (text.length > 40 || !FROM_RE.test(text)) continue;
    const row = (n as Text).parentElement?.parentElement;
    if (!row || row === view) continue;
    const address = plainAddressIn(row.textContent ?? '');
    if (address) return { address, target: row };
  }
  return null;
}

export type SenderState = 'ok' | 'mismatch' | 'unknown';

/** What to say about a compose view with a relay recipient: nothing (`ok`), the wrong sender, or the plain reminder. */
export function senderState(sender: Sender | null, registered: string): SenderState {
  if (!sender?.address || !registered) return 'unknown';
  return sender.address === registered.toLowerCase() ? 'ok' : 'mismatch';
}
