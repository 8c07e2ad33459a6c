import { ANCHORS, type AnchorName } from '../../otto/selectors';
import { plainShape, shapeText, type Piece, type ShapeContext } from './text';
import { shapeUrl } from './url';
import { synthContact, synthCss, synthesize, synthUrl } from './synth';

/** The shape of an attribute's value, by what the attribute holds (names, URL, CSS, code, text), and back. */

/** Values our selectors name for an attribute (`[data-testid="order-details"]`, `[aria-label*="produkt" i]`). */
interface AnchorLiteral {
  anchor: AnchorName;
  attr: string;
  op: '=' | '*=' | '^=' | '$=';
  value: string;
  insensitive: boolean;
}

let literals: AnchorLiteral[] | null = null;
/** Attributes whose values are handled by their own rules (URLs, classes, roles), not by anchor literals. */
const OWN_RULES = new Set(['href', 'src', 'class', 'id', 'role', 'style']);

export function anchorLiterals(): AnchorLiteral[] {
  if (literals) return literals;
  literals = [];
  const re = /\[\s*([\w-]+)\s*([*^$]?=)\s*"([^"]*)"\s*(i)?\s*\]/g;
  for (const [anchor, spec] of Object.entries(ANCHORS) as Array<[AnchorName, { selectors: readonly string[] }]>) {
    for (const sel of spec.selectors) {
      for (const m of sel.matchAll(re)) {
        const attr = m[1]!.toLowerCase();
        if (OWN_RULES.has(attr) || !m[3]) continue;
        literals.push({ anchor, attr, op: m[2] as AnchorLiteral['op'], value: m[3], insensitive: !!m[4] });
      }
    }
  }
  return literals;
}

function anchorPieces(attr: string): (text: string) => Piece[] {
  return (text) => {
    const out: Piece[] = [];
    for (const l of anchorLiterals()) {
      if (l.attr !== attr) continue;
      const hay = l.insensitive ? text.toLowerCase() : text;
      const needle = l.insensitive ? l.value.toLowerCase() : l.value;
      let start = -1;
      if (l.op === '=' && hay === needle) start = 0;
      else if (l.op === '^=' && hay.startsWith(needle)) start = 0;
      else if (l.op === '$=' && hay.endsWith(needle)) start = hay.length - needle.length;
      else if (l.op === '*=') start = hay.indexOf(needle);
      if (start < 0) continue;
      const end = start + needle.length;
      if (out.some((q) => start < q.end && end > q.start)) continue;
      out.push({ start, end, token: `anchor:${l.anchor}` });
    }
    return out;
  };
}

/** WAI-ARIA roles: a `role` value made of these is markup vocabulary. */
const ARIA_ROLES = new Set(
  ('alert alertdialog application article banner blockquote button caption cell checkbox code columnheader combobox complementary ' +
    'contentinfo definition deletion dialog directory document emphasis feed figure form generic grid gridcell group heading img ' +
    'insertion link list listbox listitem log main marquee math menu menubar menuitem menuitemcheckbox menuitemradio meter navigation ' +
    'none note option paragraph presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox ' +
    'separator slider spinbutton status strong subscript superscript switch tab table tablist tabpanel term textbox time timer ' +
    'toolbar tooltip tree treegrid treeitem').split(' '),
);

/** Attributes with enumerated keyword values (`type="button"`, `aria-expanded="true"`, `lang="de"`): lower-case keywords stay. */
const KEYWORD_ATTRS = /^(?:type|lang|dir|target|rel|method|enctype|autocomplete|inputmode|loading|decoding|draggable|spellcheck|translate|hidden|shadowrootmode|scope|wrap|crossorigin|referrerpolicy|sandbox|allow|charset|http-equiv|media|as|variant|size|color|theme|appearance|kind|mode|state|aria-(?!label$|description$|valuetext$|roledescription$|placeholder$|keyshortcuts$)[\w-]+)$/;

/** Attributes that name other elements or form fields (like ids and classes: markup vocabulary). */
const REFERENCE_ATTRS = /^(?:for|name|slot|part|exportparts|form|list|aria-labelledby|aria-describedby|aria-controls|aria-owns|aria-activedescendant|aria-details|aria-errormessage|aria-flowto|headers|itemprop|itemtype|data-column|data-field)$/;

