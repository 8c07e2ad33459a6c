import { afterAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { classBlind, classBlindSeed, renamed, type ClassBlindCopy } from '../support/class-blind';
import { FIXTURES, fixtureText } from '../support/load-fixture';
import { EXPECTED } from '../fixtures/expected';

/**
 * The class-blind copies of the recognition matrix (test/support/class-blind.ts): every class
 * name and id renamed, consistently, so the page's styling and scripts still work. Each fixture
 * and its copy are rendered in happy-dom with their own scripts running, and compared element by
 * element.
 */

const SEED = 'unit-seed-1';
const PORTAL = readdirSync(resolve(FIXTURES, 'portal'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => `portal/${f}`);
/** Where a fixture stands (its scripts read `location`); products-2000 kept small. */
const urlOf = (file: string) => EXPECTED[file]?.url ?? 'https://portal.otto.market/products/?rows=30#productoverview';

const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

/** The page with its own scripts run (committed fixtures only). */
async function render(html: string, url: string): Promise<Document> {
  const w = new Window({ url, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  windows.push(w);
  w.document.write(html);
  await w.happyDOM.waitUntilComplete();
  return w.document as unknown as Document;
}

type Root = Document | ShadowRoot;

/** Every element in document order, open shadow roots right after their host. */
function composed(root: Root): { elements: Element[]; roots: Root[] } {
  const elements: Element[] = [];
  const roots: Root[] = [root];
  const walk = (node: ParentNode) => {
    for (const el of Array.from(node.children)) {
      elements.push(el);
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
      walk(el);
    }
  };
  walk(root);
  return { elements, roots };
}

const classesOf = (el: Element) => (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
const ID_REFS = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls'];

/** Text of the page as a reader sees it (scripts and styles left out), shadow roots included. */
function visibleText(root: Root): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.nodeValue;
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
        if (el.shadowRoot) walk(el.shadowRoot);
        walk(el);
      }
    }
  };
  walk(root);
  return out;
}

/** Selectors of the style elements directly in `root`, media rules flattened. */
function selectorsIn(root: Root): string[] {
  const out: string[] = [];
  const take = (rules: CSSRuleList) => {
    for (const r of Array.from(rules)) {
      if ('selectorText' in r) out.push((r as CSSStyleRule).selectorText);
      else if ('cssRules' in r) take((r as CSSMediaRule).cssRules);
    }
  };
  for (const style of Array.from(root.querySelectorAll('style'))) if (style.sheet) take(style.sheet.cssRules);
  return out;
}

/** A fixture and its copy, rendered once for all tests of the file. */
const rendered = new Map<string, Promise<{ copy: ClassBlindCopy; orig: Document; blind: Document }>>();
function both(file: string) {
  let r = rendered.get(file);
  if (!r) {
    const html = fixtureText(file);
    const copy = classBlind(html, SEED);
    rendered.set(file, (r = Promise.all([render(html, urlOf(file)), render(copy.html, urlOf(file))]).then(([orig, blind]) => ({ copy, orig, blind }))));
  }
  return r;
}

describe.each(PORTAL)('%s', (file) => {
  it('renames every class and id, the same way in markup, CSS and the page script; keeps everything else', async () => {
    const { copy, orig, blind } = await both(file);
    const a = composed(orig).elements;
    const b = composed(blind).elements;
    // Every name of the original: those the tool found, and those on the rendered page.
    const old = new Set([...copy.classes, ...copy.ids, ...a.flatMap((e) => [...classesOf(e), e.id].filter(Boolean))]);
    // Same elements (the page's script built the same page through the new names) …
    expect(b.map((e) => e.tagName)).toEqual(a.map((e) => e.tagName));
    for (const [i, el] of a.entries()) {
      const twin = b[i]!;
      // … whose classes and ids are the originals, renamed …
      expect(classesOf(twin), `${el.tagName} #${i}`).toEqual(classesOf(el).map((c) => renamed(copy, c)));
      expect(twin.id).toBe(el.id ? renamed(copy, el.id) : '');
      for (const c of classesOf(twin)) expect(old.has(c), c).toBe(false);
      if (twin.id) expect(old.has(twin.id), twin.id).toBe(false);
      // … and every other attribute unchanged (routes in href such as #/details/… or #productoverview too).
      const others = (e: Element) =>
        Array.from(e.attributes)
          .filter((at) => at.name !== 'class' && at.name !== 'id' && !ID_REFS.includes(at.name))
          .map((at) => `${at.name}=${at.value}`);
      expect(others(twin)).toEqual(others(el));
    }
    expect(visibleText(blind)).toBe(visibleText(orig));
    expect(blind.title).toBe(orig.title);
    // No original name is left in any style sheet's selectors.
    for (const root of composed(blind).roots) {
      for (const sel of selectorsIn(root)) {
        for (const m of sel.matchAll(/[.#](-?[_a-zA-Z][\w-]*)/g)) expect(old.has(m[1]!), `${sel} in the copy`).toBe(false);
      }
    }
  });

  it("the page's CSS matches the same elements in the copy", async () => {
    const { orig, blind } = await both(file);
    const a = composed(orig);
    const b = composed(blind);
    expect(b.roots.length).toBe(a.roots.length);
    for (const [r, root] of a.roots.entries()) {
      const sa = selectorsIn(root);
      const sb = selectorsIn(b.roots[r]!);
      expect(sb.length).toBe(sa.length);
      for (const [k, sel] of sa.entries()) {
        const match = (rt: Root, s: string, all: Element[]) => {
          try {
            return Array.from(rt.querySelectorAll(s)).map((e) => all.indexOf(e));
          } catch {
            return 'invalid in this root';
          }
        };
        expect(match(b.roots[r]!, sb[k]!, b.elements), `${sel} → ${sb[k]}`).toEqual(match(root, sel, a.elements));
      }
    }
  });
});

describe('class-blind copies', () => {
  it('a fixture with classes, ids and id selectors really gets new names that still match', async () => {
    // Guards against a vacuous pass of the per-fixture checks: real selectors matched real elements.
    const { copy, blind } = await both('portal/products-virtual.html');
    expect(copy.ids).toContain('grid');
    expect(copy.classes).toContain('obc_label--warning');
    const grid = blind.querySelector(`#${renamed(copy, 'grid')}`)!;
    expect(grid.getAttribute('role')).toBe('grid');
    expect(blind.querySelectorAll(`.${renamed(copy, 'obc_label--warning')}`).length).toBeGreaterThan(10);
    expect(renamed(copy, 'obc_label--warning')).toBe(`${renamed(copy, 'obc_label')}--${renamed(copy, 'warning')}`);
    expect(blind.documentElement.outerHTML).not.toMatch(/obc_|id="grid"|'grid'/);
  });

  it('renames id references only where they point at an id of the page; routes stay', async () => {
    const html = `<!doctype html><html><head><style>
      .card:is(.card--open, .x) > #title, section:has(> .badge) { color: red }
      [class~="badge"], [id="title"], [class*="lga"] { color: blue }
      @media (min-width: 1px) { .badge { color: #fff } }
      </style></head><body>
      <section class="card card--open" aria-labelledby="title"><h2 id="title">Titel</h2><span class="badge">B</span></section>
      <label for="qty">Menge</label><input id="qty">
      <a href="#title">Sprung</a> <a href="#productoverview">Übersicht</a> <a href="#/details/ab12/articles">Details</a>
      <a href="/products/#productoverview">Produkte</a>
      <svg><defs><linearGradient id="g"></linearGradient></defs><rect fill="url(#g)"></rect></svg>
      <div id="out"></div>
      <script>
        const k = 'open';
        const box = document.getElementById('out');
        box.innerHTML = '<p class="badge" id="made">x</p>';
        const s = document.createElement('span');
        s.className = \`card card--\${k}\`;
        s.classList.add('badge');
        s.setAttribute('aria-describedby', 'title');
        box.append(s);
        document.querySelector('section .badge').dataset.found = String(!!document.querySelector('#made.badge'));
      </script></body></html>`;
    const copy = classBlind(html, SEED);
    const r = (n: string) => renamed(copy, n);
    const doc = await render(copy.html, 'https://portal.otto.market/products/');
    expect(doc.querySelector('a[href^="#"]')!.getAttribute('href')).toBe(`#${r('title')}`);
    expect(copy.html).toContain('href="#productoverview"');
    expect(copy.html).toContain('href="#/details/ab12/articles"');
    expect(copy.html).toContain('href="/products/#productoverview"');
    expect(doc.querySelector('label')!.htmlFor).toBe(r('qty'));
    expect(doc.querySelector('section')!.getAttribute('aria-labelledby')).toBe(r('title'));
    expect(doc.querySelector('rect')!.getAttribute('fill')).toBe(`url(#${r('g')})`);
    // The script built its markup with the new names, and found it again by them.
    expect(doc.querySelector(`#${r('made')}`)!.className).toBe(r('badge'));
    const span = doc.querySelector(`#${r('out')} > span`)!;
    expect(span.className).toBe(`${r('card')} ${r('card')}--${r('open')} ${r('badge')}`);
    expect(span.getAttribute('aria-describedby')).toBe(r('title'));
    expect((doc.querySelector(`section .${r('badge')}`) as HTMLElement).dataset.found).toBe('true');
    // CSS: :is(), :has(), [class~=], [id=] renamed; a substring match kept, and no new name matches it.
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toContain(`.${r('card')}:is(.${r('card--open')}, .${r('x')}) > #${r('title')}`);
    expect(css).toContain(`section:has(> .${r('badge')})`);
    expect(css).toContain(`[class~="${r('badge')}"], [id="${r('title')}"], [class*="lga"]`);
    expect(css).toContain(`.${r('badge')} { color: #fff }`);
    for (const name of copy.parts.values()) expect(name).not.toContain('lga');
    expect(doc.body.textContent).toContain('Titel');
  });

  it('is reproducible per seed and different across seeds', () => {
    const html = fixtureText('portal/products-overview.html');
    expect(classBlind(html, 'a').html).toBe(classBlind(html, 'a').html);
    expect(classBlind(html, 'a').html).not.toBe(classBlind(html, 'b').html);
    expect(classBlindSeed()).toMatch(/\S{6,}/);
  });
});
