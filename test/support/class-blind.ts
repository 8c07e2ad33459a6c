import ts from 'typescript';
import { randomBytes } from 'node:crypto';

/**
 * Class-blind copies of fixtures (issue #15, item 4): the same page with every class name and id
 * renamed at random, consistently wherever the page uses them, so that its own styling and
 * scripts keep working through the new names. Recognition must find on the copy what it finds
 * on the original; a copy leaves it nothing of OTTO's names to lean on.
 *
 * Where names are renamed:
 * - `class` and `id` attributes; attributes that refer to ids (`for`, `aria-labelledby`, … and
 *   `href="#x"` / `url(#x)` only when `x` is an id of the page: hash routes such as `#/details/…`
 *   or `#productoverview` stay as they are);
 * - CSS selectors in `<style>` (also inside `:is()`, `:has()`, … and `[class~=x]`/`[id=x]`);
 * - inline scripts (parsed with TypeScript's parser): string and template literals used as class
 *   lists (`className = …`, `classList.add(…)`, `{ class: … }`, `setAttribute('class', …)`), ids
 *   (`getElementById(…)`, `.id = …`), selectors (`querySelector(…)`, `closest(…)`), markup with
 *   `class="…"` and CSS text, and any other literal made only of the page's names (e.g. a
 *   modifier `'warning'` a template puts after `obc_label--`).
 *
 * Names are split into parts at BEM separators (`--`, `__`) and each part is renamed on its own,
 * so `obc_label--${status}` and `status = 'warning'` still compose to the renamed
 * `obc_label--warning`. Same seed and page → same copy; the seed is random per run unless
 * `LGA_CLASS_BLIND_SEED` is set (print it, so a failing run can be repeated).
 */

export interface ClassBlindCopy {
  html: string;
  seed: string;
  /** Original name part → new one. */
  parts: ReadonlyMap<string, string>;
  /** Class names and ids of the original (attributes, CSS, scripts). */
  classes: ReadonlySet<string>;
  ids: ReadonlySet<string>;
}

/** The run's seed: `LGA_CLASS_BLIND_SEED`, else random. */
export function classBlindSeed(): string {
  return process.env.LGA_CLASS_BLIND_SEED || randomBytes(6).toString('hex');
}

/** The page `html` with every class name and id renamed (see the file comment). */
export function classBlind(html: string, seed: string = classBlindSeed()): ClassBlindCopy {
  // Pass 1 records every name; pass 2 renames through the map made from them.
  const found = new Names();
  rewriteHtml(html, found);
  const parts = nameParts(found, seed);
  const renamer = new Names(parts, found.ids);
  return { html: rewriteHtml(html, renamer), seed, parts, classes: found.classes, ids: found.ids };
}

/** `name` (a class name or id of the original) as the copy calls it. */
export function renamed(copy: Pick<ClassBlindCopy, 'parts'>, name: string): string {
  return renameParts(name, copy.parts);
}

const renameParts = (name: string, map: ReadonlyMap<string, string>) =>
  splitParts(name)
    .map((p, i) => (i % 2 === 1 ? p : (map.get(p) ?? p)))
    .join('');

/** Records names (no map) or renames them (with a map). */
class Names {
  readonly classes = new Set<string>();
  readonly ids = new Set<string>();
  /** Values of substring attribute selectors (`[class*="lga"]`): new names must not contain them. */
  readonly forbidden = new Set<string>();
  constructor(
    private readonly map?: ReadonlyMap<string, string>,
    private readonly pageIds?: ReadonlySet<string>,
  ) {}

  cls(name: string): string {
    if (!this.map) this.classes.add(name);
    return this.word(name);
  }
  id(name: string): string {
    if (!this.map) this.ids.add(name);
    return this.word(name);
  }
  /** An id reference (`href="#x"`, `for`): renamed only when the page has that id. */
  idRef(name: string): string {
    return this.map && this.pageIds?.has(name) ? this.word(name) : name;
  }
  /** Is every part of `word` a known name part? (`partial`: the word runs into a template expression.) */
  known(word: string): boolean {
    return !!this.map && splitParts(word).every((p, i) => i % 2 === 1 || p === '' || this.map!.has(p));
  }
  word(name: string): string {
    return this.map ? renameParts(name, this.map) : name;
  }
}

/** `a--b__c` → ['a', '--', 'b', '__', 'c'] (separators at odd indexes). */
const splitParts = (name: string) => name.split(/(--|__)/);

