import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStore } from '../../lib/content/store';
import { defaultSettings } from '../../lib/settings/defaults';
import { defaultState } from '../../lib/onboarding/state';
import type { Message, Reply } from '../../lib/messaging/protocol';
import { fakeSend } from '../support/fake-send';

describe('content store view', () => {
  it('a change during a pending read triggers one more read, so the view ends up current', async () => {
    fakeBrowser.reset();
    let name = 'first';
    const resolvers: Array<() => void> = [];
    let reads = 0;
    const send = (m: Message) => {
      expect(m.type).toBe('state/get');
      reads++;
      const answer = name; // the state at the time the background handles the request
      return new Promise<Reply>((resolve) =>
        resolvers.push(() => resolve({ ok: true, data: { state: defaultState(), settings: { ...defaultSettings(), name: answer }, notice: null } })),
      );
    };
    const store = createStore(fakeSend(send));
    resolvers.shift()!();
    await store.ready;
    expect(store.get().settings.name).toBe('first');

    // Two changes: the second arrives while the read for the first is still under way.
    name = 'second';
    await fakeBrowser.storage.local.set({ settings: 1 });
    name = 'third';
    await fakeBrowser.storage.local.set({ settings: 2 });
    resolvers.shift()!(); // the read started for the first change answers "second"
    await new Promise((r) => setTimeout(r, 0));
    resolvers.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.get().settings.name).toBe('third');
    expect(reads).toBe(3);
  });
});
