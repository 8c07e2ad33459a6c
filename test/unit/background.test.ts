import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, refresh, TICKET_REQUEST_TTL_MS } from '../../lib/background/handlers';
import { defaultState } from '../../lib/onboarding/state';
import { defaultSettings } from '../../lib/settings/defaults';
import { KEYS } from '../../lib/storage/keys';
import { MAX_MESSAGE_BYTES } from '../../lib/messaging/protocol';
import { MAX_ENTRIES } from '../../lib/background/quarantine';
import { STEP_IDS } from '../../lib/onboarding/steps';

const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;
const popup = { id: fakeBrowser.runtime.id, url: `${EXT}/popup.html` };
const content = { id: fakeBrowser.runtime.id, url: 'https://portal.otto.market/products/#productoverview', tab: { id: 7 } };
const helpContent = { id: fakeBrowser.runtime.id, url: 'https://account.otto.market/s/ticketanlegen', tab: { id: 8 } };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored values are inspected freely in assertions
const stored = async (key: string): Promise<any> => (await fakeBrowser.storage.local.get(key))[key];
const badge = () => fakeBrowser.action.getBadgeText({});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sender checks', () => {
  it.each([
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' }],
    ['a web page (no id)', { url: 'https://evil.example/' }],
    ['a lookalike host', { id: fakeBrowser.runtime.id, url: 'https://portal.otto.market.evil.example/', tab: { id: 1 } }],
    ['http OTTO page', { id: fakeBrowser.runtime.id, url: 'http://portal.otto.market/', tab: { id: 1 } }],
    ['no url', { id: fakeBrowser.runtime.id }],
  ])('refuses %s', async (_name, sender) => {
    expect(await handleMessage({ type: 'toggle', step: 'live', done: true }, sender)).toEqual({ ok: false, error: 'forbidden' });
    expect(await stored(KEYS.onboarding)).toBeUndefined();
  });

  it('content scripts may report evidence but not reset, import or export', async () => {
    expect(await handleMessage({ type: 'evidence', code: 'portal-seen' }, content)).toMatchObject({ ok: true });
    for (const type of ['reset', 'export', 'notice/dismiss'] as const) {
      expect(await handleMessage({ type }, content)).toEqual({ ok: false, error: 'forbidden' });
    }
    expect(await handleMessage({ type: 'import', data: {} }, content)).toEqual({ ok: false, error: 'forbidden' });
    expect(await handleMessage({ type: 'settings/patch', patch: { name: 'X' } }, content)).toEqual({ ok: false, error: 'forbidden' });
    expect((await stored(KEYS.onboarding)).steps.registered.done).toBe(true);
  });

  it('extension pages may not fake page evidence', async () => {
    expect(await handleMessage({ type: 'evidence', code: 'products-online', count: 3 }, popup)).toEqual({ ok: false, error: 'forbidden' });
    expect(await stored(KEYS.onboarding)).toBeUndefined();
  });
});

describe('validation', () => {
  it.each([
    ['unknown type', { type: 'explode' }],
    ['missing field', { type: 'toggle', step: 'live' }],
    ['extra field', { type: 'toggle', step: 'live', done: true, evil: 1 }],
    ['wrong type', { type: 'toggle', step: 'live', done: 1 }],
    ['unknown step', { type: 'toggle', step: 'launch', done: true }],
    ['negative count', { type: 'evidence', code: 'products-with-stock', count: -1 }],
    ['text as evidence', { type: 'evidence', code: 'products-with-stock', text: 'a@b.c' }],
    ['null', null],
    ['a string', 'reset'],
    ['an array', [{ type: 'reset' }]],
  ])('refuses %s without touching storage', async (_name, msg) => {
    const sender = (msg as { type?: string })?.type === 'evidence' ? content : popup;
    expect(await handleMessage(msg, sender)).toEqual({ ok: false, error: 'invalid' });
    expect(await stored(KEYS.onboarding)).toBeUndefined();
  });

  it('refuses a 5 MB payload before parsing it', async () => {
    const big = { type: 'import', data: { blob: 'x'.repeat(5 * 1024 * 1024) } };
    expect(await handleMessage(big, popup)).toEqual({ ok: false, error: 'too-large' });
  });
});

