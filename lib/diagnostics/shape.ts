/**
 * Shapes: what the page-structure report keeps of a text or an attribute value, and how the
 * team's fixture tool turns a shape back into synthetic text. Pure functions (no DOM).
 *
 * A shaped string is a sequence of
 * - runs of character classes: `A` upper-case letter, `a` lower-case letter, `L` other letter,
 *   `#` digit, `S` emoji, `Z` invisible formatting character (zero-width space, direction marks),
 *   each followed by its count when more
 *   than one (`Aa10 a3` = "Gartenstuhl aus");
 *   whitespace runs become one space; other characters stay as they are (`\` escapes `{ } \ #`);
 * - tokens in braces: OTTO's fixed UI vocabulary as canonical tokens our rules recognise
 *   (`{status:restricted}`, `{label:stock}`, `{action:contact-customer}`, `{freight}`,
 *   `{carrier:freight}`, …), contact values by category only with a per-report equality class
 *   (`{email:relay 1}`, `{email:placeholder 2}`, `{email:other 3}`, `{phone 1}`), standalone
 *   numbers as digits and sign only (`{n+ #.#3}` = a positive number written like "1.250",
 *   `{n0 #}` = zero), values our selectors name (`{anchor:productStockCell}`) and, in URLs,
 *   masked product paths (`{masked}`) and a per-report link class (`{link:3}`: equal URLs share it).
 * Nothing of the original wording survives: not even OTTO's labels (they become tokens).
 */
import { classifyEmail } from '../contact/classify';
import { EMAIL_IN_TEXT, emailsOfMailto } from '../contact/email';
import { parsePhone, phonesInText } from '../contact/phone';
import { ANCHORS, type AnchorName } from '../otto/selectors';

/** The longest text shaped; a longer text keeps its length only (`{cut 12345}` after the shaped start). */
export const MAX_TEXT = 2000;

