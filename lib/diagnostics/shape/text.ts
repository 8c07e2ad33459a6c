import { classifyEmail } from '../../contact/classify';
import { EMAIL_IN_TEXT } from '../../contact/email';
import { phonesInText } from '../../contact/phone';

/** The shape of a text: OTTO's vocabulary, contact values, numbers and character classes (format: ../shape.ts). */

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

export const WORDING = new Map(VOCABULARY.map((w) => [w.token, w.de]));

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

export interface Piece {
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
