import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../lib/background/handlers';
import { decide, DEEPLINK_WINDOW_MS, JOURNEY_TTL_MS, SESSION_KEYS, type Journey } from '../../lib/companion/journey';
import { reduce } from '../../lib/onboarding/reducer';
import { defaultState } from '../../lib/onboarding/state';
import { KEYS } from '../../lib/storage/keys';

const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;
const popup = { id: fakeBrowser.runtime.id, url: `${EXT}/popup.html` };
const portal = { id: fakeBrowser.runtime.id, url: 'https://portal.otto.market/products/#productoverview', tab: { id: 7 } };
const shop = (tab = 9, url = 'https://www.otto.de/p/lga-testprodukt-S0LGA001/') => ({ id: fakeBrowser.runtime.id, url, tab: { id: tab } });
const facts = (f: Partial<{ product: boolean; loggedIn: boolean; confirmation: boolean }>) => ({ type: 'companion/page' as const, product: false, loggedIn: false, confirmation: false, ...f });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored values are inspected freely
const steps = async (): Promise<any> => ((await fakeBrowser.storage.local.get(KEYS.onboarding)) as any)[KEYS.onboarding]?.steps ?? {};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake browser types `contains` loosely
const granted = (yes: boolean) => vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(yes as any);

beforeEach(() => fakeBrowser.reset());

describe('journey decisions (pure)', () => {
  const now = 1_000_000_000;
  const journey = (j: Partial<Journey> = {}): Journey => ({ at: now - 1000, tab: 9, dismissed: false, ...j });
  const f = (p: Partial<{ product: boolean; loggedIn: boolean; confirmation: boolean }>) => ({ product: false, loggedIn: false, confirmation: false, ...p });

  it('a product page soon after a deeplink click starts the journey, confirms deeplink-opened and shows the guide', () => {
    const d = decide(f({ product: true }), now - 1000, null, 9, now);
    expect(d).toEqual({ evidence: ['otto-product-page'], journey: { at: now, tab: 9, dismissed: false }, consumeClick: true, guide: true });
  });
  it('without a recent click a product page is just a product page', () => {
    expect(decide(f({ product: true }), null, null, 9, now)).toEqual({ evidence: [], journey: undefined, consumeClick: false, guide: false });
    expect(decide(f({ product: true }), now - DEEPLINK_WINDOW_MS - 1, null, 9, now).guide).toBe(false);
  });
  it('the journey’s own tab keeps the guide until it is closed; another tab does not get it', () => {
    expect(decide(f({ product: true }), null, journey(), 9, now).guide).toBe(true);
    expect(decide(f({ product: true }), null, journey({ dismissed: true }), 9, now).guide).toBe(false);
    expect(decide(f({ product: true }), null, journey(), 10, now).guide).toBe(false);
  });
  it('a confirmation counts only within a fresh journey; logged in counts anywhere', () => {
    expect(decide(f({ confirmation: true, loggedIn: true }), null, journey(), 3, now).evidence).toEqual(['otto-customer-logged-in', 'otto-order-confirmed']);
    expect(decide(f({ confirmation: true }), null, null, 3, now).evidence).toEqual([]);
    expect(decide(f({ confirmation: true }), null, journey({ at: now - JOURNEY_TTL_MS - 1 }), 3, now).evidence).toEqual([]);
    // A click alone (no product page seen) is no journey.
    expect(decide(f({ confirmation: true }), now - 10, null, 3, now).evidence).toEqual([]);
  });
});