/** Attributes holding a URL. */
export const URL_ATTRS = /^(?:href|src|action|formaction|poster|cite|background|data-href|data-src|data-url|xlink:href)$/;

/**
 * A class name or id as markup vocabulary, or its shape when it looks like data: digits, or
 * letters with hardly any vowels (generated hashes such as `sc-bdfBwQ`).
 */
export function shapeName(name: string): string {
  if (/^[A-Za-z_-][A-Za-z_-]*$/.test(name) && !name.split(/[-_]+/).some(looksGenerated)) return name;
  return `{shape ${plainShape(name)}}`;
}

function looksGenerated(part: string): boolean {
  if (part.length < 5) return false;
  const vowels = (part.match(/[aeiouyäöü]/gi) ?? []).length;
  const inner = (part.slice(1).match(/[A-Z]/g) ?? []).length;
  return vowels / part.length < 0.2 || (inner >= 2 && vowels / part.length < 0.3);
}

/** CSS (a `style` attribute or element): property names, keywords, numbers and selectors stay; strings, URLs and capitalised names become shapes. */
export function shapeCss(css: string, ctx: ShapeContext): string {
  return css
    .slice(0, 50_000)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/url\(\s*(['"]?)[^)]*\1\s*\)/gi, 'url({masked})')
    .replace(/(["'])((?:\\.|(?!\1)[^\\])*)\1/g, (_m, q: string, s: string) => `${q}${shapeText(s, ctx)}${q}`)
    .replace(/(?<![\w#.-])([A-Z][\w-]*)/g, (_m, w: string) => plainShape(w))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How an attribute's value is kept: `names` = space-separated markup names, each literal or
 * `{shape …}` (classes, ids, references, roles, keywords); `url`; `css`; `code` (event handlers,
 * masked); `text` = a shape with tokens.
 */
export type AttrMode = 'names' | 'url' | 'css' | 'code' | 'text';

export function attrMode(name: string): AttrMode {
  const attr = name.toLowerCase();
  if (attr === 'class' || attr === 'id' || attr === 'role' || REFERENCE_ATTRS.test(attr) || KEYWORD_ATTRS.test(attr)) return 'names';
  if (attr === 'style') return 'css';
  if (URL_ATTRS.test(attr)) return 'url';
  if (/^on[a-z]+$/.test(attr)) return 'code';
  return 'text';
}

const KEYWORD = /^[a-z][a-z0-9-]{0,24}$/;

/** The shape of an attribute's value, by what the attribute holds. */
export function shapeAttr(name: string, value: string, base: string, ctx: ShapeContext): string {
  const attr = name.toLowerCase();
  if (value === '') return '';
  switch (attrMode(attr)) {
    case 'names': {
      const items = value.split(/\s+/).filter(Boolean);
      if (attr === 'role') return items.map((r) => (ARIA_ROLES.has(r.toLowerCase()) ? r.toLowerCase() : `{shape ${plainShape(r)}}`)).join(' ');
      if (KEYWORD_ATTRS.test(attr)) return items.map((k) => (KEYWORD.test(k) && !/\d{3}/.test(k) ? k : `{shape ${plainShape(k)}}`)).join(' ');
      return items.map(shapeName).join(' ');
    }
    case 'css':
      return shapeCss(value, ctx);
    case 'url':
      return shapeUrl(value, base, ctx);
    case 'code':
      return '{masked}';
    default:
      return shapeText(value, ctx, anchorPieces(attr));
  }
}

/** An attribute's value back from its shape (see `attrMode`). */
export function synthAttr(name: string, shaped: string, seed: number): string {
  switch (attrMode(name)) {
    case 'names':
      return (shaped.match(/\{shape (?:\\.|[^}\\])*\}|\S+/g) ?? [])
        .map((item) => (item.startsWith('{shape ') ? synthesize(item.slice(7, -1), { seed }) : item))
        .join(' ');
    case 'css':
      return synthCss(shaped);
    case 'url':
      return synthUrl(shaped);
    case 'code':
      return '';
    default:
      return synthesize(shaped, { seed, attr: name.toLowerCase(), contact: synthContact });
  }
}
