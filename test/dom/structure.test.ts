import { readdirSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { structureReport, type StructureElement, type StructureNode, type StructureReport } from '../../lib/diagnostics/structure';
import { ownHosts } from '../../lib/otto/query';
import { FIXTURES, loadFixture } from '../support/load-fixture';
import { collectNeedles, leaksIn } from '../support/privacy-needles';

const HREF = { 'portal/orders-details-parcel.html': 'https://portal.otto.market/orders#/details/pq3m7k2x9a/articles' } as Record<string, string>;
const report = (name: string, extra: { maxNodes?: number; maxDepth?: number } = {}) =>
  structureReport(document, { version: '9.9.9', browser: 'Chrome 1', pageKind: 'opc-product-overview', date: '2026-12-05', href: HREF[name] ?? 'https://portal.otto.market/products/', ...extra });

/** Every element of a report (own shadow roots and frames included), depth first. */
function elements(node: StructureNode, out: StructureElement[] = []): StructureElement[] {
  if (typeof node === 'string' || 'cut' in node) return out;
  out.push(node);
  for (const c of [...(node.shadow ?? []), ...(node.children ?? [])]) elements(c, out);
  if (node.frame?.access === 'same-origin') elements(node.frame.html, out);
  return out;
}
/** Text shapes (style sheets, kept as reduced CSS, left out). */
const texts = (node: StructureNode): string[] =>
  typeof node === 'string' ? [node] : 'cut' in node || node.tag === 'style' ? [] : [...(node.shadow ?? []), ...(node.children ?? [])].flatMap(texts);

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('page-structure report of static fixtures', () => {
  it('keeps elements, roles, attribute names and classes; texts and values as shapes', () => {
    loadFixture('portal/products-overview.html');
    const r = report('portal/products-overview.html');
    expect(r).toMatchObject({ format: 'livegang-page-structure/1', version: '9.9.9', pageKind: 'opc-product-overview', date: '2026-12-05', browser: 'Chrome 1', cut: { nodes: false, depth: false } });
    const all = elements(r.html);
    expect(all.map((e) => e.tag)).toEqual(expect.arrayContaining(['html', 'head', 'body', 'table', 'thead', 'tbody', 'tr', 'td', 'a', 'span']));
    const links = all.filter((e) => e.tag === 'a' && e.attrs?.href?.includes('{masked}')).map((e) => e.attrs!.href!);
    expect(links).toHaveLength(3);
    expect(new Set(links).size).toBe(3);
    for (const l of links) expect(l).toMatch(/^\{link:\d+\}\{=https:\}\/\/\{=www\.otto\.de\}\/\{=p\}\/\{masked\}$/);
    const badges = all.filter((e) => e.attrs?.class?.includes('obc_label'));
    expect(badges.map((b) => b.attrs!.class)).toEqual(['obc_label obc_label--warning', 'obc_label obc_label--warning', 'obc_label obc_label--warning']);
    expect(badges.flatMap(texts)).toEqual(['{status:restricted}', '{status:restricted}', '{status:restricted}']);
    // Every text is a shape: no lower-case run of two letters survives outside tokens.
    for (const t of texts(r.html)) expect(t.replace(/\{[^}]*\}/g, '').replace(/\\./g, '')).not.toMatch(/[b-z]|[B-KM-Z]|[a-z]{2}/);
  });

  it('reduces contact values to categories with equality classes (order details)', () => {
    loadFixture('portal/orders-details-parcel.html');
    const r = report('portal/orders-details-parcel.html');
    const json = JSON.stringify(r);
    expect(json).toContain('{email:relay 2}');
    expect(json).toContain('{=mailto:}{email:relay 2}');
    expect(json).toContain('{email:other 1}');
    expect(json).toContain('{action:contact-customer}');
    expect(json).toContain('{label:invoice-address}');
    expect(r.counts.emails).toBe(3);
    expect(json).not.toMatch(/pq3m7k2x9a|customer\.otto\.market|example\.net/i);
  });

  const fixtures = readdirSync(`${FIXTURES}/portal`).filter((f) => f.endsWith('.html'));
  it.each(fixtures)('contains none of the texts and values of %s (markup as loaded, scripts not run)', (file) => {
    loadFixture(`portal/${file}`);
    const needles = collectNeedles(document);
    expect(needles.values.length).toBeGreaterThan(0);
    expect(leaksIn(report(`portal/${file}`), needles)).toEqual([]);
  });

  it('finds a leak when a value is not shaped (the check itself works)', () => {
    loadFixture('portal/orders-details-parcel.html');
    const needles = collectNeedles(document);
    const r = report('portal/orders-details-parcel.html');
    const relay = 'k7f3q9x2@customer.otto.market';
    expect(JSON.stringify(needles)).toContain(relay);
    expect(leaksIn(r, needles)).toEqual([]);
    const planted = (from: string, to: string) => JSON.parse(JSON.stringify(r).replace(from, to)) as StructureReport;
    expect(leaksIn(planted('{email:relay 2}', relay), needles)).toContain(relay);
    expect(leaksIn(planted('Aa4 Aa11', 'Aa4 Beispielfrau'), needles)).toEqual(['Beispielfrau']);
  });
});

