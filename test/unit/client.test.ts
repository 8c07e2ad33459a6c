import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ATTEMPT_TIMEOUT_MS, RETRY_DELAYS_MS, send } from '../../lib/messaging/client';
import { createStore, READ_RETRY_MS } from '../../lib/content/store';
import { defaultState } from '../../lib/onboarding/state';
import { defaultSettings } from '../../lib/settings/defaults';
import type { Message, Reply } from '../../lib/messaging/protocol';
import { fakeSend } from '../support/fake-send';

/**
 * What a content script or extension page sees while the service worker stops and starts: a
 * message that meets a stopping worker rejects ("message channel closed"), answers nothing, or
 * its reply never comes. A click must end stored or answered with an error, never silently lost.
 */
const CLOSED = new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
type Outcome = 'reject' | 'undefined' | 'never' | Reply;
let script: Outcome[];
let calls: Message[];

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  script = [];
  calls = [];
  fakeBrowser.runtime.sendMessage = ((m: Message) => {
    calls.push(m);
    const next = script.shift() ?? { ok: true };
    if (next === 'reject') return Promise.reject(CLOSED);
    if (next === 'undefined') return Promise.resolve(undefined);
    if (next === 'never') return new Promise(() => {});
    return Promise.resolve(next);
  }) as typeof fakeBrowser.runtime.sendMessage;
});
afterEach(() => {
  vi.useRealTimers();
});

const toggle = (done = true): Message => ({ type: 'toggle', step: 'live', done });

describe('messaging client: a message that meets a stopping worker', () => {
  it('is sent again until it gets through (three lost attempts in a row)', async () => {
    script = ['reject', 'reject', 'undefined', { ok: true, data: 'pong' }];
    const reply = send(toggle());
    await vi.runAllTimersAsync();
    expect(await reply).toEqual({ ok: true, data: 'pong' });
    expect(calls).toHaveLength(4);
  });

  it('a reply that never comes counts as lost after a while, and the message is sent again', async () => {
    script = ['never', { ok: true }];
    const reply = send(toggle());
    await vi.advanceTimersByTimeAsync(ATTEMPT_TIMEOUT_MS + RETRY_DELAYS_MS[0] + 10);
    expect(await reply).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('when nothing gets through, the caller hears so (never a pending promise, never a silent success)', async () => {
    script = Array(20).fill('reject');
    const reply = send(toggle());
    await vi.runAllTimersAsync();
    expect(await reply).toEqual({ ok: false, error: 'unreachable' });
    expect(calls).toHaveLength(RETRY_DELAYS_MS.length + 1);
  });

  it("the background's own refusal is answered at once, not retried", async () => {
    script = [{ ok: false, error: 'storage' }];
    const reply = send(toggle());
    await vi.runAllTimersAsync();
    expect(await reply).toEqual({ ok: false, error: 'storage' });
    expect(calls).toHaveLength(1);
  });

  it("one context's writes go out in order: a retried tick never lands after a later untick", async () => {
    script = ['reject', 'reject', { ok: true }, { ok: true }];
    const first = send(toggle(true));
    const second = send(toggle(false));
    await vi.runAllTimersAsync();
    await Promise.all([first, second]);
    expect(calls.map((m) => (m as { done: boolean }).done)).toEqual([true, true, true, false]);
  });
});

describe('content store: a read that got no answer', () => {
  it('is read again later, so the view does not keep an old state', async () => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ticked = { ...defaultState(), steps: { ...defaultState().steps, live: { done: true, how: 'manual' as const, at: 1, evidence: null } } };
    const answers: Reply[] = [
      { ok: false, error: 'unreachable' },
      { ok: true, data: { state: ticked, settings: defaultSettings(), notice: null } },
    ];
    const store = createStore(fakeSend(() => answers.shift()!));
    await store.ready;
    expect(store.get().state.steps.live.done).toBe(false);
    await vi.advanceTimersByTimeAsync(READ_RETRY_MS + 10);
    expect(store.get().state.steps.live.done).toBe(true);
  });
});
