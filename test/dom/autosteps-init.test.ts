// @vitest-environment-options {"url": "https://portal.otto.market/products/#productoverview"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initAutosteps } from '../../lib/features/autosteps/init';
import type { FeatureContext } from '../../lib/features/types';
import type { Message } from '../../lib/messaging/protocol';
import { defaultState, type OnboardingState } from '../../lib/onboarding/state';
import type { StepId } from '../../lib/onboarding/steps';
import { featureContext } from '../support/feature-context';
import { fakeStore } from '../support/fake-store';
import { fakeSend } from '../support/fake-send';
import { loadFixture } from '../support/load-fixture';
import { frameAndTask } from '../support/frames';

/**
 * The automatic steps' `init` in the page (happy-dom: no layout, so a short list's rows all count
 * as seen), against committed fixtures: what it reports per page kind, in how many messages, and
 * that it reports nothing once the steps are proven. Expected counts are read from the fixtures
 * (test/fixtures/expected.ts says the same in words).
 */

let stop: AbortController;
let sent: Message[];
beforeEach(() => {
  stop = new AbortController();
  sent = [];
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});
afterEach(() => stop.abort());

/** State with `done` steps already proven. */
function stateWith(done: StepId[]): OnboardingState {
  const state = defaultState();
  for (const id of done) state.steps[id] = { ...state.steps[id], done: true };
  return state;
}

async function start(page: FeatureContext['page'], done: StepId[] = []): Promise<void> {
  await initAutosteps(
    featureContext({
      signal: stop.signal,
      page,
      store: fakeStore({ state: stateWith(done) }),
      send: fakeSend((m) => {
        sent.push(m);
        return { ok: true };
      }),
    }),
  );
}

/** Every piece of evidence sent, each message's `also` flattened into the list. */
function evidence(): Array<{ code: string; count?: number }> {
  return sent.flatMap((m) => (m.type === 'evidence' ? [{ code: m.code, ...(m.count === undefined ? {} : { count: m.count }) }, ...(m.also ?? [])] : []));
}

/** Lets several frames and tasks pass: more than the overview's first report needs (one frame, one task, one frame, one task). */
async function settle() {
  for (let i = 0; i < 6; i++) await frameAndTask();
}

describe('the overview (products-english.html: 5 products, 1 online, 4 with stock)', () => {
  it('a first visit proves "logged in", "products with stock" (4) and "online" (1), all three in one message', async () => {
    loadFixture('portal/products-english.html');
    void start('opc-product-overview');
    await vi.waitFor(() =>
      expect(evidence()).toEqual([
        { code: 'portal-seen' },
        { code: 'products-with-stock', count: 4 },
        { code: 'products-online', count: 1 },
      ]),
    );
    // "Logged in" waits for the list's first reading: one message, one write, one re-render.
    expect(sent).toEqual([{ type: 'evidence', code: 'portal-seen', also: [{ code: 'products-with-stock', count: 4 }, { code: 'products-online', count: 1 }] }]);
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('steps already proven are not reported again: logged in and stock proven leaves only "online"', async () => {
    loadFixture('portal/products-english.html');
    void start('opc-product-overview', ['registered', 'product-with-stock']);
    await vi.waitFor(() => expect(evidence()).toEqual([{ code: 'products-online', count: 1 }]));
    await settle();
    expect(evidence()).toEqual([{ code: 'products-online', count: 1 }]);
  });

  it('with every step proven it sends nothing and returns', async () => {
    loadFixture('portal/products-english.html');
    await start('opc-product-overview', ['registered', 'product-with-stock', 'live']);
    await settle();
    expect(sent).toEqual([]);
  });

  it('a list without stock information (products-overview.html: 3 restricted, no stock) proves neither step', async () => {
    loadFixture('portal/products-overview.html');
    void start('opc-product-overview', ['registered']);
    await settle();
    expect(sent).toEqual([]);
    // A row the page turns online later is seen (the rows stay watched until both steps are proven).
    const badge = Array.from(document.querySelectorAll('td, span')).find((el) => /eingeschr/i.test(el.textContent ?? '') && !el.children.length)!;
    badge.textContent = 'Online';
    await vi.waitFor(() => expect(evidence()).toEqual([{ code: 'products-online', count: 1 }]));
  });

  it('sends nothing once the feature is stopped before its first report', async () => {
    loadFixture('portal/products-english.html');
    void start('opc-product-overview');
    stop.abort();
    await settle();
    expect(sent).toEqual([]);
  });
});

/** Evidence a page kind's init sends on a fixture, with `done` proven before (and `prepare` applied to the page). */
async function evidenceOn(fixture: string, page: FeatureContext['page'], done: StepId[], prepare = () => {}) {
  loadFixture(fixture);
  prepare();
  await start(page, done);
  return evidence();
}

describe('the product page (products-page.html: restricted, "Bestand: 12")', () => {
  it('proves "product with stock" (count 1) and not "online"', async () => {
    expect(await evidenceOn('portal/products-page.html', 'opc-product-page', ['registered'])).toEqual([{ code: 'products-with-stock', count: 1 }]);
  });

  it('the same page once the product is online also proves "live" by its own code', async () => {
    const online = () => void (document.querySelector('.obc_label')!.textContent = 'Online');
    expect(await evidenceOn('portal/products-page.html', 'opc-product-page', [], online)).toEqual([
      { code: 'portal-seen' },
      { code: 'product-page-online', count: 1 },
      { code: 'products-with-stock', count: 1 },
    ]);
  });
});

describe('the order list (orders-list-simple.html: one order)', () => {
  it('proves "test order" with the number of orders while the account is not live', async () => {
    expect(await evidenceOn('portal/orders-list-simple.html', 'opc-order-list', ['registered'])).toEqual([{ code: 'orders-listed', count: 1 }]);
  });

  it('says nothing about orders once the account is live', async () => {
    expect(await evidenceOn('portal/orders-list-simple.html', 'opc-order-list', ['registered', 'live'])).toEqual([]);
  });
});

describe("the portal's own product links", () => {
  it("the merchant's click on one proves deeplink-opened and tells the companion; other links do not", async () => {
    document.body.innerHTML = '<a href="https://www.otto.de/p/gartenstuhl-aus-teak-1234567890/">Gartenstuhl</a><a href="https://www.otto.de/service/">Service</a>';
    await start('opc-other', ['registered']);
    const [product, service] = Array.from(document.querySelectorAll('a'));
    for (const a of [product!, service!]) a.addEventListener('click', (e) => e.preventDefault());
    service!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(sent).toEqual([]);
    product!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(sent).toEqual([{ type: 'companion/deeplink' }, { type: 'evidence', code: 'deeplink-portal-link' }]);
  });
});
