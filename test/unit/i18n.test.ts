import { beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerStrings, translator, type MessageKey } from '../../lib/i18n';
import { pluralForm } from '../../lib/i18n/plural';
import { showProgress } from '../../lib/background/badge';
import { defaultState } from '../../lib/onboarding/state';
import { defaultSettings } from '../../lib/settings/defaults';
import { STEP_IDS } from '../../lib/onboarding/steps';
import { FEATURES } from '../../lib/features/registry';
import { chunkContents } from '../../lib/features/tables';
import { CHUNKS, type UiChunk } from '../../lib/content/chunks';

/**
 * Languages: every UI string exists in German and English, nothing is empty, placeholders match,
 * every string area can be registered with the translator, every bundle registers the areas its
 * code uses, components hold no UI text of their own, and the manifest texts and the toolbar
 * tooltip exist in both languages.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const STRINGS_DIR = join(ROOT, 'lib/i18n/strings');
type Text = string | { one: string; other: string };
type Area = { de: Record<string, Text>; en: Record<string, Text> };
const forms = (t: Text): string[] => (typeof t === 'string' ? [t] : [t.one, t.other]);

const areaFiles = readdirSync(STRINGS_DIR).filter((f) => f.endsWith('.ts'));
const areas: Array<[string, Area]> = await Promise.all(
  areaFiles.map(async (f) => [f, (await import(/* @vite-ignore */ join(STRINGS_DIR, f))) as Area] as [string, Area]),
);
const placeholders = (t: Text) => [...new Set(forms(t).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('UI strings (lib/i18n/strings)', () => {
  it('there are string areas to check', () => {
    expect(areaFiles.length).toBeGreaterThanOrEqual(7);
  });

  it.each(areas)('%s: the same keys in de and en, no empty text, the same placeholders', (_file, area) => {
    expect(Object.keys(area.de).length).toBeGreaterThan(0);
    expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.de).sort());
    for (const lang of ['de', 'en'] as const) {
      for (const [key, text] of Object.entries(area[lang])) {
        expect(typeof text === 'string' || Object.keys(text).sort().join(), `${lang} ${key} is text or { one, other }`).toSatisfy((v) => v === true || v === 'one,other');
        expect(typeof text, `${lang} ${key}: counted in both languages or in neither`).toBe(typeof area.de[key]);
        for (const value of forms(text)) {
          expect(typeof value, `${lang} ${key}`).toBe('string');
          expect(value.trim(), `${lang} ${key} is empty`).not.toBe('');
          expect(value, `${lang} ${key} has stray whitespace`).toBe(value.trim());
        }
      }
    }
    for (const key of Object.keys(area.de)) expect(placeholders(area.en[key]!), `placeholders of ${key}`).toEqual(placeholders(area.de[key]!));
  });

  it('no key is defined in two areas (the merged table would silently keep only one)', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [file, area] of areas) {
      for (const key of Object.keys(area.de)) {
        if (seen.has(key)) dupes.push(`${key} (${seen.get(key)}, ${file})`);
        seen.set(key, file);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('an area the bundle did not register is not in its translator: the key shows as itself', async () => {
    vi.resetModules();
    const fresh = await import('../../lib/i18n');
    const t = fresh.translator('de');
    expect(t('step.registered')).toBe('Händlerkonto registriert'); // core: always there
    expect(t('checklist.expand')).toBe('checklist.expand');
    const checklist = areas.find(([f]) => f === 'checklist.ts')![1];
    fresh.registerStrings(checklist);
    expect(t('checklist.expand')).toBe(checklist.de['checklist.expand']); // translators made earlier see it too
  });

  it('every area, once registered, reaches the translator in both languages', () => {
    registerStrings(...areas.map(([, area]) => area));
    const de = translator('de');
    const en = translator('en');
    for (const [file, area] of areas) {
      for (const key of Object.keys(area.de)) {
        expect(de(key as MessageKey, { count: 2 }), `${file} ${key} (de)`).toBe(forms(area.de[key]!).at(-1)!.replaceAll('{count}', '2'));
        expect(en(key as MessageKey, { count: 2 }), `${file} ${key} (en)`).toBe(forms(area.en[key]!).at(-1)!.replaceAll('{count}', '2'));
      }
    }
  });

  it('the step labels differ between German and English (a missing translation would be a copy)', () => {
    const de = translator('de');
    const en = translator('en');
    for (const id of STEP_IDS) expect(en(`step.${id}` as MessageKey)).not.toBe(de(`step.${id}` as MessageKey));
  });
});

// ---------------------------------------------------------------------------------------------
// Counted strings (lib/i18n/plural.ts)
// ---------------------------------------------------------------------------------------------

describe('counted strings follow the plural rules (0, 1, 2, 1.000)', () => {
  registerStrings(...areas.map(([, area]) => area));
  const counted = areas.flatMap(([file, area]) => Object.keys(area.de).filter((k) => typeof area.de[k] !== 'string').map((k) => [file, k] as const));

  it('every string that shows {count} is counted, and there are counted strings', () => {
    expect(counted.map(([, k]) => k)).toEqual(expect.arrayContaining(['badgeOpen', 'evidence.products-online', 'evidence.products-with-stock', 'evidence.orders-listed', 'options.restored', 'options.copy']));
    for (const [file, area] of areas) {
      for (const [key, text] of Object.entries(area.de)) {
        if (typeof text === 'string') expect(text, `${file} ${key} shows a count but has one form only`).not.toContain('{count}');
        else expect(placeholders(text), `${file} ${key}: the count shows in the text`).toContain('count');
      }
    }
  });

  // The rule is written by hand (no Intl.PluralRules on the first path): it must be the platform's.
  it.each(['de', 'en'] as const)('%s: the hand-written rule picks what Intl.PluralRules picks', (lang) => {
    const rules = new Intl.PluralRules(lang);
    const text = { one: 'one', other: 'other' };
    for (const n of [...Array.from({ length: 2001 }, (_, i) => i), -1, -2, 0.5, 1.5, 2.25, 1e6, Number.NaN]) expect(pluralForm(lang, text, n), `${lang} ${n}`).toBe(rules.select(n));
  });

  // German and English: "one" for exactly 1, "other" for everything else; numbers grouped.
  const shown = { de: { 0: '0', 1: '1', 2: '2', 1000: '1.000' }, en: { 0: '0', 1: '1', 2: '2', 1000: '1,000' } } as const;
  it.each(['de', 'en'] as const)('%s: each counted string over 0, 1, 2 and 1.000', (lang) => {
    const t = translator(lang);
    for (const [file, key] of counted) {
      const text = areas.find(([f]) => f === file)![1][lang][key] as { one: string; other: string };
      for (const n of [0, 1, 2, 1000] as const) {
        const form = n === 1 ? text.one : text.other;
        expect(t(key as MessageKey, { count: n, date: 'D', done: 0 }), `${lang} ${key} ${n}`).toBe(form.replace('{count}', shown[lang][n]).replace('{date}', 'D').replace('{done}', '0'));
      }
    }
  });

  it.each([
    ['de', 0, 'Livegang-Assistent: 0 Schritte offen', '0 Produkte online'],
    ['de', 1, 'Livegang-Assistent: 1 Schritt offen', '1 Produkt online'],
    ['de', 2, 'Livegang-Assistent: 2 Schritte offen', '2 Produkte online'],
    ['de', 1000, 'Livegang-Assistent: 1.000 Schritte offen', '1.000 Produkte online'],
    ['en', 0, 'Livegang-Assistent: 0 steps open', '0 products online'],
    ['en', 1, 'Livegang-Assistent: 1 step open', '1 product online'],
    ['en', 2, 'Livegang-Assistent: 2 steps open', '2 products online'],
    ['en', 1000, 'Livegang-Assistent: 1,000 steps open', '1,000 products online'],
  ] as const)('%s, %i: the badge tooltip and the evidence read right', (lang, count, badge, online) => {
    const t = translator(lang);
    expect(t('badgeOpen', { count })).toBe(badge);
    expect(t('evidence.products-online', { count })).toBe(online);
  });
});

// ---------------------------------------------------------------------------------------------
// Each bundle registers the string areas its code uses
// ---------------------------------------------------------------------------------------------

/**
 * The modules a bundle is built from, read from the sources: the entry and everything it imports
 * for values, transitively (type-only imports are erased by the build, packages are not followed).
 */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const resolveImport = (from: string, spec: string): string | null => {
    if (spec.startsWith(CHUNK_MODULE)) {
      // The build's chunk module: the code of the chunk's features (lib/build/feature-chunks.ts).
      for (const id of chunkModule(spec).ids) visit(resolveImport(join(ROOT, 'lib/features', id, 'x.ts'), './init')!);
      return null;
    }
    if (!spec.startsWith('.')) return null;
    const base = resolve(dirname(from), spec);
    const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
    const hit = candidates.find((c) => /\.tsx?$/.test(c) && existsSync(c));
    if (!hit) throw new Error(`${relative(ROOT, from)}: cannot resolve ${spec}`);
    return hit;
  };
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const specs: string[] = [];
    const walk = (n: ts.Node) => {
      if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
        const clause = n.importClause;
        const typeOnly =
          clause?.isTypeOnly ||
          (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
        if (!typeOnly) specs.push(n.moduleSpecifier.text);
      } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
        const typeOnly = n.isTypeOnly || (n.exportClause && ts.isNamedExports(n.exportClause) && n.exportClause.elements.every((e) => e.isTypeOnly));
        if (!typeOnly) specs.push(n.moduleSpecifier.text);
      } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
        specs.push(n.arguments[0].text);
      }
      ts.forEachChild(n, walk);
    };
    walk(sf);
    for (const spec of specs) {
      const target = resolveImport(file, spec);
      if (target) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

const STRINGS_MODULE = /\/i18n\/strings\/(\w+)$/;
const CHUNK_MODULE = 'virtual:lga-chunk/';
/** What the build puts into `virtual:lga-chunk/<host>/<chunk>`: the features of the chunk's pages and their string areas. */
function chunkModule(spec: string) {
  const [host, name] = spec.slice(CHUNK_MODULE.length).split('/') as [keyof typeof CHUNKS, string];
  const chunk = (CHUNKS[host] as Record<string, UiChunk>)[name]!;
  return chunkContents(FEATURES, chunk);
}
const allKeys = new Map<string, string>(areas.flatMap(([file, area]) => Object.keys(area.de).map((k) => [k, file.replace(/\.ts$/, '')] as [string, string])));

/** The areas a bundle registers: the arguments of `registerStrings(…)` calls in its modules, plus core. */
function registeredAreas(files: string[]): Set<string> {
  const out = new Set(['core']);
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const namespaces = new Map<string, string>();
    const chunkAreas = new Map<string, string[]>();
    for (const st of sf.statements) {
      const bindings = ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly ? st.importClause?.namedBindings : undefined;
      const area = ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) ? STRINGS_MODULE.exec(st.moduleSpecifier.text)?.[1] : undefined;
      if (bindings && area && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, area);
      const chunkSpec = ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text.startsWith(CHUNK_MODULE) ? st.moduleSpecifier.text : null;
      if (chunkSpec) chunkAreas.set(chunkSpec, chunkModule(chunkSpec).areas);
    }
    const walk = (n: ts.Node) => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'registerStrings' && !file.includes('/lib/i18n/')) {
        for (const arg of n.arguments) {
          if (ts.isSpreadElement(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === 'AREAS' && chunkAreas.size === 1) {
            for (const area of [...chunkAreas.values()][0]!) out.add(area);
            continue;
          }
          const area = ts.isIdentifier(arg) ? namespaces.get(arg.text) : undefined;
          if (!area) throw new Error(`${relative(ROOT, file)}: registerStrings(${arg.getText(sf)}) — pass string areas imported as \`* as name\``);
          out.add(area);
        }
      }
      ts.forEachChild(n, walk);
    };
    walk(sf);
  }
  return out;
}

