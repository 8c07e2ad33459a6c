import { beforeEach, describe, expect, it } from 'vitest';
import { findProductList, productRowsOf } from '../../lib/otto/products/list';
import { hueStatus, statusFromText, statusOf } from '../../lib/otto/products/status';
import { parseStock, rowStock, stockColumnOf } from '../../lib/otto/products/stock';
import { readProductPage } from '../../lib/otto/products/page';
import { rowStatus } from '../../lib/otto/products/row-status';
import { shopLinkOf } from '../../lib/otto/products/row-link';
import { summarizeList } from '../../lib/otto/products/summary';
import { findAllAnchors } from '../../lib/otto/anchors';
import { mountUi } from '../../lib/ui/mount';
import { loadFixture } from '../support/load-fixture';

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('product status from badges', () => {
  it('reads German and English wording', () => {
    expect(statusFromText('Sichtbarkeit eingeschränkt')).toBe('restricted');
    expect(statusFromText('Visibility restricted')).toBe('restricted');
    expect(statusFromText('nicht sichtbar')).toBe('restricted');
    expect(statusFromText('Online')).toBe('online');
    expect(statusFromText('Sichtbar')).toBe('online');
    expect(statusFromText('In Prüfung')).toBe('pending');
    expect(statusFromText('Pending')).toBe('pending');
    expect(statusFromText('Abgelehnt')).toBe('rejected');
    expect(statusFromText('Rejected')).toBe('rejected');
    expect(statusFromText('inaktiv')).toBe('unknown');
    expect(statusFromText('Inactive')).toBe('unknown');
    expect(statusFromText('')).toBe('unknown');
  });

  it('uses the API value, then the wording, then the colour modifier', () => {
    const badge = (cls: string, text: string, attrs = '') => {
      document.body.innerHTML = `<span class="${cls}" ${attrs}>${text}</span>`;
      return document.body.firstElementChild!;
    };
    expect(statusOf(badge('obc_label obc_label--warning', ''))).toBe('restricted');
    expect(statusOf(badge('obc_label obc_label--success', ''))).toBe('online');
    expect(statusOf(badge('obc_label obc_label--warning', 'Online'))).toBe('online');
    expect(statusOf(badge('obc_label', '', 'data-status="REJECTED"'))).toBe('rejected');
    expect(statusOf(badge('obc_label', 'irgendwas'))).toBe('unknown');
    expect(statusOf(badge('obc_label', '', 'title="Sichtbarkeit eingeschränkt"'))).toBe('restricted');
    expect(statusOf(null)).toBe('unknown');
  });
});

describe('stock numbers', () => {
  it('parses pieces and refuses text without a number', () => {
    expect(parseStock('12')).toBe(12);
    expect(parseStock('0')).toBe(0);
    expect(parseStock('1.234 Stk.')).toBe(1234);
    expect(parseStock('1,250')).toBe(1250);
    expect(parseStock('—')).toBeNull();
    expect(parseStock('')).toBeNull();
  });
});

describe('light-DOM overview (German, no stock column)', () => {
  beforeEach(() => loadFixture('portal/products-overview.html'));

  it('finds every row with its otto.de link and status', () => {
    const list = findProductList()!;
    // The list is the nearest container of the product items (the rows): the table body.
    expect(list.tagName).toBe('TBODY');
    const rows = productRowsOf(list);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => shopLinkOf(r)?.url)).toEqual([
      'https://www.otto.de/p/gartenstuhl-aus-teak-1234567890/#variationId=1234567891',
      'https://www.otto.de/p/?moin=M1A2B3C4D5',
      'https://www.otto.de/p/lounge-set-5-tlg-2222222222/',
    ]);
    expect(rows.map(rowStatus)).toEqual(['restricted', 'restricted', 'restricted']);
    // Product names are read as text: markup in a name stays text.
    expect(shopLinkOf(rows[1]!)?.name).toContain('<img src=x');
  });

  it('shows no stock: the price column is not mistaken for it', () => {
    const list = findProductList()!;
    expect(stockColumnOf(list)).toBe(-1);
    expect(summarizeList(list)).toEqual({ rows: 3, withStock: null, online: 0 });
  });

  it('keeps reading rows correctly once our controls sit inside them', () => {
    const list = findProductList()!;
    const ctl = new AbortController();
    for (const row of productRowsOf(list)) {
      mountUi({ tag: 'lga-deeplink', anchor: shopLinkOf(row)!.link, placement: 'after', signal: ctl.signal, attrs: { 'data-status': 'online' } });
    }
    const rows = productRowsOf(list);
    expect(rows).toHaveLength(3);
    expect(rows.map(rowStatus)).toEqual(['restricted', 'restricted', 'restricted']);
    ctl.abort();
  });
});

