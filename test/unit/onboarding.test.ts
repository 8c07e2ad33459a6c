import { describe, expect, it } from 'vitest';
import { reduce } from '../../lib/onboarding/reducer';
import { defaultState, nextOpenStep, openCount } from '../../lib/onboarding/state';
import { loadState, migrate } from '../../lib/onboarding/schema';
import { STEP_IDS } from '../../lib/onboarding/steps';

describe('onboarding reducer', () => {
  it('starts with 8 open steps, next = registered', () => {
    const s = defaultState();
    expect(openCount(s)).toBe(8);
    expect(nextOpenStep(s)).toBe('registered');
  });

  it('evidence completes the mapped step automatically with its evidence', () => {
    const s = reduce(defaultState(), { type: 'evidence', code: 'products-with-stock', count: 3 }, 1000);
    expect(s.steps['product-with-stock']).toEqual({ done: true, how: 'auto', at: 1000, evidence: { code: 'products-with-stock', count: 3 } });
    expect(openCount(s)).toBe(7);
  });

  it('evidence never overwrites an earlier completion and returns the same object', () => {
    const a = reduce(defaultState(), { type: 'toggle', step: 'live', done: true }, 5);
    const b = reduce(a, { type: 'evidence', code: 'products-online', count: 2 }, 9);
    expect(b).toBe(a);
    expect(b.steps.live.how).toBe('manual');
  });

  it('manual tick can be undone; steps complete out of order; next = first open', () => {
    let s = reduce(defaultState(), { type: 'toggle', step: 'test-order', done: true }, 1);
    s = reduce(s, { type: 'toggle', step: 'registered', done: true }, 2);
    expect(nextOpenStep(s)).toBe('customer-account');
    s = reduce(s, { type: 'toggle', step: 'registered', done: false }, 3);
    expect(s.steps.registered).toEqual({ done: false, how: null, at: null, evidence: null });
    expect(nextOpenStep(s)).toBe('registered');
  });

  it('all done → no next step, open count 0', () => {
    let s = defaultState();
    for (const id of STEP_IDS) s = reduce(s, { type: 'toggle', step: id, done: true }, 1);
    expect(openCount(s)).toBe(0);
    expect(nextOpenStep(s)).toBeNull();
    expect(reduce(s, { type: 'reset' }, 2)).toEqual(defaultState());
  });
});

describe('stored state: validation and migration', () => {
  it('undefined → defaults without a problem', () => {
    expect(loadState(undefined)).toEqual({ state: defaultState(), problem: null, dropped: [] });
  });

  it('migrates v0 ({ done: [...] }) to v1 with manual ticks, ignoring unknown ids', () => {
    const migrated = migrate({ done: ['registered', 'live', 'bogus'] }) as ReturnType<typeof defaultState>;
    expect(migrated.version).toBe(1);
    const { state, problem } = loadState({ done: ['registered', 'live', 'bogus'] });
    expect(problem).toBeNull();
    expect(state.steps.registered).toMatchObject({ done: true, how: 'manual' });
    expect(state.steps.live.done).toBe(true);
    expect(openCount(state)).toBe(6);
  });

  it.each([
    ['a string', 'garbage'],
    ['null', null],
    ['wrong types, no step readable', { version: 1, steps: { registered: { done: 'yes' } } }],
    ['steps not an object', { version: 1, steps: 'truncated' }],
    ['no step at all', { version: 1, steps: {} }],
    ['an array', [1, 2, 3]],
    ['version 0 without done list', { version: 0 }],
  ])('%s → defaults + corrupt', (_name, raw) => {
    expect(loadState(raw)).toEqual({ state: defaultState(), problem: 'corrupt', dropped: [] });
  });

  it('a newer version → defaults + unknown-version (never guessed)', () => {
    const newer = { version: 2, steps: { registered: { done: true, how: 'manual', at: 1, evidence: null } } };
    expect(loadState(newer)).toEqual({ state: defaultState(), problem: 'unknown-version', dropped: [] });
  });
});