describe('shadow roots, own hosts, limits', () => {
  it('walks open shadow roots and marks our own hosts without entering them', () => {
    document.body.innerHTML = '<main><b2b-list></b2b-list><lga-deeplink data-status="restricted"></lga-deeplink><lga-checklist>Seitentext</lga-checklist></main>';
    const list = document.querySelector('b2b-list')!;
    list.attachShadow({ mode: 'open' }).innerHTML = '<div role="row"><a href="https://www.otto.de/p/x-1/">Gartenstuhl</a></div>';
    const own = document.querySelector('lga-deeplink')!;
    own.attachShadow({ mode: 'open' }).innerHTML = '<a class="open" href="https://www.otto.de/p/x-1/">Auf otto.de öffnen</a>';
    ownHosts.add(own);
    const r = report('x');
    const all = elements(r.html);
    const host = all.find((e) => e.tag === 'b2b-list')!;
    expect(host.shadow).toEqual([{ tag: 'div', attrs: { role: 'row' }, children: [{ tag: 'a', attrs: { href: '{link:1}{=https:}//{=www.otto.de}/{=p}/{masked}' }, children: ['Aa10'] }] }]);
    const ours = all.find((e) => e.tag === 'lga-deeplink')!;
    expect(ours).toEqual({ tag: 'lga-deeplink', own: true });
    expect(r.counts).toMatchObject({ ownHosts: 1, shadowRoots: 1 });
    expect(JSON.stringify(r)).not.toContain('class');
    // A page element that merely uses our tag name is the page's: walked like any other.
    expect(all.find((e) => e.tag === 'lga-checklist')).toEqual({ tag: 'lga-checklist', children: ['Aa9'] });
  });

  it('stops at the node and depth limits and says so', () => {
    document.body.innerHTML = `<ul>${'<li>Eintrag</li>'.repeat(50)}</ul><div><div><div><div><p>tief</p></div></div></div></div>`;
    const r = report('x', { maxNodes: 30 });
    expect(r.cut.nodes).toBe(true);
    expect(r.limits.maxNodes).toBe(30);
    const ul = elements(r.html).find((e) => e.tag === 'ul')!;
    const cut = ul.children!.at(-1) as { cut: number };
    expect(cut.cut).toBeGreaterThan(0);
    expect(ul.children!.length - 1 + cut.cut).toBe(50);
    expect(r.counts.elements + r.counts.texts).toBeLessThanOrEqual(30);

    const deep = report('x', { maxDepth: 4 });
    expect(deep.cut).toEqual({ nodes: false, depth: true });
    expect(elements(deep.html).some((e) => e.depthCut)).toBe(true);
    expect(elements(deep.html).some((e) => e.tag === 'p')).toBe(false);
    const full: StructureReport = report('x');
    expect(full.cut).toEqual({ nodes: false, depth: false });
  });
});