describe('state, badge and queue', () => {
  it('a toggle is stored and the badge shows the open steps', async () => {
    await refresh();
    expect(await badge()).toBe('8');
    await handleMessage({ type: 'toggle', step: 'live', done: true }, popup);
    expect((await stored(KEYS.onboarding)).steps.live).toMatchObject({ done: true, how: 'manual' });
    expect(await badge()).toBe('7');
    expect(await fakeBrowser.action.getTitle({})).toContain('7');
  });

  it('the badge is empty once all steps are done', async () => {
    for (const step of ['registered', 'customer-account', 'product-with-stock', 'deeplink-opened', 'test-order', 'shipment-request-read', 'confirmation-sent', 'live'] as const) {
      await handleMessage({ type: 'toggle', step, done: true }, popup);
    }
    expect(await badge()).toBe('');
  });

  it('events arriving together (two tabs) are both kept', async () => {
    await Promise.all([
      handleMessage({ type: 'evidence', code: 'products-with-stock', count: 2 }, content),
      handleMessage({ type: 'evidence', code: 'orders-listed', count: 1 }, { ...content, tab: { id: 9 } }),
      handleMessage({ type: 'toggle', step: 'customer-account', done: true }, popup),
    ]);
    const s = await stored(KEYS.onboarding);
    expect(s.steps['product-with-stock'].done).toBe(true);
    expect(s.steps['test-order'].done).toBe(true);
    expect(s.steps['customer-account'].done).toBe(true);
  });

  it('a repeated event (retry after a worker restart) is not applied twice', async () => {
    await handleMessage({ type: 'evidence', code: 'products-with-stock', count: 2 }, content);
    const first = await stored(KEYS.onboarding);
    await handleMessage({ type: 'evidence', code: 'products-with-stock', count: 5 }, content);
    expect(await stored(KEYS.onboarding)).toEqual(first);
  });

  it('state/get answers a validated snapshot', async () => {
    const reply = await handleMessage({ type: 'state/get' }, content);
    expect(reply).toEqual({ ok: true, data: { state: defaultState(), settings: defaultSettings(), notice: null, dropped: [], copies: [] } });
  });
});

describe('broken storage', () => {
  it('garbage → defaults in storage, the broken value kept aside, a notice in the snapshot', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.onboarding]: { version: 1, steps: 'truncated' }, [KEYS.settings]: 42 });
    const reply = (await handleMessage({ type: 'state/get' }, popup)) as { ok: true; data: { notice: string; state: unknown } };
    expect(reply.ok).toBe(true);
    expect(reply.data.state).toEqual(defaultState());
    expect(reply.data.notice).toBe('settings');
    expect(await stored(KEYS.onboarding)).toEqual(defaultState());
    const q = await stored(KEYS.quarantine);
    expect(q.map((e: { key: string }) => e.key)).toEqual([KEYS.onboarding, KEYS.settings]);
    expect(q[0].raw).toContain('truncated');
    // The export carries the quarantined values; dismissing the notice hides it and keeps them.
    const exp = (await handleMessage({ type: 'export' }, popup)) as { ok: true; data: { quarantine: unknown[] } };
    expect(exp.data.quarantine).toHaveLength(2);
    await handleMessage({ type: 'notice/dismiss' }, popup);
    expect(((await handleMessage({ type: 'state/get' }, popup)) as { data: { notice: unknown } }).data.notice).toBeNull();
    expect(await stored(KEYS.quarantine)).toHaveLength(2);
  });

  it('a settings object with one bad field keeps the good fields', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.settings]: { ...defaultSettings(), name: 'Erika Muster', language: 'klingon' } });
    const reply = (await handleMessage({ type: 'state/get' }, popup)) as { data: { settings: { name: string; language: string } } };
    expect(reply.data.settings.name).toBe('Erika Muster');
    expect(reply.data.settings.language).toBe('auto');
  });

  it('a failing write (quota) is reported and the last good state stays', async () => {
    await handleMessage({ type: 'toggle', step: 'live', done: true }, popup);
    const good = await stored(KEYS.onboarding);
    const original = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    try {
      expect(await handleMessage({ type: 'toggle', step: 'registered', done: true }, popup)).toEqual({ ok: false, error: 'storage' });
    } finally {
      fakeBrowser.storage.local.set = original;
    }
    expect(await stored(KEYS.onboarding)).toEqual(good);
  });
});