describe('a long list', () => {
  /** A light-DOM table of `n` product rows between two links that are no product links. */
  function bigTable(n: number) {
    const table = document.createElement('table');
    const body = table.createTBody();
    const edge = (href: string) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = 'Hilfe';
      body.insertRow().insertCell().append(a);
    };
    edge('https://www.otto.de/hilfe/');
    for (let i = 0; i < n; i++) {
      const a = document.createElement('a');
      a.href = `https://www.otto.de/p/produkt-${i}/`;
      a.textContent = `Produkt ${i}`;
      const tr = body.insertRow();
      tr.insertCell().append(a);
      tr.insertCell().textContent = 'Online';
    }
    edge('//evil.example/p/x/');
    document.body.append(table);
    return body;
  }

  it('is found from its first and last product link, without parsing every link', () => {
    const body = bigTable(300);
    const Real = globalThis.URL;
    let parses = 0;
    globalThis.URL = class extends Real {
      constructor(...args: ConstructorParameters<typeof URL>) {
        super(...args);
        parses++;
      }
    } as typeof URL;
    let list: Element | null;
    try {
      list = findProductList();
    } finally {
      globalThis.URL = Real;
    }
    expect(list).toBe(body);
    // The two edge links that are not products, the first and the last product link: a handful, not 300 (nor 2,000 on a big catalogue).
    expect(parses, 'URLs parsed to find the list').toBeLessThan(20);
    expect(productRowsOf(list!)).toHaveLength(300);
  });
});

describe('English overview with stock, colour-only badges and unsafe links', () => {
  beforeEach(() => loadFixture('portal/products-english.html'));

  it('reads statuses, stock and only safe shop links', () => {
    const list = findProductList()!;
    const rows = productRowsOf(list);
    // A lookalike host and a javascript: URL are no product links: their rows are no items.
    expect(rows).toHaveLength(5);
    expect(rows.map(rowStatus)).toEqual(['restricted', 'online', 'pending', 'rejected', 'restricted']);
    const col = stockColumnOf(list);
    expect(col).toBe(3);
    expect(rows.map((r) => rowStock(r, col))).toEqual([4, 1250, 0, 2, 9]);
    const urls = rows.map((r) => shopLinkOf(r)?.url ?? null);
    expect(urls.every((u) => u?.startsWith('https://www.otto.de/p/'))).toBe(true);
    expect(summarizeList(list)).toEqual({ rows: 5, withStock: 4, online: 1 });
  });
});

describe('product list inside an open shadow root (ARIA grid)', () => {
  it('finds the list host, rows, statuses and stock through the shadow root', () => {
    document.body.innerHTML = '<main><b2b-product-list class="hydrated"></b2b-product-list></main>';
    const host = document.querySelector('b2b-product-list')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `
      <div role="table" aria-label="Produkte">
        <div role="row"><div role="columnheader">Produkt</div><div role="columnheader">Status</div><div role="columnheader">Bestand</div></div>
        <div role="row"><div role="cell"><a class="obc_link" href="https://www.otto.de/p/a-1/">A</a></div><div role="cell"><span class="obc_label obc_label--warning">Sichtbarkeit eingeschränkt</span></div><div role="cell">7</div></div>
        <div role="row"><div role="cell"><a class="obc_link" href="https://www.otto.de/p/b-2/">B</a></div><div role="cell"><span class="obc_label obc_label--info">In Prüfung</span></div><div role="cell">0</div></div>
      </div>`;
    const list = findProductList()!;
    // The table inside the shadow root is found first (preferred selector), or the host itself.
    expect(['B2B-PRODUCT-LIST', 'DIV']).toContain(list.tagName);
    const rows = productRowsOf(host);
    expect(rows).toHaveLength(2);
    expect(rows.map(rowStatus)).toEqual(['restricted', 'pending']);
    expect(stockColumnOf(host)).toBe(2);
    expect(summarizeList(host)).toEqual({ rows: 2, withStock: 1, online: 0 });
  });
});

describe('product page and order list', () => {
  it('finds the title, the /p/ link (not the header shop link) and the status', () => {
    loadFixture('portal/products-page.html');
    const page = readProductPage()!;
    expect(page.title.textContent).toBe('Gartenstuhl aus Teak');
    expect(page.url).toBe('https://www.otto.de/p/gartenstuhl-aus-teak-1234567890/#variationId=1234567891');
    expect(page.status).toBe('restricted');
  });

  it('counts orders in the order list and nothing in the header', () => {
    loadFixture('portal/orders-list-simple.html');
    expect(findAllAnchors('orderRows')).toHaveLength(1);
    loadFixture('portal/products-overview.html');
    expect(findAllAnchors('orderRows')).toHaveLength(0);
  });
});