describe('confirming evidence (reducer)', () => {
  it('the product page replaces the click’s evidence of deeplink-opened, keeps manual ticks', () => {
    const clicked = reduce(defaultState(), { type: 'evidence', code: 'deeplink-control' }, 100);
    const confirmed = reduce(clicked, { type: 'evidence', code: 'otto-product-page' }, 200);
    expect(confirmed.steps['deeplink-opened']).toEqual({ done: true, how: 'auto', at: 100, evidence: { code: 'otto-product-page' } });
    const manual = reduce(defaultState(), { type: 'toggle', step: 'deeplink-opened', done: true }, 100);
    expect(reduce(manual, { type: 'evidence', code: 'otto-product-page' }, 200)).toBe(manual);
    // Other evidence never overwrites.
    expect(reduce(confirmed, { type: 'evidence', code: 'deeplink-portal-link' }, 300)).toBe(confirmed);
  });
});

describe('companion messages (background)', () => {
  it('only the otto.de script may report page facts; page evidence messages cannot carry companion codes', async () => {
    expect(await handleMessage(facts({ loggedIn: true }), portal)).toEqual({ ok: false, error: 'forbidden' });
    expect(await handleMessage(facts({ loggedIn: true }), popup)).toEqual({ ok: false, error: 'forbidden' });
    expect(await handleMessage({ type: 'evidence', code: 'otto-order-confirmed' }, portal)).toEqual({ ok: false, error: 'invalid' });
    expect(await handleMessage({ type: 'evidence', code: 'portal-seen' }, shop())).toEqual({ ok: false, error: 'forbidden' });
    expect(await handleMessage({ type: 'toggle', step: 'live', done: true }, shop())).toEqual({ ok: false, error: 'forbidden' });
    expect(await handleMessage(facts({ loggedIn: true }), shop(9, 'https://www.otto.de.evil.example/'))).toEqual({ ok: false, error: 'forbidden' });
    // Page text never fits the message: extra fields are refused.
    expect(await handleMessage({ ...facts({ confirmation: true }), orderNumber: 'LGAORD4711X' }, shop())).toEqual({ ok: false, error: 'invalid' });
    expect(await steps()).toEqual({});
  });

  it('the walk: deeplink click → product page → logged in → confirmation ticks the three steps with their evidence', async () => {
    granted(true);
    expect(await handleMessage({ type: 'companion/deeplink' }, portal)).toEqual({ ok: true });
    expect(await handleMessage(facts({ product: true }), shop(9))).toEqual({ ok: true, data: { guide: true, lang: 'auto' } });
    // The click is used up: a product page in another tab is no deeplinked page.
    expect(await handleMessage(facts({ product: true }), shop(10))).toMatchObject({ data: { guide: false } });
    await handleMessage(facts({ loggedIn: true }), shop(9, 'https://www.otto.de/mein-konto/'));
    await handleMessage(facts({ loggedIn: true, confirmation: true }), shop(9, 'https://www.otto.de/order/confirmation'));
    const s = await steps();
    expect(s['deeplink-opened']).toMatchObject({ done: true, how: 'auto', evidence: { code: 'otto-product-page' } });
    expect(s['customer-account']).toMatchObject({ done: true, how: 'auto', evidence: { code: 'otto-customer-logged-in' } });
    expect(s['test-order']).toMatchObject({ done: true, how: 'auto', evidence: { code: 'otto-order-confirmed' } });
  });

  it('without the permission a click is not kept, and a confirmation without a deeplinked product ticks nothing', async () => {
    granted(false);
    await handleMessage({ type: 'companion/deeplink' }, portal);
    expect(await fakeBrowser.storage.session.get(SESSION_KEYS.deeplink)).toEqual({});
    await handleMessage(facts({ product: true }), shop(9));
    await handleMessage(facts({ confirmation: true }), shop(9, 'https://www.otto.de/order/confirmation'));
    expect(await steps()).toEqual({});
  });

  it('closing the guide keeps it closed for the journey', async () => {
    granted(true);
    await handleMessage({ type: 'companion/deeplink' }, portal);
    await handleMessage(facts({ product: true }), shop(9));
    expect(await handleMessage({ type: 'companion/guide-dismiss' }, shop(9))).toEqual({ ok: true });
    expect(await handleMessage(facts({ product: true }), shop(9))).toMatchObject({ data: { guide: false } });
  });
});