/**
 * The keys a bundle's code uses: string literals that are keys, and templates such as
 * `step.${id}` (standing for every key that starts with their fixed head).
 */
function usedKeys(files: string[]): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of files) {
    if (file.includes('/lib/i18n/')) continue;
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const walk = (n: ts.Node) => {
      if (ts.isLiteralTypeNode(n)) return;
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && allKeys.has(n.text)) used.set(n.text, where(n));
      if (ts.isTemplateExpression(n) && n.head.text) {
        for (const key of allKeys.keys()) if (key.startsWith(n.head.text)) used.set(key, where(n));
      }
      ts.forEachChild(n, walk);
    };
    walk(sf);
  }
  return used;
}

/** Every bundle: the top-level entries (content scripts, UI chunks, background) and the pages' main.tsx. */
const bundleEntries = readdirSync(join(ROOT, 'entrypoints'), { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? [join(ROOT, 'entrypoints', e.name, 'main.tsx')].filter(existsSync) : /\.tsx?$/.test(e.name) ? [join(ROOT, 'entrypoints', e.name)] : [],
);

// Parsing every bundle's module graph with the TypeScript compiler takes seconds on a busy
// 2-core machine (7.9 s seen under load): a longer limit than Vitest's default 5 s.
describe('each bundle registers the string areas its code uses (lib/i18n: registerStrings)', { timeout: 30_000 }, () => {
  it('the bundles are found, and the check sees keys and registrations', () => {
    expect(bundleEntries.map((f) => relative(ROOT, f)).sort()).toEqual(
      expect.arrayContaining(['entrypoints/portal-products.ts', 'entrypoints/portal-orders.ts', 'entrypoints/help-ui.ts', 'entrypoints/popup/main.tsx', 'entrypoints/options/main.tsx']),
    );
    const orders = moduleGraph(join(ROOT, 'entrypoints/portal-orders.ts'));
    expect(orders.map((f) => relative(ROOT, f))).toContain('components/ContactWarning.tsx');
    expect([...registeredAreas(orders)].sort()).toEqual(['checklist', 'contact', 'core']);
    const used = usedKeys(orders);
    expect(used.has('contact.short.relay.email')).toBe(true); // from a template: `contact.short.${variant}`
    expect(used.has('checklist.expand')).toBe(true); // a literal
  });

  it.each(bundleEntries.map((f) => [relative(ROOT, f)]))('%s', (entry) => {
    const files = moduleGraph(join(ROOT, entry));
    const registered = registeredAreas(files);
    const used = usedKeys(files);
    const missing = [...used].filter(([key]) => !registered.has(allKeys.get(key)!)).map(([key, at]) => `${key} (area ${allKeys.get(key)}, used at ${at})`);
    expect(missing, 'keys used but their area is not registered').toEqual([]);
    const areasUsed = new Set([...used.keys()].map((k) => allKeys.get(k)!));
    expect([...registered].filter((a) => a !== 'core' && !areasUsed.has(a)), 'areas registered but not used').toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// No UI text literals in JSX
// ---------------------------------------------------------------------------------------------

/** Attributes whose value is read or shown to the user. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const hasLetters = (s: string) => /\p{L}/u.test(s);

/** UI text written into JSX: letters between tags, or in a text attribute's string literal. */
export function jsxTextLiterals(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (n: ts.Node) => `${fileName}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const literalText = (e: ts.Expression | undefined): string | null => {
    if (!e) return null;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join('');
    if (ts.isParenthesizedExpression(e)) return literalText(e.expression);
    if (ts.isConditionalExpression(e)) return [literalText(e.whenTrue), literalText(e.whenFalse)].filter((x) => x !== null).join(' ') || null;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return [literalText(e.left), literalText(e.right)].filter((x) => x !== null).join(' ') || null;
    return null;
  };
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && hasLetters(n.text)) found.push(`${where(n)} text "${n.text.trim()}"`);
    if (ts.isJsxExpression(n) && n.expression && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent))) {
      const text = literalText(n.expression);
      if (text !== null && hasLetters(text)) found.push(`${where(n)} text {"${text.trim()}"}`);
    }
    if (ts.isJsxAttribute(n) && TEXT_ATTRIBUTES.has(n.name.getText(sf)) && n.initializer) {
      const init = n.initializer;
      const text = ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) ? literalText(init.expression) : null;
      if (text !== null && hasLetters(text)) found.push(`${where(n)} ${n.name.getText(sf)}="${text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function tsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsxFiles(p));
    else if (entry.name.endsWith('.tsx')) out.push(p);
  }
  return out;
}

describe('no UI text literals in components (every UI string goes through t())', () => {
  it('the check finds text between tags and in text attributes, and lets symbols and t() calls pass', () => {
    const sample = `
      export const A = () => (
        <div title="Speichern" aria-label={'Close'}>
          Hallo Welt
          <b>{'Weiter'}</b>
          <i placeholder={\`Name \${x}\`} />
          <span aria-hidden="true">✓ </span>{' '}{t('ok')}
          <input aria-label={t('label')} title={\`\${t('a')}: \${t('b')}\`} class="not checked" />
          <p>{cond ? t('x') : 'Fehler'}</p>
        </div>
      );`;
    expect(jsxTextLiterals('sample.tsx', sample).map((s) => s.replace(/^sample\.tsx:\d+ /, ''))).toEqual([
      'title="Speichern"',
      'aria-label="Close"',
      'text "Hallo Welt"',
      'text {"Weiter"}',
      'placeholder="Name "',
      'text {"Fehler"}',
    ]);
  });

  const files = [...tsxFiles(join(ROOT, 'components')), ...tsxFiles(join(ROOT, 'lib'))];
  it('there are components to check', () => {
    expect(files.filter((f) => f.includes('/components/')).length).toBeGreaterThanOrEqual(9);
  });
  it.each(files.map((f) => [relative(ROOT, f)]))('%s', (file) => {
    expect(jsxTextLiterals(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Manifest texts and the toolbar tooltip
// ---------------------------------------------------------------------------------------------

describe('manifest texts (public/_locales) and the toolbar tooltip', () => {
  const messages = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  const de = messages('de');
  const en = messages('en');

  it('German and English have the same keys, none empty, within the stores\' limits', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const m of [de, en]) {
      for (const [key, v] of Object.entries(m)) expect(v.message.trim(), key).not.toBe('');
      // Chrome: name at most 75 characters, description at most 132.
      expect(m.extName!.message.length).toBeLessThanOrEqual(75);
      expect(m.extDescription!.message.length).toBeLessThanOrEqual(132);
    }
    expect(en.extDescription!.message).not.toBe(de.extDescription!.message);
  });

  it('every __MSG_…__ used by the manifest and the extension pages exists in both languages', () => {
    const sources = [join(ROOT, 'wxt.config.ts'), ...readdirSync(join(ROOT, 'entrypoints'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(html|ts|tsx|json)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))];
    const used = new Set<string>();
    for (const f of sources) for (const m of readFileSync(f, 'utf8').matchAll(/__MSG_(\w+)__/g)) used.add(m[1]!);
    expect([...used].sort()).toEqual(expect.arrayContaining(['extDescription', 'extName']));
    for (const key of used) {
      expect(de[key], `de ${key}`).toBeDefined();
      expect(en[key], `en ${key}`).toBeDefined();
    }
  });

  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['de', 'Livegang-Assistent: 8 Schritte offen', 'Livegang-Assistent: alle Schritte erledigt'],
    ['en', 'Livegang-Assistent: 8 steps open', 'Livegang-Assistent: all steps done'],
  ] as const)('the toolbar tooltip in %s', async (language, open, done) => {
    const settings = { ...defaultSettings(), language };
    const state = defaultState();
    await showProgress(state, settings);
    expect(await fakeBrowser.action.getTitle({})).toBe(open);
    const allDone = { ...state, steps: Object.fromEntries(STEP_IDS.map((id) => [id, { ...state.steps[id], done: true, how: 'manual' as const, at: 1 }])) } as typeof state;
    await showProgress(allDone, settings);
    expect(await fakeBrowser.action.getTitle({})).toBe(done);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