/** Seeded random names for every part of every name found. */
function nameParts(found: Names, seed: string): Map<string, string> {
  const all = new Set<string>();
  for (const n of [...found.classes, ...found.ids]) splitParts(n).forEach((p, i) => i % 2 === 0 && p && all.add(p));
  const taken = new Set(all);
  const map = new Map<string, string>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const chars = letters + '0123456789';
  for (const part of [...all].sort()) {
    // Drawn from the seed and the part alone: a name gets the same new name in every document of
    // one run (a page and its frames), whatever else those documents hold.
    const rand = prng(`${seed}\u0000${part}`);
    let name = '';
    while (!name || taken.has(name) || [...found.forbidden].some((f) => f && name.includes(f))) {
      const len = 6 + Math.floor(rand() * 4);
      name = letters[Math.floor(rand() * 26)]!;
      while (name.length < len) name += chars[Math.floor(rand() * chars.length)];
    }
    taken.add(name);
    map.set(part, name);
  }
  return map;
}

/** A small seeded generator (sfc32 over a string hash): reproducible per seed, not guessable without it. */
function prng(seed: string): () => number {
  const h = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x85a308d3];
  for (let i = 0; i < seed.length; i++) {
    for (let k = 0; k < 4; k++) h[k] = Math.imul(h[k]! ^ seed.charCodeAt(i), 0x5bd1e995 + k * 2) >>> 0;
  }
  let [a, b, c, d] = h as [number, number, number, number];
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

// ---------------------------------------------------------------------------------------------
// HTML: a tokenizer that touches attribute values and the text of <style> and <script> only.

/** Attributes whose value is a list of ids. */
const ID_REF_ATTRS = new Set([
  'for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details',
  'aria-errormessage', 'aria-flowto', 'headers', 'list', 'form', 'popovertarget', 'commandfor', 'anchor', 'itemref',
]);
const JS_TYPES = /^(?:|text\/javascript|application\/javascript|module)$/i;

function rewriteHtml(html: string, names: Names): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out += html.slice(i, lt);
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      const stop = end < 0 ? html.length : end + 3;
      out += html.slice(i, stop);
      i = stop;
      continue;
    }
    const tag = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(i, i + 100));
    if (!tag) {
      // End tag, doctype, stray '<': copy up to the next '>' (or the '<' alone).
      const gt = html[i + 1] === '/' || html[i + 1] === '!' ? html.indexOf('>', i) : -1;
      const stop = gt < 0 ? i + 1 : gt + 1;
      out += html.slice(i, stop);
      i = stop;
      continue;
    }
    const name = tag[1]!.toLowerCase();
    const start = parseStartTag(html, i + tag[0].length);
    const attrs = start.attrs;
    out += tag[0];
    let last = i + tag[0].length;
    for (const a of attrs) {
      const value = rewriteAttr(a.name.toLowerCase(), a.value, names);
      out += html.slice(last, a.valueStart) + value;
      last = a.valueEnd;
    }
    out += html.slice(last, start.end);
    i = start.end;
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title') {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = close < 0 ? html.length : close;
      const text = html.slice(i, stop);
      const type = attrs.find((a) => a.name.toLowerCase() === 'type')?.value ?? '';
      const src = attrs.some((a) => a.name.toLowerCase() === 'src');
      if (name === 'style') out += rewriteCss(text, names);
      else if (name === 'script' && !src && JS_TYPES.test(type.trim())) out += rewriteScript(text, names);
      else out += text;
      i = stop;
    }
  }
  return out + html.slice(i);
}

interface Attr {
  name: string;
  value: string;
  valueStart: number;
  valueEnd: number;
}

/** Attributes of a start tag from `i` (after the tag name) to after its `>`. */
function parseStartTag(html: string, i: number): { attrs: Attr[]; end: number } {
  const attrs: Attr[] = [];
  const re = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*\/?\s*>|\s*\//y;
  re.lastIndex = i;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0].trim().endsWith('>') && !m[1]) return { attrs, end: re.lastIndex };
    if (!m[1]) continue;
    const value = m[2] ?? m[3] ?? m[4];
    if (value === undefined) {
      attrs.push({ name: m[1], value: '', valueStart: re.lastIndex, valueEnd: re.lastIndex });
      continue;
    }
    const quoted = m[2] !== undefined || m[3] !== undefined;
    const valueEnd = re.lastIndex - (quoted ? 1 : 0);
    attrs.push({ name: m[1], value, valueStart: valueEnd - value.length, valueEnd });
  }
  return { attrs, end: html.length };
}

function rewriteAttr(name: string, value: string, names: Names): string {
  if (name === 'class') return value.replace(/[^\s]+/g, (w) => names.cls(w));
  if (name === 'id') return value.trim() ? value.replace(/[^\s]+/g, (w) => names.id(w)) : value;
  if (ID_REF_ATTRS.has(name)) return value.replace(/[^\s]+/g, (w) => names.idRef(w));
  if ((name === 'href' || name.endsWith(':href')) && value.startsWith('#')) return '#' + names.idRef(value.slice(1));
  if (name === 'style') return rewriteUrlRefs(value, names);
  return value.includes('url(#') ? rewriteUrlRefs(value, names) : value;
}