describe('items by meaning, whatever holds them', () => {
  const card = (id: string, status: string, extra = '') =>
    `<div><a href="https://www.otto.de/p/artikel-${id}/"><img alt=""></a><h3><a href="https://www.otto.de/p/artikel-${id}/">Artikel ${id}</a></h3><span>${status}</span>${extra}</div>`;

  it('cards in a grid without roles or classes: one item per card, even with image and name both linking', () => {
    document.body.innerHTML = `<main><h1>Produkte</h1><section><div>${card('1', 'Sichtbarkeit eingeschränkt', '<p>Bestand: 12</p>')}${card('2', 'Online', '<p>Bestand: 0</p>')}${card('3', 'In Prüfung')}</div></section></main>`;
    const list = findProductList()!;
    const rows = productRowsOf(list);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.parentElement === list)).toBe(true);
    expect(rows.map(rowStatus)).toEqual(['restricted', 'online', 'pending']);
    expect(rows.map((r) => rowStock(r, stockColumnOf(list)))).toEqual([12, 0, null]);
    // The name link is the one the control goes after (the longest text), not the image link.
    expect(shopLinkOf(rows[0]!)?.name).toBe('Artikel 1');
    expect(summarizeList(list)).toEqual({ rows: 3, withStock: 1, online: 1 });
  });

  it('definition lists: status from an icon title, stock from a labelled term', () => {
    const li = (id: string, title: string, stock: string) =>
      `<li><a href="https://www.otto.de/p/?moin=M00000000${id}">Produkt ${id}</a><dl><dt>Status</dt><dd><svg role="img" aria-label="${title}"></svg></dd><dt>Verfügbarkeit</dt><dd>${stock}</dd><dt>SKU</dt><dd>SKU-${id}</dd></dl></li>`;
    document.body.innerHTML = `<main><ul>${li('1', 'Sichtbarkeit eingeschränkt', '3 Stück')}${li('2', 'Online', '0')}</ul></main>`;
    const list = findProductList()!;
    expect(list.tagName).toBe('UL');
    const rows = productRowsOf(list);
    expect(rows.map((r) => r.tagName)).toEqual(['LI', 'LI']);
    expect(rows.map(rowStatus)).toEqual(['restricted', 'online']);
    expect(rows.map((r) => rowStock(r, -1))).toEqual([3, 0]);
  });

  it('two variations of one product are two items; the same link twice is one', () => {
    const row = (v: string) => `<tr><td><a href="https://www.otto.de/p/stuhl-1/#variationId=${v}">Stuhl ${v}</a></td><td><a href="https://www.otto.de/p/stuhl-1/#variationId=${v}">Bild</a></td></tr>`;
    document.body.innerHTML = `<main><table><tbody>${row('11')}${row('12')}</tbody></table></main>`;
    const rows = productRowsOf(findProductList()!);
    expect(rows.map((r) => r.tagName)).toEqual(['TR', 'TR']);
  });

  it('a list of one product: its row is the item, not the whole page', () => {
    document.body.innerHTML = `<main><h1>Produkte</h1><table><tbody><tr><td><a href="https://www.otto.de/p/a-1/">A</a></td><td>Online</td></tr></tbody></table></main>`;
    const list = findProductList()!;
    expect(list.tagName).toBe('TBODY');
    expect(productRowsOf(list).map((r) => r.tagName)).toEqual(['TR']);
  });

  it('reads "Stock: 1,250" and "Bestand: 1.250" and a stock term followed by its value', () => {
    document.body.innerHTML = `<main><div>${card('1', 'Online', '<span>Stock: 1,250</span>')}${card('2', 'Online', '<span>Bestand: 1.250</span>')}${card('3', 'Online', '<span>Bestand</span><b>7</b>')}${card('4', 'Online', '<span>Verfügbarkeit: sofort</span>')}</div></main>`;
    const rows = productRowsOf(findProductList()!);
    expect(rows.map((r) => rowStock(r, -1))).toEqual([1250, 1250, 7, null]);
  });

  it('a product name that contains a status word does not decide the status', () => {
    document.body.innerHTML = `<main><div>${card('1', 'Sichtbarkeit eingeschränkt').replace('Artikel 1', 'Online-Router aktiv')}${card('2', '')}</div></main>`;
    const rows = productRowsOf(findProductList()!);
    expect(rows.map(rowStatus)).toEqual(['restricted', 'unknown']);
  });

  it('reads the status colour of a silent badge (amber, green, red), and nothing from grey', () => {
    expect(hueStatus('rgb(255, 153, 0)')).toBe('restricted');
    expect(hueStatus('rgb(51, 170, 51)')).toBe('online');
    expect(hueStatus('rgb(204, 0, 0)')).toBe('rejected');
    expect(hueStatus('rgb(221, 221, 221)')).toBe('unknown');
    expect(hueStatus('rgba(255, 153, 0, 0)')).toBe('unknown');
    expect(hueStatus('transparent')).toBe('unknown');
  });
});
