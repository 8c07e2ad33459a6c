// @vitest-environment-options {"url": "https://portal.otto.market/orders#/list"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRunner } from '../../lib/features/runner';
import type { FeatureInit, FeatureSpec } from '../../lib/features/types';
import { mountUi } from '../../lib/ui/mount';
import { defaultSettings } from '../../lib/settings/defaults';
import { fakeStore } from '../support/fake-store';
import { fakeSend } from '../support/fake-send';


/** A short fixed wait, kept only where a test proves that something does NOT happen. */
const frame = () => new Promise((r) => setTimeout(r, 30));

let stop: AbortController;
beforeEach(() => {
  stop = new AbortController();
  document.body.innerHTML = '<header><a href="/oauth2/sign_out">Abmelden</a></header><main id="app"></main>';
  history.replaceState(null, '', 'https://portal.otto.market/orders#/list');
});
afterEach(() => stop.abort());

const send = fakeSend(() => ({ ok: true }));

function run(features: FeatureSpec[], inits: Record<string, FeatureInit>, store = fakeStore()) {
  return startRunner({
    features,
    store,
    send,
    signal: stop.signal,
    loadInit: async (id) => inits[id],
    anchorTimeout: 200,
    pollInterval: 50,
    log: () => undefined,
  });
}

describe('feature runner', () => {
  it('re-runs on hash-only navigation and aborts the feature when leaving its page', async () => {
    const seen: Array<{ page: string; signal: AbortSignal }> = [];
    const details: FeatureSpec = { id: 'contact', pages: ['opc-order-details'], anchors: [] };
    run([details], { contact: ({ page, signal }) => void seen.push({ page, signal }) });
    expect(seen).toHaveLength(0);

    location.hash = '#/details/abc1234567/articles';
    await vi.waitFor(() => expect(seen.length).toBe(1), { timeout: 2000 });
    expect(seen[0]!.page).toBe('opc-order-details');
    expect(seen[0]!.signal.aborted).toBe(false);

    location.hash = '#/list';
    await vi.waitFor(() => expect(seen[0]!.signal.aborted).toBe(true), { timeout: 2000 });

    location.hash = '#/details/zzz9876543/articles';
    await vi.waitFor(() => expect(seen.length).toBe(2), { timeout: 2000 });
    expect(seen[1]!.signal.aborted).toBe(false);
  });

  it('one UI after two runs on the same anchor', async () => {
    const spec: FeatureSpec = { id: 'checklist', pages: ['opc-order-list', 'opc-order-details'], anchors: [] };
    const init: FeatureInit = ({ signal }) => {
      const anchor = document.getElementById('app')!;
      mountUi({ tag: 'lga-checklist', anchor, placement: 'prepend', signal }).render('x');
      // A second mount in the same run is a no-op too.
      mountUi({ tag: 'lga-checklist', anchor, placement: 'prepend', signal }).render('y');
    };
    run([spec], { checklist: init });
    await vi.waitFor(() => expect(document.querySelectorAll('lga-checklist').length).toBe(1), { timeout: 2000 });
    location.hash = '#/details/abc1234567/articles';
    await frame();
    await frame();
    expect(document.querySelectorAll('lga-checklist')).toHaveLength(1);
  });

  it('waits for late anchors, reports them missing meanwhile, and runs when they appear', async () => {
    const init = vi.fn();
    const runner = run([{ id: 'deeplinks', pages: ['opc-order-list'], anchors: ['productList'] }], { deeplinks: init });
    await vi.waitFor(() => expect(runner.diagnostics().features.deeplinks?.status).toBe('missing-anchors'), { timeout: 3000 });
    expect(runner.diagnostics().features.deeplinks?.anchors).toEqual({ productList: 'missing' });
    expect(init).not.toHaveBeenCalled();

    const table = document.createElement('table');
    table.setAttribute('aria-label', 'Produktliste');
    document.getElementById('app')!.append(table);
    await vi.waitFor(() => expect(init.mock.calls.length).toBe(1), { timeout: 3000 });
    expect(runner.diagnostics().features.deeplinks).toMatchObject({ status: 'running', anchors: { productList: 'found' } });
    expect(init.mock.calls[0]![0].anchors.productList).toBe(table);
  });

  it('isolates a failing feature and records only the error class', async () => {
    const ok = vi.fn();
    const runner = run(
      [
        { id: 'contact', pages: ['opc-order-list'], anchors: [] },
        { id: 'autosteps', pages: ['opc-order-list'], anchors: ['portalLoggedIn'] },
      ],
      {
        contact: () => {
          throw new TypeError('buyer max@example.com broke it');
        },
        autosteps: ok,
      },
    );
    await vi.waitFor(
      () => {
        expect(ok.mock.calls.length).toBe(1);
        expect(runner.diagnostics().features.contact?.status).toBe('failed');
      },
      { timeout: 2000 },
    );
    expect(runner.diagnostics().features.contact).toMatchObject({ status: 'failed', error: 'TypeError' });
    expect(JSON.stringify(runner.diagnostics())).not.toContain('example.com');
    expect(runner.diagnostics().page).toBe('opc-order-list');
  });

  it('honours the on/off switch, also while running', async () => {
    const store = fakeStore({ settings: { ...defaultSettings(), features: { ...defaultSettings().features, contact: false } } });
    const init = vi.fn(({ signal }: { signal: AbortSignal }) => {
      mountUi({ tag: 'lga-contact-rules', anchor: document.getElementById('app')!, placement: 'append', signal }).render('rules');
    });
    const runner = run([{ id: 'contact', pages: ['opc-order-list'], anchors: [] }], { contact: init }, store);
    await frame();
    expect(init).not.toHaveBeenCalled();
    expect(runner.diagnostics().features.contact?.status).toBe('off');

    store.set({ settings: defaultSettings() });
    await vi.waitFor(() => expect(document.querySelectorAll('lga-contact-rules').length).toBe(1), { timeout: 2000 });
    store.set({ settings: { ...defaultSettings(), features: { ...defaultSettings().features, contact: false } } });
    await vi.waitFor(() => expect(document.querySelectorAll('lga-contact-rules').length).toBe(0), { timeout: 2000 });
    expect(runner.diagnostics().features.contact?.status).toBe('off');
  });

  it('removes everything when the extension context goes away', async () => {
    run([{ id: 'checklist', pages: ['opc-order-list'], anchors: [] }], {
      checklist: ({ signal }) => mountUi({ tag: 'lga-checklist', anchor: document.getElementById('app')!, placement: 'append', signal }).render('x'),
    });
    await vi.waitFor(() => expect(document.querySelectorAll('lga-checklist').length).toBe(1), { timeout: 2000 });
    stop.abort();
    expect(document.querySelectorAll('lga-checklist')).toHaveLength(0);
  });
});