const rewriteUrlRefs = (text: string, names: Names) =>
  text.replace(/url\(\s*(["']?)#([^"')\s]+)\1\s*\)/g, (m, q: string, id: string) => `url(${q}#${names.idRef(id)}${q})`);

// ---------------------------------------------------------------------------------------------
// CSS: selectors of every rule (not at-rule preludes, not declarations).

function rewriteCss(css: string, names: Names): string {
  let out = '';
  let last = 0;
  let prelude = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 1;
      prelude = i + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipString(css, i);
      continue;
    }
    if (c === ';' || c === '}') prelude = i + 1;
    else if (c === '{') {
      const sel = css.slice(prelude, i);
      if (!sel.trim().startsWith('@')) {
        out += css.slice(last, prelude) + rewriteSelector(sel, names);
        last = i;
      }
      prelude = i + 1;
    }
  }
  return rewriteUrlRefs(out + css.slice(last), names);
}

/** Index of the closing quote of the string starting at `i`. */
function skipString(text: string, i: number): number {
  const q = text[i];
  for (let k = i + 1; k < text.length; k++) {
    if (text[k] === '\\') k++;
    else if (text[k] === q) return k;
  }
  return text.length;
}

const IDENT = String.raw`-?[_a-zA-Z\u00a0-\uffff][\w\u00a0-\uffff-]*`;
const SELECTOR_PART = new RegExp(
  String.raw`\[\s*(class|id)\s*([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))(\s*[is])?\s*\]|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|([.#])(${IDENT})`,
  'g',
);

function rewriteSelector(sel: string, names: Names): string {
  return sel.replace(SELECTOR_PART, (m, attr?: string, op?: string, dq?: string, sq?: string, bare?: string, flag?: string, sigil?: string, ident?: string) => {
    if (sigil && ident) return sigil + (sigil === '.' ? names.cls(ident) : names.id(ident));
    if (!attr) return m; // a quoted string elsewhere in the selector
    const value = dq ?? sq ?? bare ?? '';
    if (op !== '=' && op !== '~=') {
      // Substring matches cannot be renamed: keep them, and keep new names from matching them by chance.
      names.forbidden.add(value);
      return m;
    }
    const q = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
    const renamed = value.replace(/[^\s]+/g, (w) => (attr === 'class' ? names.cls(w) : names.id(w)));
    return `[${attr}${op}${q}${renamed}${q}${flag ?? ''}]`;
  });
}

// ---------------------------------------------------------------------------------------------
// Scripts: literals, by what the code does with them.

type Use = 'class' | 'id' | 'selector' | 'html' | 'generic' | 'none';

const CLASS_LIST_METHODS = new Set(['add', 'remove', 'toggle', 'contains', 'replace']);
const SELECTOR_METHODS = new Set(['querySelector', 'querySelectorAll', 'closest', 'matches', 'webkitMatchesSelector']);
const NOT_NAMES = new Set([
  'createElement', 'createElementNS', 'getAttribute', 'hasAttribute', 'removeAttribute', 'toggleAttribute', 'getAttributeNS',
  'addEventListener', 'removeEventListener', 'dispatchEvent', 'attachShadow', 'define', 'get', 'whenDefined', 'getItem', 'setItem',
]);

function useOfAttr(attr: string): Use {
  const a = attr.toLowerCase();
  if (a === 'class') return 'class';
  if (a === 'id' || ID_REF_ATTRS.has(a)) return 'id';
  return 'none';
}

/** What the code does with the expression `node` (a literal, or the template/conditional holding it). */
function useOf(literal: ts.Node): Use {
  let n: ts.Node = literal;
  // Climb through what only combines strings: templates, `a ? 'x' : 'y'`, `'a' + b`, parentheses.
  for (;;) {
    const p = n.parent;
    if (!p) return 'generic';
    if (ts.isTemplateSpan(p) || ts.isTemplateExpression(p) || ts.isParenthesizedExpression(p)) n = p;
    else if (ts.isConditionalExpression(p) && p.condition !== n) n = p;
    else if (ts.isBinaryExpression(p) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) n = p;
    else break;
  }
  const p = n.parent!;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n && ts.isPropertyAccessExpression(p.left)) {
    const prop = p.left.name.text;
    if (prop === 'className') return 'class';
    if (prop === 'id' || prop === 'htmlFor') return 'id';
    if (prop === 'innerHTML' || prop === 'outerHTML') return 'html';
    return 'generic';
  }
  if (ts.isPropertyAssignment(p)) {
    if (p.name === n) return 'none';
    // `{ class: …, id: … }` handed to a call is an element's attributes (`el('div', { id: 'x' })`);
    // elsewhere (`ORDERS = [{ id: 'sp1…' }]`) `id` is data, not an element's id.
    const attrs = ts.isObjectLiteralExpression(p.parent) && !!p.parent.parent && (ts.isCallExpression(p.parent.parent) || ts.isNewExpression(p.parent.parent));
    const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : '';
    if (attrs && (key === 'class' || key === 'className')) return 'class';
    if (attrs && (key === 'id' || key === 'htmlFor' || key === 'for')) return 'id';
    return 'generic';
  }
  if (ts.isElementAccessExpression(p) && p.argumentExpression === n) return 'none';
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(n as ts.Expression)) {
    const callee = p.expression;
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    const index = p.arguments.indexOf(n as ts.Expression);
    if (ts.isPropertyAccessExpression(callee) && CLASS_LIST_METHODS.has(method) && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'classList') return 'class';
    if (method === 'setAttribute' || method === 'setAttributeNS') {
      const nameArg = p.arguments[method === 'setAttribute' ? 0 : 1];
      if (index === (method === 'setAttribute' ? 1 : 2) && nameArg && ts.isStringLiteralLike(nameArg)) return useOfAttr(nameArg.text);
      return 'none';
    }
    if (method === 'getElementById') return 'id';
    if (method === 'getElementsByClassName') return 'class';
    if (SELECTOR_METHODS.has(method)) return 'selector';
    if (method === 'insertAdjacentHTML') return index === 1 ? 'html' : 'none';
    if (NOT_NAMES.has(method)) return 'none';
  }
  return 'generic';
}

