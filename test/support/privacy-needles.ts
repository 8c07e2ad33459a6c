/**
 * What a page-structure report must never contain: the page's texts and attribute values, and
 * the pieces inside them (words, e-mails, phone numbers, order numbers, SKUs, MOINs, URL path
 * segments and query values). Collected from a rendered document, its open shadow roots and its
 * same-origin frames. `collectNeedles` runs in the page (serialisable: no imports inside).
 */
export interface Needles {
  /** Texts and values to look for (length ≥ 4). */
  values: string[];
  /** The page's tag, attribute, class and id names: markup vocabulary the report keeps by design. */
  names: string[];
}

export function collectNeedles(root: Document = document): Needles {
  const values = new Set<string>();
  const names = new Set<string>();
  const add = (raw: string | null | undefined) => {
    if (!raw) return;
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) return;
    values.add(text);
    // Pieces: words, and the parts of e-mails, URLs, SKUs split at punctuation.
    for (const word of text.split(' ')) {
      values.add(word);
      for (const part of word.split(/[/?#&=:;,()"'„“<>[\]{}]+/)) values.add(part);
    }
    for (const m of text.matchAll(/[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+/gu)) values.add(m[0]);
    for (const m of text.matchAll(/\+?\(?\d[\d\s()/.-]{5,}\d/g)) values.add(m[0].trim());
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
      // Our own UI is never entered by the report.
      if (el.localName.startsWith('lga-')) return;
      names.add(el.localName);
      for (const a of Array.from(el.attributes)) {
        names.add(a.name);
        if (a.name === 'class' || a.name === 'id') for (const n of a.value.split(/\s+/)) names.add(n);
        else if (a.name !== 'style') add(a.value);
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
  return { values: [...values].filter((v) => v.length >= 4), names: [...names] };
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
  'masked', 'shape', 'mailto', 'javascript', 'https', 'http', 'www.otto.de', 'otto.de', 'portal.otto.market', 'account.otto.market',
];
