import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translator, type MessageKey } from '../../lib/i18n';
import { showProgress } from '../../lib/background/badge';
import { defaultState } from '../../lib/onboarding/state';
import { defaultSettings } from '../../lib/settings/defaults';
import { STEP_IDS } from '../../lib/onboarding/steps';

/**
 * Languages: every UI string exists in German and English, nothing is empty, placeholders match,
 * every string area is wired into the translator, components hold no UI text of their own, and
 * the manifest texts and the toolbar tooltip exist in both languages.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const STRINGS_DIR = join(ROOT, 'lib/i18n/strings');
type Area = { de: Record<string, string>; en: Record<string, string> };

const areaFiles = readdirSync(STRINGS_DIR).filter((f) => f.endsWith('.ts'));
const areas: Array<[string, Area]> = await Promise.all(
  areaFiles.map(async (f) => [f, (await import(/* @vite-ignore */ join(STRINGS_DIR, f))) as Area] as [string, Area]),
);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings (lib/i18n/strings)', () => {
  it('there are string areas to check', () => {
    expect(areaFiles.length).toBeGreaterThanOrEqual(7);
  });

  it.each(areas)('%s: the same keys in de and en, no empty text, the same placeholders', (_file, area) => {
    expect(Object.keys(area.de).length).toBeGreaterThan(0);
    expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.de).sort());
    for (const lang of ['de', 'en'] as const) {
      for (const [key, value] of Object.entries(area[lang])) {
        expect(typeof value, `${lang} ${key}`).toBe('string');
        expect(value.trim(), `${lang} ${key} is empty`).not.toBe('');
        expect(value, `${lang} ${key} has stray whitespace`).toBe(value.trim());
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

  it('every area is wired into the translator, in both languages', () => {
    const de = translator('de');
    const en = translator('en');
    for (const [file, area] of areas) {
      for (const key of Object.keys(area.de)) {
        expect(de(key as MessageKey), `${file} ${key} (de)`).toBe(area.de[key]);
        expect(en(key as MessageKey), `${file} ${key} (en)`).toBe(area.en[key]);
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
