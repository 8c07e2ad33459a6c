import type { AnchorName } from '../../otto/selectors';
import { WORDING } from './text';
import { anchorLiterals } from './attrs';

/** Back from shapes to synthetic text (the team's fixture tool). */

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
