/**
 * What a page-structure report must never contain: the page's texts and attribute values, and
 * the pieces inside them (words, e-mails, phone numbers, order numbers, SKUs, MOINs, URL path
 * segments and query values). Collected from a rendered document, its open shadow roots and its
 * same-origin frames. `collectNeedles` runs in the page (serialisable: no imports inside) and
 * returns whole texts and attribute values; `leaksIn` cuts them into pieces and looks.
 */
import { attrMode, ROUTE_WORDS } from '../../lib/diagnostics/shape';

export interface Needles {
  /** Texts and their pieces to look for (length ≥ 4). */
  values: string[];
  /** Attribute values as [attribute name, value]: judged by what the attribute holds (`leaksIn`). */
  attrs: Array<[string, string]>;
  /** The page's tag, attribute, class and id names: markup vocabulary the report keeps by design. */
  names: string[];
}

export function collectNeedles(root: Document = document): Needles {
  const values = new Set<string>();
  const names = new Set<string>();
  const attrs: Array<[string, string]> = [];
  const add = (raw: string | null | undefined) => {
    const text = (raw ?? '').replace(/\s+/g, ' ').trim();
    if (text) values.add(text);
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const parent = (node as Text).parentElement?.localName;
      // Code is not page text: script bodies are never reported, style sheets are kept reduced to CSS.
      if (parent !== 'script' && parent !== 'style') add((node as Text).data);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    if (node.nodeType === 1) {
      const el = node as Element;
      // Our own UI hosts are walked too: the report never enters them, so their texts must not appear either.
      names.add(el.localName);
      for (const a of Array.from(el.attributes)) {
        names.add(a.name);
        if (a.name !== 'style') attrs.push([a.name, a.value]);
      }
      if ((el.localName === 'input' || el.localName === 'textarea') && (el as HTMLInputElement).value) add((el as HTMLInputElement).value);
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el.localName === 'iframe') {
        try {
          const doc = (el as HTMLIFrameElement).contentDocument;
          if (doc?.documentElement) walk(doc.documentElement);
        } catch {
          /* cross-origin */
        }
      }
    }
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root.documentElement);
  return { values: [...values], attrs, names: [...names] };
}

/**
 * Words the report itself is made of: its JSON keys, token names, OTTO's route words and
 * hosts, enum values. A page text equal to one of them (a column titled "Status", a badge
 * "Online") is vocabulary the report names by its token, not the page's wording leaking.
 */
export const REPORT_WORDS = [
  'format', 'livegang-page-structure', 'version', 'pageKind', 'date', 'browser', 'limits', 'maxNodes', 'maxDepth', 'cut', 'nodes', 'depth',
  'counts', 'elements', 'texts', 'shadowRoots', 'frames', 'crossOriginFrames', 'ownHosts', 'links', 'emails', 'phones', 'doctype',
  'html', 'tag', 'attrs', 'children', 'shadow', 'frame', 'access', 'same-origin', 'cross-origin', 'own', 'value', 'depthCut', 'true', 'false',
  'status', 'restricted', 'rejected', 'pending', 'online', 'label', 'stock', 'phone', 'email', 'relay', 'placeholder', 'other',
  'invoice-address', 'delivery-address', 'address', 'carrier', 'freight', 'parcel', 'action', 'contact-customer', 'anchor', 'link',
  'masked', 'shape', 'mailto', 'javascript', 'https', 'http', 'www.otto.de', 'otto.de', 'portal.otto.market', 'account.otto.market', 'otto',
];

/** Pieces of a text or value: the whole, its words, the parts between punctuation, e-mails, phone-like runs. */
function pieces(raw: string): string[] {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const out = new Set([text]);
  for (const word of text.split(' ')) {
    out.add(word);
    for (const part of word.split(/[/?#&=:;,()"'„“<>[\]{}]+/)) out.add(part);
  }
  for (const m of text.matchAll(/[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+/gu)) out.add(m[0]);
  for (const m of text.matchAll(/\+?\(?\d[\d\s()/.-]{5,}\d/g)) out.add(m[0].trim());
  return [...out].filter((v) => v.length >= 4);
}

/**
 * The needles found in a report, as whole words (case-insensitive). Before looking, the report's
 * own constructs are taken out: JSON keys (attribute names among them) and tokens other than the
 * literal `{=…}` ones (whose content stays and is searched). Needles equal to a markup name (tag,
 * attribute, class, id, or the value of a names-like attribute such as `role`, `type`, `lang`),
 * a route word or a word of the report's format do not count.
 */
export function leaksIn(reportJson: string, needles: Needles): string[] {
  const hay = reportJson
    .replace(/"[^"\\]+":/g, ' ')
    // Tokens never hold quotes or braces; JSON objects start with `{"`.
    .replace(/\{=((?:\\.|[^{}"\\])*)\}/g, ' $1 ')
    .replace(/\{(?!")(?:\\.|[^{}"\\])*\}/g, ' ')
    .toLowerCase();
  // Markup names and their parts (`lga-checklist` → `checklist`, `obc_label--warning` → `warning`).
  const vocabulary = new Set([...needles.names, ...REPORT_WORDS, ...ROUTE_WORDS].flatMap((w) => [w, ...w.split(/[-_]+/)]).map((w) => w.toLowerCase()));
  const values = new Set(needles.values.flatMap(pieces));
  for (const [name, value] of needles.attrs) {
    const mode = attrMode(name);
    if (mode === 'names') for (const item of value.split(/\s+/)) for (const w of [item, ...item.split(/[-_]+/)]) vocabulary.add(w.toLowerCase());
    else for (const p of pieces(value)) values.add(p);
    // A URL's parameter names are markup names too (`?subject=…`, `#variationId=…`).
    if (mode === 'url') for (const m of value.matchAll(/[?&#]([A-Za-z][\w-]*)=/g)) vocabulary.add(m[1]!.toLowerCase());
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...values].filter((v) => {
    const lower = v.toLowerCase();
    if (vocabulary.has(lower)) return false;
    const json = JSON.stringify(lower).slice(1, -1);
    return new RegExp(`(?<![\\p{L}\\p{N}_])${escape(json)}(?![\\p{L}\\p{N}_])`, 'u').test(hay);
  });
}