describe('stored state: one bad field is repaired field by field (issue #17, item 4)', () => {
  /** Seven done steps, each with its own kind of data, and `live` open. */
  const progress = () => {
    let s = defaultState();
    s = reduce(s, { type: 'evidence', code: 'portal-seen' }, 100);
    s = reduce(s, { type: 'evidence', code: 'products-with-stock', count: 3 }, 200);
    s = reduce(s, { type: 'evidence', code: 'deeplink-control' }, 300);
    s = reduce(s, { type: 'evidence', code: 'orders-listed', count: 1 }, 400);
    for (const id of ['customer-account', 'shipment-request-read', 'confirmation-sent'] as const) s = reduce(s, { type: 'toggle', step: id, done: true }, 500);
    return s as unknown as { version: 1; steps: Record<string, Record<string, unknown>> };
  };
  const good = progress();

  it.each([
    ['a wrong type in one step', (s: ReturnType<typeof progress>) => (s.steps['customer-account'] = { done: 'ja' }), [{ step: 'customer-account', part: 'step' }]],
    ['one step missing', (s: ReturnType<typeof progress>) => delete s.steps['test-order'], [{ step: 'test-order', part: 'step' }]],
    ['an out-of-range count', (s: ReturnType<typeof progress>) => (s.steps['product-with-stock']!.evidence = { code: 'products-with-stock', count: -4 }), [{ step: 'product-with-stock', part: 'count' }]],
    ['an evidence code from a newer version', (s: ReturnType<typeof progress>) => (s.steps['deeplink-opened']!.evidence = { code: 'deeplink-qr-scanned' }), [{ step: 'deeplink-opened', part: 'evidence' }]],
    ['a date of the wrong type', (s: ReturnType<typeof progress>) => (s.steps.registered!.at = '2026-12-01'), [{ step: 'registered', part: 'at' }]],
  ])('%s: every other step and part is kept, the bad part is named', (_name, damage, dropped) => {
    const raw = progress();
    damage(raw);
    const loaded = loadState(JSON.parse(JSON.stringify(raw)));
    expect(loaded.problem).toBe('repaired');
    expect(loaded.dropped).toEqual(dropped);
    for (const id of STEP_IDS) {
      const bad = dropped.find((d) => d.step === id);
      if (!bad) expect(loaded.state.steps[id]).toEqual(good.steps[id]!);
      else if (bad.part === 'step') expect(loaded.state.steps[id]).toEqual(defaultState().steps[id]);
      else expect(loaded.state.steps[id]).toMatchObject({ done: true, how: good.steps[id]!.how });
    }
    // Only the bad part went: the count's code, the evidence's date, the date's evidence stay.
    if (dropped[0]!.part === 'count') expect(loaded.state.steps['product-with-stock'].evidence).toEqual({ code: 'products-with-stock' });
    if (dropped[0]!.part === 'evidence') expect(loaded.state.steps['deeplink-opened']).toEqual({ done: true, how: 'auto', at: 300, evidence: null });
    if (dropped[0]!.part === 'at') expect(loaded.state.steps.registered).toEqual({ done: true, how: 'auto', at: null, evidence: { code: 'portal-seen' } });
    expect(openCount(loaded.state)).toBe(1 + dropped.filter((d) => d.part === 'step').length);
  });

  it('several bad fields at once: all named, in step order; the good steps stay', () => {
    const raw = progress();
    raw.steps.live = 7 as never;
    raw.steps.registered!.how = 'magic';
    delete raw.steps['confirmation-sent'];
    const loaded = loadState(raw);
    expect(loaded.dropped).toEqual([
      { step: 'registered', part: 'how' },
      { step: 'confirmation-sent', part: 'step' },
      { step: 'live', part: 'step' },
    ]);
    expect(loaded.state.steps.registered).toEqual({ done: true, how: null, at: 100, evidence: { code: 'portal-seen' } });
    expect(loaded.state.steps['test-order']).toEqual(good.steps['test-order']!);
    expect(openCount(loaded.state)).toBe(2);
  });

  it('evidence with free text is refused (no place for personal data)', () => {
    const s = defaultState() as unknown as { steps: Record<string, unknown> };
    s.steps.registered = { done: true, how: 'auto', at: 1, evidence: { code: 'portal-seen', text: 'max@example.com' } };
    const loaded = loadState(s);
    // zod/mini objects strip unknown keys: the text never survives a load.
    expect(JSON.stringify(loaded.state)).not.toContain('max@example.com');
  });
});
