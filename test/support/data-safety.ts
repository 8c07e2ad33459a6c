/**
 * Page-side helpers for the data-safety specs (issue #17, items 4 and 5). Each runs inside an
 * extension page (options) through `page.evaluate`, in Chromium and Firefox alike.
 */

type Api = {
  runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean; data?: unknown }> };
  storage: { local: { get: (k: string | null) => Promise<Record<string, unknown>>; set: (v: object) => Promise<void> } };
};

/**
 * Fills the quarantine to its cap with the longest values it keeps (quotes and backslashes
 * double in JSON), then stores progress and the longest settings: the largest export there is.
 */
export async function fillToTheCap(rounds: number): Promise<void> {
  const g = globalThis as unknown as { browser?: Api & { runtime: { id?: string } }; chrome: Api };
  const api: Api = g.browser?.runtime?.id ? g.browser : g.chrome;
  const nasty = (n: number) => '"\\'.repeat(n);
  for (let i = 0; i < rounds; i++) {
    await api.storage.local.set({ onboarding: { version: 1, steps: { registered: { done: `${i}${nasty(100_000)}` } } }, settings: { language: `${i}${nasty(100_000)}` } });
    await api.runtime.sendMessage({ type: 'state/get' });
  }
  await api.runtime.sendMessage({ type: 'toggle', step: 'test-order', done: true });
  const template = `{name} ${nasty(2000)}`.slice(0, 4000);
  const reply = await api.runtime.sendMessage({ type: 'settings/patch', patch: { name: nasty(60), company: nasty(80), partnerId: nasty(20), template } });
  if (!reply.ok) throw new Error('settings not stored');
}

/** What storage holds now (onboarding, settings, quarantine). */
export async function storedData(): Promise<Record<string, unknown>> {
  const g = globalThis as unknown as { browser?: Api & { runtime: { id?: string } }; chrome: Api };
  const api: Api = g.browser?.runtime?.id ? g.browser : g.chrome;
  const all = await api.storage.local.get(null);
  return { onboarding: all.onboarding, settings: all.settings, quarantine: all.quarantine };
}
