import { beforeEach, describe, expect, it } from 'vitest';
import { deepQueryAll, deepQuery, ownHosts } from '../../lib/otto/query';
import { findAnchor, waitForAnchor } from '../../lib/otto/anchors';
import { mountUi } from '../../lib/ui/mount';

import { loadFixture } from '../support/load-fixture';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('shadow-piercing queries', () => {
  it('finds elements in light DOM and in nested open shadow roots, in document order', () => {
    document.body.innerHTML = '<a class="p" id="one"></a><b2b-list></b2b-list>';
    const outer = document.querySelector('b2b-list')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<a class="p" id="two"></a><b2b-row></b2b-row>';
    const inner = outer.querySelector('b2b-row')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<a class="p" id="three"></a>';
    expect(deepQueryAll(document, 'a.p').map((a) => a.id)).toEqual(['one', 'two', 'three']);
    expect(deepQuery(document, '#three')?.id).toBe('three');
  });

  it('never returns our own UI, even when the page uses our tag names', () => {
    document.body.innerHTML = '<div id="a"></div><lga-deeplink data-status="online" id="page-made"></lga-deeplink>';
    const ctl = new AbortController();
    const ui = mountUi({ tag: 'lga-deeplink', anchor: document.getElementById('a')!, placement: 'after', signal: ctl.signal, attrs: { 'data-status': 'restricted' } });
    ui.render('x');
    expect(ownHosts.has(ui.host)).toBe(true);
    const found = deepQueryAll(document, '[data-status]');
    expect(found.map((e) => e.id)).toEqual(['page-made']);
    ctl.abort();
    expect(ui.host.isConnected).toBe(false);
    expect(document.getElementById('page-made')).not.toBeNull();
  });
});

describe('selector table against the committed fixture', () => {
  it('finds the logged-in marker and the product list with the preferred selectors', () => {
    loadFixture('portal/products-overview.html');
    expect(findAnchor('portalLoggedIn')?.fallback).toBe(0);
    const list = findAnchor('productList');
    expect(list?.element.tagName).toBe('TABLE');
  });

  it('waitForAnchor resolves when the element appears late and null on timeout', async () => {
    const ctl = new AbortController();
    const late = waitForAnchor('productList', { signal: ctl.signal, timeout: 2000 });
    setTimeout(() => {
      const t = document.createElement('table');
      t.setAttribute('aria-label', 'Produktliste');
      document.body.append(t);
    }, 50);
    expect((await late)?.element.tagName).toBe('TABLE');
    document.body.innerHTML = '';
    expect(await waitForAnchor('productList', { signal: ctl.signal, timeout: 100 })).toBeNull();
  });

  it('finds anchors rendered later inside an open shadow root', async () => {
    const ctl = new AbortController();
    document.body.innerHTML = '<b2b-app></b2b-app>';
    const root = document.querySelector('b2b-app')!.attachShadow({ mode: 'open' });
    const found = waitForAnchor('portalLoggedIn', { signal: ctl.signal, timeout: 3000 });
    setTimeout(() => {
      root.innerHTML = '<a href="/oauth2/sign_out">Abmelden</a>';
    }, 50);
    expect((await found)?.element.getAttribute('href')).toBe('/oauth2/sign_out');
  });
});
