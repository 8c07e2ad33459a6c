import { beforeEach, describe, expect, it } from 'vitest';
import {
  findProductList,
  parseStock,
  productRowsOf,
  readProductPage,
  rowStatus,
  rowStock,
  shopLinkOf,
  statusFromText,
  statusOf,
  stockColumnOf,
  summarizeList,
} from '../../lib/otto/products';
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
    expect(list.tagName).toBe('TABLE');
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

describe('English overview with stock, colour-only badges and unsafe links', () => {
  beforeEach(() => loadFixture('portal/products-english.html'));

  it('reads statuses, stock and only safe shop links', () => {
    const list = findProductList()!;
    const rows = productRowsOf(list);
    expect(rows).toHaveLength(7);
    expect(rows.map(rowStatus)).toEqual(['restricted', 'online', 'pending', 'rejected', 'restricted', 'online', 'online']);
    const col = stockColumnOf(list);
    expect(col).toBe(3);
    expect(rows.map((r) => rowStock(r, col))).toEqual([4, 1250, 0, 2, 9, 3, 3]);
    const urls = rows.map((r) => shopLinkOf(r)?.url ?? null);
    expect(urls.slice(0, 5).every((u) => u?.startsWith('https://www.otto.de/p/'))).toBe(true);
    // A lookalike host and a javascript: URL give no link at all.
    expect(urls.slice(5)).toEqual([null, null]);
    expect(summarizeList(list)).toEqual({ rows: 7, withStock: 6, online: 3 });
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
