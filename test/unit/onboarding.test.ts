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
    expect(loadState(undefined)).toEqual({ state: defaultState(), problem: null });
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
    ['wrong types', { version: 1, steps: { registered: { done: 'yes' } } }],
    ['truncated object', { version: 1, steps: { registered: { done: true, how: 'auto', at: 1, evidence: null } } }],
    ['an array', [1, 2, 3]],
    ['version 0 without done list', { version: 0 }],
  ])('%s → defaults + corrupt', (_name, raw) => {
    expect(loadState(raw)).toEqual({ state: defaultState(), problem: 'corrupt' });
  });

  it('a newer version → defaults + unknown-version (never guessed)', () => {
    expect(loadState({ version: 999, steps: {} })).toEqual({ state: defaultState(), problem: 'unknown-version' });
  });

  it('evidence with free text is refused (no place for personal data)', () => {
    const s = defaultState() as unknown as { steps: Record<string, unknown> };
    s.steps.registered = { done: true, how: 'auto', at: 1, evidence: { code: 'portal-seen', text: 'max@example.com' } };
    const loaded = loadState(s);
    // zod/mini objects strip unknown keys: the text never survives a load.
    expect(JSON.stringify(loaded.state)).not.toContain('max@example.com');
  });
});
