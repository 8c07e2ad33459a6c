import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchRows } from '../../lib/otto/item-watch/watch';
import { shopLinkOf } from '../../lib/otto/products/row-link';
import { ownHosts } from '../../lib/otto/query';
import { loadFixture } from '../support/load-fixture';
import { frameAndTask } from '../support/frames';

/**
 * The shared row watcher in happy-dom (no layout: every row counts as in view). It must hand
 * each product row to its features once, again only when the row changes, never loop on our
 * own hosts, and follow re-renders, sorting, recycling and removal.
 */
let ctl: AbortController;
beforeEach(() => {
  ctl = new AbortController();
  loadFixture('portal/products-overview.html');
});
afterEach(() => ctl.abort());

const list = () => document.querySelector('table')!;
const tbody = () => list().querySelector('tbody')!;
const trs = () => Array.from(tbody().querySelectorAll('tr'));

function row(name: string, href: string): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const a = document.createElement('a');
  a.className = 'obc_link';
  a.href = href;
  a.textContent = name;
  tr.insertCell().append(a);
  const badge = document.createElement('span');
  badge.className = 'obc_label obc_label--warning';
  badge.textContent = 'Sichtbarkeit eingeschränkt';
  tr.insertCell().append(badge);
  return tr;
}

/** A feature that puts one marker host after each row's link, like the deeplinks feature. */
function markerFeature() {
  const calls: string[] = [];
  const marks = new Map<Element, HTMLElement>();
  const decorate = (r: Element) => {
    const info = shopLinkOf(r);
    calls.push(info?.name ?? '(none)');
    if (!info) return;
    let m = marks.get(r);
    if (!m) {
      m = document.createElement('lga-deeplink');
      ownHosts.add(m);
      marks.set(r, m);
    }
    m.setAttribute('data-url', info.url);
    if (m.previousSibling !== info.link) info.link.after(m);
  };
  return { calls, decorate, marks };
}

describe('watchRows', () => {
  it('hands every product row over once, and our own hosts cause no second round', async () => {
    const f = markerFeature();
    const w = watchRows({ list: list(), signal: ctl.signal, decorate: f.decorate });
    w.flush();
    expect(f.calls).toHaveLength(3);
    w.flush();
    await new Promise((r) => setTimeout(r, 50));
    w.flush();
    expect(f.calls).toHaveLength(3);
    expect(document.querySelectorAll('lga-deeplink')).toHaveLength(3);
    expect(w.handled()).toBe(3);
  });

  it('follows a re-render with new row elements, an appended row and a sort', () => {
    const f = markerFeature();
    const w = watchRows({ list: list(), signal: ctl.signal, decorate: f.decorate });
    w.flush();
    tbody().replaceChildren(row('Neu A', 'https://www.otto.de/p/neu-a-1/'), row('Neu B', 'https://www.otto.de/p/neu-b-2/'));
    w.flush();
    tbody().append(row('Neu C', 'https://www.otto.de/p/neu-c-3/'));
    w.flush();
    for (const tr of trs().reverse()) tbody().append(tr);
    w.flush();
    const rows = trs();
    expect(rows.map((r) => r.querySelector('a')!.textContent)).toEqual(['Neu C', 'Neu B', 'Neu A']);
    for (const r of rows) {
      expect(r.querySelectorAll('lga-deeplink')).toHaveLength(1);
      expect(r.querySelector('lga-deeplink')!.getAttribute('data-url')).toBe(r.querySelector('a')!.href);
    }
  });

  it('reads a recycled row again when its link changes, and only that row', () => {
    const f = markerFeature();
    const w = watchRows({ list: list(), signal: ctl.signal, decorate: f.decorate });
    w.flush();
    f.calls.length = 0;
    const a = trs()[1]!.querySelector('a')!;
    a.href = 'https://www.otto.de/p/anderes-produkt-9/';
    a.textContent = 'Anderes Produkt';
    w.flush();
    expect(f.calls).toEqual(['Anderes Produkt']);
    expect(trs()[1]!.querySelector('lga-deeplink')!.getAttribute('data-url')).toBe('https://www.otto.de/p/anderes-produkt-9/');
  });

  it('tells features when rows are gone, and shares one watcher between features', () => {
    const f = markerFeature();
    const reads: Element[] = [];
    let sweeps = 0;
    const w1 = watchRows({ list: list(), signal: ctl.signal, decorate: f.decorate, sweep: () => sweeps++ });
    const w2 = watchRows({ list: list(), signal: ctl.signal, decorate: (r) => reads.push(r) });
    w1.flush();
    expect(reads).toHaveLength(3);
    trs()[0]!.remove();
    w2.flush();
    expect(sweeps).toBe(1);
    tbody().append(row('Neu', 'https://www.otto.de/p/neu-5/'));
    w1.flush();
    expect(reads).toHaveLength(4);
    expect(f.calls.filter((c) => c === 'Neu')).toHaveLength(1);
  });

  it('a list in a shadow root: the first look waits a frame when the page changed the list after our frame (painted-read.ts)', async () => {
    const app = document.createElement('div');
    document.body.append(app);
    const shadow = app.attachShadow({ mode: 'open' });
    shadow.append(list());
    const inShadow = shadow.querySelector('table')!;
    const f = markerFeature();
    watchRows({ list: inShadow, signal: ctl.signal, decorate: f.decorate });
    // The page's own frame callback, after ours: it changes a row inside the shadow root.
    requestAnimationFrame(() => inShadow.querySelector('td')!.append(' (geändert)'));
    await frameAndTask();
    await Promise.resolve();
    expect(f.calls, 'read the rows although the page had just changed them').toHaveLength(0);
    for (let i = 0; i < 3 && f.calls.length === 0; i++) await frameAndTask();
    expect(f.calls).toHaveLength(3);
  });

  it('stops after abort', () => {
    const f = markerFeature();
    const w = watchRows({ list: list(), signal: ctl.signal, decorate: f.decorate });
    w.flush();
    ctl.abort();
    f.calls.length = 0;
    tbody().append(row('Später', 'https://www.otto.de/p/spaeter-6/'));
    w.flush();
    expect(f.calls).toEqual([]);
  });
});

describe('row order (lib/otto/item-watch/order.ts)', () => {
  it('follows removals in one pass and places new rows next to known ones, without reading the list again', async () => {
    const { rowOrder } = await import('../../lib/otto/item-watch/order');
    let reads = 0;
    const order = rowOrder(() => {
      reads++;
      return trs();
    });
    const [a, b, c] = order.rows();
    expect(reads).toBe(1);
    b!.remove();
    order.prune();
    expect(order.rows()).toEqual([a, c]);
    const fresh = row('Neu', 'https://www.otto.de/p/neu-1/');
    a!.after(fresh);
    order.place(fresh);
    expect(order.rows()).toEqual([a, fresh, c]);
    expect(reads, 'the list was read again').toBe(1);
    order.invalidate();
    order.prune();
    expect(order.rows()).toEqual(trs());
    expect(reads).toBe(2);
  });
});
