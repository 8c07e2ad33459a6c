// @vitest-environment happy-dom
import { fakeSend } from '../support/fake-send';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../lib/background/handlers';
import { evidenceBatch } from '../../lib/features/autosteps/evidence';
import type { Message, Reply } from '../../lib/messaging/protocol';
import { KEYS } from '../../lib/storage/keys';

/** Issue 16: the first visit's automatic steps in one message and one storage write. */

const content = { id: fakeBrowser.runtime.id, url: 'https://portal.otto.market/products/#productoverview', tab: { id: 7 } };
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 5)));

beforeEach(() => fakeBrowser.reset());

describe('evidenceBatch', () => {
  it('holds "logged in" until the list\'s first reading, then sends it and that reading\'s proofs as one message', async () => {
    const sent: Message[] = [];
    const { report, release } = evidenceBatch({ send: fakeSend((m) => (sent.push(m), { ok: true })), signal: new AbortController().signal });
    report('portal-seen');
    // Several frames pass before the rows are read (the list renders late): nothing goes out meanwhile.
    await frame();
    await frame();
    expect(sent).toEqual([]);
    requestAnimationFrame(() => {
      report('products-with-stock', 3);
      report('products-online', 2);
      release();
    });
    await frame();
    await frame();
    expect(sent).toEqual([{ type: 'evidence', code: 'portal-seen', also: [{ code: 'products-with-stock', count: 3 }, { code: 'products-online', count: 2 }] }]);
    // Later evidence: a message of its own (per frame), without `also` when alone.
    report('deeplink-control');
    await frame();
    expect(sent.at(-1)).toEqual({ type: 'evidence', code: 'deeplink-control' });
    expect(sent).toHaveLength(2);
  });

  it('a list that never shows: "logged in" goes out alone after the cap', async () => {
    const sent: Message[] = [];
    const { report } = evidenceBatch({ send: fakeSend((m) => (sent.push(m), { ok: true })), signal: new AbortController().signal }, 40);
    report('portal-seen');
    await frame();
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'evidence', code: 'portal-seen' }]));
  });

  it('sends nothing once the page view is over', async () => {
    const stop = new AbortController();
    const send = vi.fn(async () => ({ ok: true }) as Reply);
    const { report, release } = evidenceBatch({ send: fakeSend(send), signal: stop.signal }, 10);
    report('portal-seen');
    stop.abort();
    release();
    await new Promise((r) => setTimeout(r, 30));
    await frame();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('the background stores a batch in one write', () => {
  it('applies every item, one storage write', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const reply = await handleMessage({ type: 'evidence', code: 'portal-seen', also: [{ code: 'products-with-stock', count: 3 }, { code: 'products-online', count: 2 }] }, content);
    expect(reply.ok).toBe(true);
    const state = (await fakeBrowser.storage.local.get(KEYS.onboarding))[KEYS.onboarding] as { steps: Record<string, { done: boolean; evidence: unknown }> };
    expect(state.steps.registered!.done).toBe(true);
    expect(state.steps['product-with-stock']!.evidence).toEqual({ code: 'products-with-stock', count: 3 });
    expect(state.steps.live!.evidence).toEqual({ code: 'products-online', count: 2 });
    expect(set.mock.calls.filter(([v]) => KEYS.onboarding in (v as object))).toHaveLength(1);
  });

  it('refuses a batch with an unknown code or text in it', async () => {
    expect(await handleMessage({ type: 'evidence', code: 'portal-seen', also: [{ code: 'nope' }] }, content)).toEqual({ ok: false, error: 'invalid' });
    expect(await handleMessage({ type: 'evidence', code: 'portal-seen', also: [{ code: 'products-online', text: 'a@b.c' }] }, content)).toEqual({ ok: false, error: 'invalid' });
  });
});