/** One literal piece in the source: its text between delimiters, and what is next to it. */
interface Piece {
  start: number;
  end: number;
  use: Use;
  /** The piece runs into a template expression on its left / right (no word boundary there). */
  openLeft: boolean;
  openRight: boolean;
}

function rewriteScript(code: string, names: Names): string {
  let file: ts.SourceFile;
  try {
    file = ts.createSourceFile('page.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  } catch {
    return code;
  }
  const pieces: Piece[] = [];
  const visit = (node: ts.Node) => {
    const piece = (openLeft: boolean, openRight: boolean) => {
      const start = node.getStart(file) + 1;
      const end = node.end - (openRight ? 2 : 1);
      pieces.push({ start, end, use: useOf(node), openLeft, openRight });
    };
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) piece(false, false);
    else if (ts.isTemplateHead(node)) piece(false, true);
    else if (ts.isTemplateMiddle(node)) piece(true, true);
    else if (ts.isTemplateTail(node)) piece(true, false);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let last = 0;
  for (const p of pieces.sort((a, b) => a.start - b.start)) {
    out += code.slice(last, p.start) + rewriteLiteral(code.slice(p.start, p.end), p, names);
    last = p.end;
  }
  return out + code.slice(last);
}

/** Words of a class list; a word touching an open edge is only part of a name. */
function rewriteWords(text: string, piece: Piece, names: Names, as: 'class' | 'id'): string {
  return text.replace(/[^\s]+/g, (w, at: number) => {
    const partial = (piece.openLeft && at === 0) || (piece.openRight && at + w.length === text.length);
    if (partial) {
      // Record the parts (a prefix such as `obc_label--` names the part `obc_label`) and rename them.
      for (const [i, part] of splitParts(w).entries()) if (i % 2 === 0 && part) as === 'class' ? names.cls(part) : names.id(part);
      return names.word(w);
    }
    return as === 'class' ? names.cls(w) : names.id(w);
  });
}

const LOOKS_LIKE_SELECTOR = /^[\w\s.#\-[\]="'*^$|~:>+(),]+$/;

function rewriteLiteral(text: string, piece: Piece, names: Names): string {
  if (!text || piece.use === 'none') return text;
  if (piece.use === 'class' || piece.use === 'id') return rewriteWords(text, piece, names, piece.use);
  if (piece.use === 'selector') return rewriteSelector(text, names);
  if (piece.use === 'html' || /\b(?:class|id)\s*=\s*["'\w]/.test(text)) return rewriteHtml(text, names);
  if (text.includes('{') && text.includes('}')) return rewriteCss(text, names);
  // Anything else: a literal made only of the page's names (e.g. a modifier a template appends).
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length && words.every((w) => names.known(w))) return text.replace(/[^\s]+/g, (w) => names.word(w));
  if (LOOKS_LIKE_SELECTOR.test(text) && /[.#][_a-zA-Z-]/.test(text)) {
    // A selector kept in a variable: rename only names the page has (found elsewhere).
    return text.replace(new RegExp(`([.#])(${IDENT})`, 'g'), (m, sigil: string, ident: string) => (names.known(ident) ? sigil + names.word(ident) : m));
  }
  return text;
}