describe('kept-aside copies: repair, eviction, restore (issue #17, item 4)', () => {
  type Snap = { notice: string | null; dropped: unknown[]; copies: Array<{ at: number; done: number }>; state: { steps: Record<string, { done: boolean }> } };
  const snap = async () => ((await handleMessage({ type: 'state/get' }, popup)) as { data: Snap }).data;
  const doneStep = { done: true, how: 'manual', at: 1_700_000_000_000, evidence: null };
  const done = (s: Snap['state']) => STEP_IDS.filter((id) => s.steps[id]?.done);

  it('one bad step: the others stay stored, the notice names what was dropped', async () => {
    const raw = { version: 1, steps: Object.fromEntries(STEP_IDS.map((id) => [id, doneStep])) } as { version: 1; steps: Record<string, unknown> };
    raw.steps['test-order'] = { done: 'ja' };
    await fakeBrowser.storage.local.set({ [KEYS.onboarding]: raw });
    const s = await snap();
    expect(s.notice).toBe('repaired');
    expect(s.dropped).toEqual([{ step: 'test-order', part: 'step' }]);
    expect(done(s.state)).toHaveLength(7);
    expect((await stored(KEYS.onboarding)).steps.live).toEqual(doneStep);
    expect(await badge()).toBe('');
    await refresh();
    expect(await badge()).toBe('1');
  });

  it('the only copy of lost progress survives many later repairs and dismissing the notice; restoring it brings the steps back', async () => {
    // Progress written by a newer version: defaults apply, the copy holds 5 done steps.
    const newer = { version: 2, steps: Object.fromEntries(STEP_IDS.slice(0, 5).map((id) => [id, doneStep])), extra: 'new' };
    await fakeBrowser.storage.local.set({ [KEYS.onboarding]: newer });
    let s = await snap();
    expect(s.notice).toBe('unknown-version');
    expect(done(s.state)).toEqual([]);
    const copy = s.copies[0]!;
    expect(copy.done).toBe(5);
    await handleMessage({ type: 'notice/dismiss' }, popup);
    // Meanwhile: a tick of its own, and far more repairs than the quarantine holds.
    await handleMessage({ type: 'toggle', step: 'live', done: true }, popup);
    for (let i = 0; i < MAX_ENTRIES * 3; i++) {
      await fakeBrowser.storage.local.set({ [KEYS.settings]: { language: `broken-${i}` } });
      await fakeBrowser.storage.local.set({ [KEYS.onboarding]: i % 2 ? 'garbage' : { version: 1, steps: {} } });
      await snap();
    }
    expect((await stored(KEYS.quarantine)).length).toBe(MAX_ENTRIES);
    s = await snap();
    expect(s.copies).toEqual([copy]);
    expect(done(s.state)).toEqual([]); // the last garbage reset the tick too
    await handleMessage({ type: 'toggle', step: 'live', done: true }, popup);
    // Restoring goes through the background: only extension pages, only a copy that exists.
    expect(await handleMessage({ type: 'quarantine/restore', at: copy.at }, content)).toEqual({ ok: false, error: 'forbidden' });
    expect(await handleMessage({ type: 'quarantine/restore', at: copy.at + 1 }, popup)).toEqual({ ok: false, error: 'invalid' });
    expect(await handleMessage({ type: 'quarantine/restore', at: copy.at }, popup)).toEqual({ ok: true, data: { restored: 5 } });
    s = await snap();
    expect(done(s.state)).toEqual([...STEP_IDS.slice(0, 5), 'live']);
    expect(s.state.steps.registered).toEqual(doneStep);
    expect(await badge()).toBe('2');
    // Again: nothing more to restore, nothing overwritten.
    expect(await handleMessage({ type: 'quarantine/restore', at: copy.at }, popup)).toEqual({ ok: true, data: { restored: 0 } });
  });

  it('a copy with a bad step restores only what is valid', async () => {
    const newer = { version: 3, steps: { registered: doneStep, 'test-order': { done: true, how: 'telepathy', at: 'soon', evidence: { code: 'x' } }, live: { done: 1 } } };
    await fakeBrowser.storage.local.set({ [KEYS.onboarding]: newer });
    const copy = (await snap()).copies[0]!;
    expect(await handleMessage({ type: 'quarantine/restore', at: copy.at }, popup)).toEqual({ ok: true, data: { restored: 2 } });
    const steps = (await stored(KEYS.onboarding)).steps;
    expect(steps['test-order']).toEqual({ done: true, how: null, at: null, evidence: null });
    expect(steps.live.done).toBe(false);
  });
});

