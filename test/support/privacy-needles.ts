/**
 * What a page-structure report must never contain: the page's texts and attribute values, and
 * the pieces inside them (words, e-mails, phone numbers, order numbers, SKUs, MOINs, URL path
 * segments and query values). Collected from a rendered document, its open shadow roots and its
 * same-origin frames. `collectNeedles` runs in the page (serialisable: no imports inside) and
 * returns whole texts and attribute values; `leaksIn` cuts them into pieces and looks.
 */
import { attrMode, ROUTE_WORDS } from '../../lib/diagnostics/shape';
import type { StructureNode, StructureReport } from '../../lib/diagnostics/structure';

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
      // Elements with our tag names: their attributes and shadow roots are ours when the extension
      // made them (and never entered by the report); text a page put inside one is the page's.
      if (el.localName.startsWith('lga-')) {
        for (const child of Array.from(el.childNodes)) walk(child);
        return;
      }
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
  'masked', 'shape', 'mailto', 'javascript', 'https', 'http', 'data', 'about', 'blob', 'tel', 'callto', 'www.otto.de', 'otto.de', 'portal.otto.market', 'account.otto.market', 'otto',
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
 * Where page data would be if it leaked: every text shape and attribute value of the report's
 * tree (frames and shadow roots included), and the quoted strings of its CSS (the rest of the CSS
 * is property names, keywords, numbers and selectors). The header (version, page kind, day,
 * browser) is enums and is checked on its own.
 */
export function reportValues(report: StructureReport): string {
  const out: string[] = [];
  const cssStrings = (css: string) => out.push(...Array.from(css.matchAll(/(["'])((?:\\.|(?!\1)[^\\])*)\1/g), (m) => m[2]!));
  const walk = (node: StructureNode, inStyle: boolean) => {
    if (typeof node === 'string') return inStyle ? cssStrings(node) : void out.push(node);
    if ('cut' in node) return;
    for (const [name, value] of Object.entries(node.attrs ?? {})) name === 'style' ? cssStrings(value) : out.push(value);
    if (node.value) out.push(node.value);
    for (const c of node.shadow ?? []) walk(c, false);
    for (const c of node.children ?? []) walk(c, node.tag === 'style');
    if (node.frame?.access === 'same-origin') walk(node.frame.html, false);
  };
  walk(report.html, false);
  return out.join('\n');
}

/**
 * The needles found in a report's values (`reportValues`), as whole words, case-insensitive.
 * Tokens are taken out first except the literal `{=…}` ones (their content stays and is
 * searched). Needles equal to a markup name (tag, attribute, class, id, or the value of a
 * names-like attribute such as `role`, `type`, `lang`), a route word or a word of the report's
 * format do not count.
 */
export function leaksIn(report: StructureReport, needles: Needles): string[] {
  const hay = reportValues(report)
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
    if (!hay.includes(lower)) return false;
    return new RegExp(`(?<![\\p{L}\\p{N}_])${escape(lower)}(?![\\p{L}\\p{N}_])`, 'u').test(hay);
  });
}