/** OTTO's fixed UI vocabulary: a canonical token, what recognises it (German and English), and the German wording for fixtures. */
interface Word {
  token: string;
  re: RegExp;
  de: string;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const word = (token: string, alternatives: string, de: string): Word => ({ token, re: new RegExp(`${B}(?:${alternatives})${E}`, 'giu'), de });

/**
 * Broader than the recognisers' own rules on purpose: whatever they could react to is kept as a
 * token. Order matters: the first rule that matches at a position wins, longer phrases first.
 */
export const VOCABULARY: readonly Word[] = [
  word('action:contact-customer', '(?:kund(?:e|in|\\*in|:in|_in|innen|\\*innen|:innen|\\/in)?|k[äa]ufer(?:in|\\*in|:in)?)\\s+kontaktieren|contact\\s+(?:the\\s+)?(?:customer|buyer)', 'Kund*in kontaktieren'),
  word('status:restricted', 'sichtbarkeit\\s+eingeschr[äa]e?nkt|visibility\\s+restricted|limited\\s+visibility|nicht\\s+sichtbar|not\\s+visible|eingeschr[äa]e?nkt|restrikt\\p{L}*|restrict\\p{L}*', 'Sichtbarkeit eingeschränkt'),
  word('status:rejected', 'abgelehnt|zur[üu]ckgewiesen|rejected|declined|fehlerhaft|error', 'Abgelehnt'),
  word('status:pending', 'wird\\s+gepr[üu]ft|in\\s+pr[üu]fung|pr[üu]fung|ausstehend|in\\s+bearbeitung|pending|in\\s+review|under\\s+review|processing|wartend', 'In Prüfung'),
  word('status:online', 'online|sichtbar|visible|live|aktiv|active|freigeschaltet', 'Online'),
  word('label:stock', 'lagerbestand|bestand|stock|verf[üu]gbare\\s+menge|verf[üu]gbarkeit|verf[üu]gbar|quantity|menge', 'Bestand'),
  word('label:phone', 'telefonnummer|telefon|telephone|phone\\s+number|phone|mobilnummer|mobiltelefon|mobile\\s+phone|mobile|mobil|handynummer|handy|rufnummer|cellphone|cell|tel|fon', 'Telefon'),
  word('label:email', 'e-mail-adresse|e-mail|email|mail', 'E-Mail'),
  word('label:invoice-address', 'rechnungsadresse|billing\\s+address|invoice\\s+address', 'Rechnungsadresse'),
  word('label:delivery-address', 'lieferadresse|delivery\\s+address|shipping\\s+address', 'Lieferadresse'),
  word('label:address', 'adresse|address', 'Adresse'),
  word('label:carrier', 'versanddienstleister|versanddienst|paketdienstleister|paketdienst|zusteller|spediteur|transporteur|logistikdienstleister|dienstleister|shipping\\s+(?:carrier|provider|company|service)|delivery\\s+(?:carrier|service)|carrier', 'Versanddienstleister'),
  word('freight', 'speditions?(?:versand|lieferung|zustellung|ware|artikel|auftrag)?|wunschort(?:zustellung|lieferung)?|grundst(?:ü|ue)cksgrenze|(?:freight\\s+)?forward(?:er|ing)(?:\\s+agent)?|freight|haulier|FORWARDER_(?:PREFERREDLOCATION|CURBSIDE|HEAVYDUTY)', 'Spedition'),
  word('carrier:freight', 'dachser|db[\\s_-]?schenker|schenker|k(?:ü|ue|u)hne\\s*(?:\\+|&|und|_)?\\s*nagel|rhenus|hellmann|logwin|raben(?:[\\s_-]logisti(?:k|cs))?|schockem(?:ö|oe)hle|bursped|cargoline|meyer[\\s_-]jumbo|reithmeier|schmidt[\\s_-]gevelsberg|eph[\\s_-]direkt|dhl[\\s_-]freight|dhl[\\s_-]home[\\s_-]delivery|emons|geis|heuel|g[üu]ttler|zufall|other[\\s_-]forwarder', 'DACHSER'),
  word('carrier:parcel', 'hermes|dhl(?:[\\s_-]express)?|gls|dpd|ups', 'DHL'),
  // OTTO's relay and magnalister's placeholder domains, for addresses a page splits over elements.
  word('domain:relay', 'customer\\.otto\\.market', 'customer.otto.market'),
  word('domain:placeholder', 'otto\\.magnalister\\.com', 'otto.magnalister.com'),
  word('label:sku', 'sku|artikelnummer|article\\s+number', 'SKU'),
  word('label:ean', 'ean|gtin', 'EAN'),
  word('label:moin', 'moin', 'MOIN'),
];

const WORDING = new Map(VOCABULARY.map((w) => [w.token, w.de]));

/** A standalone number: digits, maybe grouped by `.`, `,`, apostrophes or thin spaces. */
const NUMBER = /(?<![\p{L}\p{N}])\p{Nd}+(?:[.,'’\u00a0\u202f]\p{Nd}+)*(?![\p{L}\p{N}])/gu;

/** Per report: equal contact values and equal URLs get the same class number. */
export class Classes {
  private readonly maps = new Map<string, Map<string, number>>();
  of(kind: string, key: string): number {
    let m = this.maps.get(kind);
    if (!m) this.maps.set(kind, (m = new Map()));
    let n = m.get(key);
    if (n === undefined) m.set(key, (n = m.size + 1));
    return n;
  }
  count(kind: string): number {
    return this.maps.get(kind)?.size ?? 0;
  }
}

interface Piece {
  start: number;
  end: number;
  token: string;
}

/** Shape of a plain run of text (no tokens): character classes with counts, punctuation kept. */
export function plainShape(text: string): string {
  let out = '';
  let cls = '';
  let n = 0;
  const flush = () => {
    if (cls) out += n > 1 ? `${cls}${n}` : cls;
    cls = '';
    n = 0;
  };
  for (const ch of text) {
    let c: string;
    if (/\s/u.test(ch)) c = ' ';
    else if (/\p{Lu}/u.test(ch)) c = 'A';
    else if (/\p{Ll}/u.test(ch)) c = 'a';
    else if (/\p{L}|\p{M}/u.test(ch)) c = 'L';
    else if (/\p{Nd}/u.test(ch)) c = '#';
    else if (/\p{Cf}/u.test(ch)) c = 'Z';
    else if (/\p{Extended_Pictographic}|\p{Co}/u.test(ch)) c = 'S';
    else {
      flush();
      out += /[{}\\#]/.test(ch) ? `\\${ch}` : ch;
      continue;
    }
    if (c === ' ') {
      flush();
      if (!out.endsWith(' ')) out += ' ';
      continue;
    }
    if (c === cls) n++;
    else {
      flush();
      cls = c;
      n = 1;
    }
  }
  flush();
  return out;
}

/** `{n+ #.#3}` / `{n0 #}`: a standalone number as its digit shape and whether it is zero or positive. */
function numberToken(digits: string): string {
  const positive = [...digits].some((c) => /\p{Nd}/u.test(c) && !'0٠۰०০'.includes(c));
  const sign = positive ? 'n+' : 'n0';
  return `${sign} ${plainShape(digits)}`;
}

/** Contact values in a text: e-mails, then phone numbers (outside the e-mails). */
function contactPieces(text: string, classes: Classes, orderNumber?: string | null): Piece[] {
  const pieces: Piece[] = [];
  for (const m of text.matchAll(EMAIL_IN_TEXT)) {
    const cls = classifyEmail(m[0], { freight: false, orderNumber });
    if (!cls) continue;
    pieces.push({ start: m.index!, end: m.index! + m[0].length, token: `email:${cls.kind} ${classes.of('email', cls.key)}` });
  }
  for (const p of phonesInText(text, { orderNumber: orderNumber ?? undefined })) {
    const end = endOfPhone(text, p.index);
    if (pieces.some((q) => p.index < q.end && end > q.start)) continue;
    pieces.push({ start: p.index, end, token: `phone ${classes.of('phone', p.e164)}` });
  }
  return pieces;
}

function endOfPhone(text: string, from: number): number {
  const m = /^(?:\+|\(0|0)[\d\s\u00a0()/.\u2011\u2013-]*\d/u.exec(text.slice(from));
  return from + (m ? m[0].length : 1);
}

/** Non-overlapping matches of `re` in `text`, outside `taken`. */
function piecesOf(text: string, re: RegExp, token: (m: RegExpMatchArray) => string, taken: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!m[0] || [...taken, ...out].some((q) => start < q.end && end > q.start)) continue;
    out.push({ start, end, token: token(m) });
  }
  return out;
}

export interface ShapeContext {
  classes: Classes;
  /** The order number of an order-details page (never taken for a phone number). */
  orderNumber?: string | null;
}

/**
 * The shape of a text: contact values by category, vocabulary as tokens, numbers as digits and
 * sign, everything else as character classes. `extra` pieces (e.g. anchor literals) go first.
 */
export function shapeText(raw: string, ctx: ShapeContext, extra: (text: string) => Piece[] = () => []): string {
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  const text = collapsed.slice(0, MAX_TEXT);
  const pieces: Piece[] = [...extra(text)];
  pieces.push(...contactPieces(text, ctx.classes, ctx.orderNumber).filter((p) => !pieces.some((q) => p.start < q.end && p.end > q.start)));
  for (const w of VOCABULARY) pieces.push(...piecesOf(text, w.re, () => w.token, pieces));
  pieces.push(...piecesOf(text, NUMBER, (m) => numberToken(m[0]), pieces));
  pieces.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const p of pieces) {
    out += plainShape(text.slice(at, p.start)) + `{${p.token}}`;
    at = p.end;
  }
  out += plainShape(text.slice(at));
  if (collapsed.length > MAX_TEXT) out += `{cut ${collapsed.length}}`;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Attribute values

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

/** Segments of OTTO's own routes (lib/otto/pages.ts and the portal's links): URL vocabulary, kept as they are. */
export const ROUTE_WORDS = new Set([
  'products', 'productoverview', 'productmaintenance', 'orders', 'details', 'articles', 'article', 'oauth2', 'sign_out', 'logout',
  's', 'p', 'ticketanlegen', 'vorbereitungen-livegang', 'kontakt-zu-kund-innen-aufnehmen', 'realms', 'auth', 'protocol',
  'openid-connect', 'dashboard', 'de', 'en', 'login', 'help', 'shipments', 'returns', 'invoices', 'settings',
]);

/** Hosts whose names are OTTO's and kept; other hosts become shapes (a merchant's own shop is merchant data). */
const KNOWN_HOSTS = new Set(['www.otto.de', 'otto.de', 'portal.otto.market', 'account.otto.market', 'www.otto.market', 'otto.market', 'i.otto.de']);

/** A literal part of a URL shape (scheme, OTTO host, route word, parameter name): `{=…}`. */
const lit = (s: string) => (s ? `{=${s.replace(/[{}\\]/g, (c) => `\\${c}`)}}` : '');

function shapeSegment(seg: string, ctx: ShapeContext): string {
  if (!seg) return '';
  let decoded = seg;
  try {
    decoded = decodeURIComponent(seg);
  } catch {
    /* keep */
  }
  if (ROUTE_WORDS.has(decoded.toLowerCase())) return lit(decoded);
  return shapeText(decoded, ctx);
}

function shapePath(path: string, ctx: ShapeContext): string {
  return path.split('/').map((s) => shapeSegment(s, ctx)).join('/');
}

function shapeQuery(query: string, ctx: ShapeContext): string {
  if (!query) return '';
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? null : pair.slice(eq + 1);
      const n = /^[A-Za-z][A-Za-z_-]{0,24}$/.test(name) ? lit(name) : shapeText(name, ctx);
      return value === null ? n : `${n}=${shapeSegment(value, ctx)}`;
    })
    .join('&');
}

function shapeHash(hash: string, ctx: ShapeContext): string {
  if (!hash) return '';
  const body = hash.slice(1);
  if (/^!?\//.test(body)) return `\\#${body.startsWith('!') ? '!' : ''}${shapePath(body.replace(/^!/, ''), ctx)}`;
  if (body.includes('=')) return `\\#${shapeQuery(body, ctx)}`;
  return `\\#${shapeSegment(body, ctx)}`;
}

/**
 * A URL attribute's value: scheme and form as written (absolute, `//host`, `/path`, relative),
 * OTTO's hosts and route words kept, other hosts and segments shaped, otto.de product paths
 * masked; `mailto:`/`tel:` as their contact category. Prefixed with the link class `{link:n}`:
 * equal URLs (resolved against `base`) share it.
 */
export function shapeUrl(raw: string, base: string, ctx: ShapeContext): string {
  const text = raw.trim();
  if (!text) return '';
  const mailto = /^mailto:/i.exec(text);
  if (mailto) {
    const emails = emailsOfMailto(text).map((e) => {
      const cls = classifyEmail(e.address, { freight: false, orderNumber: ctx.orderNumber });
      return `{email:${cls?.kind ?? 'other'} ${ctx.classes.of('email', `email:${e.address}`)}}`;
    });
    const q = text.indexOf('?');
    return `${lit('mailto:')}${emails.join(',')}${q >= 0 ? `?${shapeQuery(text.slice(q + 1).split('#')[0]!, ctx)}` : ''}`;
  }
  const tel = /^(tel|callto):/i.exec(text);
  if (tel) {
    const phone = parsePhone(text, { orderNumber: ctx.orderNumber ?? undefined });
    return `${lit(`${tel[1]!.toLowerCase()}:`)}${phone ? `{phone ${ctx.classes.of('phone', phone.e164)}}` : plainShape(text.slice(tel[0].length))}`;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (scheme && !/^https?$/i.test(scheme[1]!)) return `${lit(`${scheme[1]!.toLowerCase()}:`)}{masked}`;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return shapeText(text, ctx);
  }
  const link = `{link:${ctx.classes.of('link', url.href)}}`;
  const form = /^https?:\/\//i.test(text) ? 'absolute' : text.startsWith('//') ? 'protocol' : text.startsWith('/') ? 'root' : text.startsWith('#') ? 'hash' : text.startsWith('?') ? 'query' : 'relative';
  const host = KNOWN_HOSTS.has(url.hostname) && !url.port && !url.username && !url.password ? lit(url.host) : shapeText(url.host, ctx);
  const auth = url.username || url.password ? `${plainShape(url.username)}${url.password ? `:${plainShape(url.password)}` : ''}@` : '';
  const product = url.hostname === 'www.otto.de' && (url.pathname.startsWith('/p/') || url.pathname === '/p');
  const rest = product ? `/${lit('p')}/{masked}` : `${shapePath(url.pathname, ctx)}${url.search ? `?${shapeQuery(url.search.slice(1), ctx)}` : ''}${shapeHash(url.hash, ctx)}`;
  switch (form) {
    case 'absolute':
      return `${link}${lit(url.protocol)}//${auth}${host}${rest}`;
    case 'protocol':
      return `${link}//${auth}${host}${rest}`;
    case 'hash':
      return `${link}${shapeHash(url.hash, ctx)}`;
    case 'query':
      return `${link}?${shapeQuery(url.search.slice(1), ctx)}${shapeHash(url.hash, ctx)}`;
    case 'relative':
      return `${link}${shapePath(text.split(/[?#]/, 1)[0]!, ctx)}${url.search ? `?${shapeQuery(url.search.slice(1), ctx)}` : ''}${shapeHash(url.hash, ctx)}`;
    default:
      return `${link}${rest}`;
  }
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

// ---------------------------------------------------------------------------------------------
// Back from shapes to synthetic text (the team's fixture tool)

/** Letters for synthetic words: checked (test/unit/shape.test.ts) to form none of the vocabulary. */
const FILLER = 'musterbeispielwortgartenbankhaufenkistenbildrahmenkornblumen';
const FILLER_OTHER = 'ת';

/** German wording of a vocabulary token, or `undefined`. */
export function wordingOf(token: string): string | undefined {
  return WORDING.get(token);
}

export interface SynthOptions {
  /** Rotates the synthetic letters: different seeds give different words of the same shape. */
  seed?: number;
  /** The attribute the text goes into (status tokens in `data-status` become the API's enum). */
  attr?: string;
  /** Writes a contact value of a category and class (`email:relay`, 1). */
  contact?: (token: string, n: number) => string;
  /** A URL of the `{link:n}` class whose rest is `rest` (product links). */
  link?: (n: number, shaped: string) => string | null;
}

/** Synthetic text of a shaped string: same classes and lengths, tokens back to German wording. */
export function synthesize(shape: string, opts: SynthOptions = {}): string {
  let out = '';
  let pos = (opts.seed ?? 0) * 7;
  const letters = (n: number, upper: boolean) => {
    let s = '';
    for (let i = 0; i < n; i++) s += FILLER[(pos++ + FILLER.length) % FILLER.length]!;
    return upper ? s.toUpperCase() : s;
  };
  let i = 0;
  while (i < shape.length) {
    const ch = shape[i]!;
    if (ch === '\\') {
      out += shape[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '{') {
      let end = i + 1;
      let token = '';
      while (end < shape.length && shape[end] !== '}') {
        if (shape[end] === '\\') end++;
        token += shape[end] ?? '';
        end++;
      }
      out += synthToken(token, opts);
      i = end + 1;
      continue;
    }
    if (ch === 'A' || ch === 'a' || ch === 'L' || ch === 'S' || ch === 'Z' || ch === '#') {
      const m = /^\d*/.exec(shape.slice(i + 1))![0];
      const n = m ? Number(m) : 1;
      i += 1 + m.length;
      if (ch === '#') out += `1${'0'.repeat(n - 1)}`;
      else if (ch === 'L') out += FILLER_OTHER.repeat(n);
      else if (ch === 'S') out += '☺'.repeat(n);
      else if (ch === 'Z') out += '\u200b'.repeat(n);
      else out += letters(n, ch === 'A');
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function synthToken(token: string, opts: SynthOptions): string {
  if (token.startsWith('=')) return token.slice(1);
  const [head, ...rest] = token.split(' ');
  const arg = rest.join(' ');
  if (head === 'n+' || head === 'n0') {
    // Digits of the recorded shape: each group of a positive number starts with 1 (dates stay
    // valid dates: 10.10.1000), zero is all zeros.
    const lead = head === 'n+' ? '1' : '0';
    return arg.replace(/#(\d*)/g, (_m, c: string) => lead + '0'.repeat((c ? Number(c) : 1) - 1)).replace(/\\(.)/g, '$1');
  }
  if (head!.startsWith('email:') || head === 'phone') return opts.contact?.(head!, Number(arg) || 1) ?? '';
  if (head!.startsWith('link:')) return '';
  if (head === 'masked') return 'x';
  if (head === 'cut') return '';
  if (head === 'shape') return synthesize(arg, { seed: opts.seed });
  if (head!.startsWith('anchor:')) return anchorValue(head!.slice(7) as AnchorName, opts.attr) ?? '';
  if (head!.startsWith('status:') && opts.attr === 'data-status') return head!.slice(7).toUpperCase();
  return wordingOf(head!) ?? '';
}

/** The value our selectors name for `attr` in anchor `name` (what `{anchor:…}` stands for). */
export function anchorValue(name: AnchorName, attr?: string): string | undefined {
  const all = anchorLiterals().filter((l) => l.anchor === name);
  return (all.find((l) => l.attr === attr) ?? all[0])?.value;
}

/** Synthetic contact values: relay, placeholder and other e-mails, phone numbers; one per class. */
export function synthContact(token: string, n: number): string {
  const tag = letterTag(n);
  switch (token) {
    case 'email:relay':
      return `q${n}w${tag}e4r@customer.otto.market`;
    case 'email:placeholder':
      return `Erika.Muster${tag}.ab${n}cd3ef9@otto.magnalister.com`;
    case 'email:other':
    case 'email:freight':
      return `kunde.${tag}@example.net`;
    default:
      return `+49 40 555 1${String(n).padStart(3, '0')}`;
  }
}

/** `1` → `a`, `2` → `b`, …, `27` → `ab` (letters only, so equal numbers never meet digits). */
function letterTag(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s || 'a';
}

/** A URL back from its shape: the link class seeds the letters; masked product paths become distinct otto.de product links. */
export function synthUrl(shape: string): string {
  const m = /^\{link:(\d+)\}/.exec(shape);
  const n = m ? Number(m[1]) : 0;
  const rest = m ? shape.slice(m[0].length) : shape;
  if (rest.endsWith('/{=p}/{masked}')) {
    // The link's form stays as written (`https://…`, `http://…`, `//…`): only the product path is new.
    const origin = synthesize(rest.slice(0, -'/{=p}/{masked}'.length), { seed: n });
    return `${origin}/p/musterprodukt-${letterTag(n)}-${String(1_000_000_000 + n)}/`;
  }
  if (/^\{=[a-z][a-z0-9+.-]*:\}\{masked\}$/.test(rest)) return rest.startsWith('{=javascript:}') ? 'javascript:void(0)' : 'about:blank';
  return synthesize(rest, { seed: n, contact: synthContact });
}

/** CSS back from its shape: quoted strings get synthetic text, masked URLs point nowhere. */
export function synthCss(shape: string): string {
  return shape
    .replace(/url\(\{masked\}\)/g, 'url(data:,)')
    .replace(/(["'])((?:\\.|(?!\1)[^\\])*)\1/g, (_m, q: string, s: string) => `${q}${synthesize(s, { contact: synthContact })}${q}`);
}