describe('the largest export imports (issue #17, item 5)', () => {
  it('a full quarantine of the longest values, the longest settings: export → reset → import brings everything back', async () => {
    // Quotes and backslashes double in JSON: the worst case for the export's size.
    const nasty = (n: number) => '"\\'.repeat(n);
    for (let i = 0; i < MAX_ENTRIES + 2; i++) {
      await fakeBrowser.storage.local.set({ [KEYS.onboarding]: { version: 1, steps: { registered: { done: `${i}${nasty(200_000)}` } } } });
      await fakeBrowser.storage.local.set({ [KEYS.settings]: { ...defaultSettings(), language: `${i}${nasty(200_000)}` } });
      await handleMessage({ type: 'state/get' }, popup);
    }
    const template = `{name} ${'"\\'.repeat(1330)}`.slice(0, 4000);
    const patch = { name: nasty(40), company: nasty(53), partnerId: nasty(13), template };
    expect(await handleMessage({ type: 'settings/patch', patch }, popup)).toMatchObject({ ok: true });
    await handleMessage({ type: 'toggle', step: 'test-order', done: true }, popup);
    const quarantine = await stored(KEYS.quarantine);
    expect(quarantine).toHaveLength(MAX_ENTRIES);
    const exp = (await handleMessage({ type: 'export' }, popup)) as { ok: true; data: unknown };
    const file = JSON.stringify(exp.data, null, 2); // as the options page writes it
    expect(JSON.stringify(JSON.parse(file)).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    const before = { onboarding: await stored(KEYS.onboarding), settings: await stored(KEYS.settings) };
    await handleMessage({ type: 'reset' }, popup);
    expect(await stored(KEYS.quarantine)).toBeUndefined();
    expect(await handleMessage({ type: 'import', data: JSON.parse(file) }, popup)).toEqual({ ok: true });
    expect(await stored(KEYS.onboarding)).toEqual(before.onboarding);
    expect(await stored(KEYS.settings)).toEqual(before.settings);
    expect(await stored(KEYS.quarantine)).toEqual(quarantine.map((e: object) => ({ ...e, seen: true })));
  });
});

describe('export / import / reset', () => {
  it('export → reset → import restores everything', async () => {
    await handleMessage({ type: 'toggle', step: 'test-order', done: true }, popup);
    await handleMessage({ type: 'settings/patch', patch: { name: 'Erika Muster', language: 'en' } }, popup);
    const exp = (await handleMessage({ type: 'export' }, popup)) as { ok: true; data: unknown };
    await handleMessage({ type: 'reset' }, popup);
    const afterReset = (await handleMessage({ type: 'state/get' }, popup)) as { data: { state: unknown; settings: unknown } };
    expect(afterReset.data).toMatchObject({ state: defaultState(), settings: defaultSettings() });
    expect(await badge()).toBe('8');
    expect(await handleMessage({ type: 'import', data: JSON.parse(JSON.stringify(exp.data)) }, popup)).toEqual({ ok: true });
    expect((await stored(KEYS.onboarding)).steps['test-order'].done).toBe(true);
    expect((await stored(KEYS.settings)).name).toBe('Erika Muster');
    expect(await badge()).toBe('7');
  });

  it('a bad file changes nothing and says what is wrong', async () => {
    await handleMessage({ type: 'toggle', step: 'live', done: true }, popup);
    const before = await stored(KEYS.onboarding);
    const reply = await handleMessage({ type: 'import', data: { format: 'livegang-assistent', onboarding: { version: 1 }, settings: defaultSettings() } }, popup);
    expect(reply).toMatchObject({ ok: false, error: 'invalid' });
    expect(reply.ok ? '' : reply.reason).toContain('onboarding');
    expect(await stored(KEYS.onboarding)).toEqual(before);
    expect(await handleMessage({ type: 'import', data: { format: 'something-else' } }, popup)).toMatchObject({ ok: false, error: 'invalid' });
  });
});

describe('one-shot ticket request', () => {
  it('is consumed once and only by the help-center content script', async () => {
    await handleMessage({ type: 'ticket/request' }, popup);
    expect(await handleMessage({ type: 'ticket/consume' }, popup)).toEqual({ ok: false, error: 'forbidden' });
    expect(await handleMessage({ type: 'ticket/consume' }, helpContent)).toEqual({ ok: true, data: true });
    expect(await handleMessage({ type: 'ticket/consume' }, helpContent)).toEqual({ ok: true, data: false });
  });

  it('expires', async () => {
    await fakeBrowser.storage.session.set({ [KEYS.ticketRequest]: { at: Date.now() - TICKET_REQUEST_TTL_MS - 1 } });
    expect(await handleMessage({ type: 'ticket/consume' }, helpContent)).toEqual({ ok: true, data: false });
  });
});