describe('surviving page re-renders', () => {
  it('a host the page deletes is put back, 20 times in a row, and stays single', async () => {
    run([{ id: 'checklist', pages: ['opc-order-list'], anchors: ['portalLoggedIn'] }], {
      checklist: ({ signal, anchors }) =>
        mountUi({ tag: 'lga-checklist', anchor: anchors.portalLoggedIn!, placement: 'after', signal }).render('x'),
    });
    await vi.waitFor(() => expect(document.querySelectorAll('lga-checklist').length).toBe(1), { timeout: 2000 });
    for (let i = 0; i < 20; i++) {
      document.querySelector('lga-checklist')!.remove();
      await vi.waitFor(() => expect(document.querySelectorAll('lga-checklist').length).toBe(1), { timeout: 2000 });
    }
    expect(document.querySelectorAll('lga-checklist')).toHaveLength(1);
  });

  it('when the page replaces the anchor, the feature starts again on the new one', async () => {
    const init = vi.fn(({ signal, anchors }: Parameters<FeatureInit>[0]) => {
      mountUi({ tag: 'lga-checklist', anchor: anchors.productList!, placement: 'before', signal }).render('x');
    });
    document.getElementById('app')!.innerHTML = '<table aria-label="Produktliste"><tr><td>a</td></tr></table>';
    run([{ id: 'checklist', pages: ['opc-order-list'], anchors: ['productList'] }], { checklist: init });
    await vi.waitFor(() => expect(init.mock.calls.length).toBe(1), { timeout: 2000 });
    for (let i = 0; i < 20; i++) {
      // A framework re-render: the whole container's content is replaced.
      document.getElementById('app')!.innerHTML = `<table aria-label="Produktliste"><tr><td>${i}</td></tr></table>`;
      await vi.waitFor(() => expect(init.mock.calls.length).toBe(i + 2), { timeout: 2000 });
      await vi.waitFor(() => expect(document.querySelectorAll('lga-checklist').length).toBe(1), { timeout: 2000 });
    }
    expect(init.mock.calls.at(-1)![0].anchors.productList).toBe(document.querySelector('table'));
    expect(document.querySelectorAll('lga-checklist')).toHaveLength(1);
  });
});
