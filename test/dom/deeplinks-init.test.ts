import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initDeeplinks } from '../../lib/features/deeplinks/init';
import { featureContext } from '../support/feature-context';
import { fakeStore } from '../support/fake-store';

/**
 * The deeplinks feature in the page (happy-dom: no layout, every item counts as in view): one
 * control per product item whatever holds it, always linking the product the item shows now.
 */
let ctl: AbortController;
const sent: unknown[] = [];

function start() {
  ctl = new AbortController();
  void initDeeplinks(
    featureContext({
      signal: ctl.signal,
      page: 'opc-product-overview',
      url: new URL('https://portal.otto.market/products/#productoverview'),
      store: fakeStore(),
      send: async (m) => {
        sent.push(m);
        return { ok: true } as never;
      },
    }),
  );
}

const card = (id: string, status = 'Sichtbarkeit eingeschränkt') =>
  `<div><a href="https://www.otto.de/p/artikel-${id}/"><img alt=""></a><h3><a href="https://www.otto.de/p/artikel-${id}/">Artikel ${id}</a></h3><span>${status}</span></div>`;

/** Per item (card) of the grid: the href of each control's link in it. */
function controlsPerCard(): string[][] {
  return Array.from(document.querySelectorAll('#grid > div')).map((c) =>
    Array.from(c.getElementsByTagName('lga-deeplink')).map((h) => h.shadowRoot?.querySelector('a')?.getAttribute('href') ?? 'EMPTY'),
  );
}

beforeEach(() => {
  document.body.innerHTML = `<main><h1>Produkte</h1><div id="grid">${card('1')}${card('2', 'Online')}${card('3')}</div></main>`;
});
afterEach(() => {
  ctl.abort();
  sent.length = 0;
});

describe('deeplink controls on items of any shape', () => {
  it('cards without table or roles: one control per card, after the name (not the image), with its status', async () => {
    start();
    await vi.waitFor(() => expect(controlsPerCard()).toEqual([['https://www.otto.de/p/artikel-1/'], ['https://www.otto.de/p/artikel-2/'], ['https://www.otto.de/p/artikel-3/']]));
    const hosts = Array.from(document.getElementsByTagName('lga-deeplink'));
    expect(hosts.map((h) => h.previousElementSibling?.textContent)).toEqual(['Artikel 1', 'Artikel 2', 'Artikel 3']);
    expect(hosts.map((h) => h.getAttribute('data-status'))).toEqual(['restricted', 'online', 'restricted']);
  });

  it('a recycled card (same element, another product) gets the new link, never the stale one, never two', async () => {
    start();
    await vi.waitFor(() => expect(controlsPerCard().flat()).toHaveLength(3));
    const first = document.querySelector('#grid > div')!;
    for (const a of Array.from(first.querySelectorAll('a'))) a.setAttribute('href', 'https://www.otto.de/p/artikel-99/');
    first.querySelector('h3 a')!.textContent = 'Artikel 99';
    await vi.waitFor(() => expect(controlsPerCard()[0]).toEqual(['https://www.otto.de/p/artikel-99/']));
    // Recycled again by replacing the card's content with another product's markup.
    first.innerHTML = card('42').replace(/^<div>|<\/div>$/g, '');
    await vi.waitFor(() => expect(controlsPerCard()[0]).toEqual(['https://www.otto.de/p/artikel-42/']));
    expect(controlsPerCard().map((c) => c.length)).toEqual([1, 1, 1]);
  });

  it('a card the page clones with cloneNode(true) carries no empty copy of our control', async () => {
    start();
    await vi.waitFor(() => expect(controlsPerCard().flat()).toHaveLength(3));
    const grid = document.getElementById('grid')!;
    const clone = grid.firstElementChild!.cloneNode(true) as Element;
    for (const a of Array.from(clone.querySelectorAll('a'))) a.setAttribute('href', 'https://www.otto.de/p/artikel-7/');
    grid.append(clone);
    await vi.waitFor(() => expect(controlsPerCard()).toEqual([
      ['https://www.otto.de/p/artikel-1/'],
      ['https://www.otto.de/p/artikel-2/'],
      ['https://www.otto.de/p/artikel-3/'],
      ['https://www.otto.de/p/artikel-7/'],
    ]));
  });

  it('a clone of a decorated card put far from the handled ones (not decorated itself) keeps no copy of our control either', async () => {
    // No layout here: of a long list the items of the first 40 links (20 cards: image and name) are handled at start.
    document.getElementById('grid')!.innerHTML = Array.from({ length: 60 }, (_, i) => card(String(i + 1))).join('');
    start();
    await vi.waitFor(() => expect(controlsPerCard().flat()).toHaveLength(20));
    const grid = document.getElementById('grid')!;
    const clone = grid.firstElementChild!.cloneNode(true) as Element;
    for (const a of Array.from(clone.querySelectorAll('a'))) a.setAttribute('href', 'https://www.otto.de/p/artikel-77/');
    expect(clone.getElementsByTagName('lga-deeplink')).toHaveLength(1);
    grid.append(clone);
    await vi.waitFor(() => expect(clone.getElementsByTagName('lga-deeplink')).toHaveLength(0));
    expect(controlsPerCard().flat()).not.toContain('EMPTY');
    expect(controlsPerCard().flat()).toHaveLength(20);
  });

  it('infinite scroll: cards appended later get their controls', async () => {
    start();
    await vi.waitFor(() => expect(controlsPerCard().flat()).toHaveLength(3));
    document.getElementById('grid')!.insertAdjacentHTML('beforeend', card('4') + card('5'));
    await vi.waitFor(() => expect(controlsPerCard().flat()).toHaveLength(5));
  });
});
