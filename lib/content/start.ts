import { browser } from 'wxt/browser';
import { createStore } from './store';
import { startRunner } from '../features/runner';
import type { FeatureSpec } from '../features/types';
import { chunkLoader } from './chunk';
import type { HostChunks } from './chunks';
import { send } from '../messaging/client';
import { DIAGNOSTICS_REQUEST, STRUCTURE_REQUEST } from '../messaging/snapshot';
import type { TabReply } from '../messaging/tab';
import { senderRole } from '../messaging/sender';
import { pageTools, STRUCTURE_TOOL_FILE, structureTool } from './page-tools';

/**
 * Shared start of both content scripts: a store bound to storage, the feature runner (loading
 * features' code from the host's UI chunk for the page kind), and the diagnostics answer for the
 * popup. Everything is tied to `signal` (this copy's lifetime, lib/content/lifetime.ts: aborted
 * only when the extension is gone, never by a page), so a reloaded or updated extension leaves
 * nothing behind in the page.
 */
export async function startContent(signal: AbortSignal, features: readonly FeatureSpec[], chunks: HostChunks) {
  const store = createStore(send, signal);
  await store.ready;
  if (signal.aborted) return;
  const runner = startRunner({ features, store, send, signal, loadInit: chunkLoader(chunks) });
  const version = browser.runtime.getManifest().version;

  // The entry uses the browser's native namespace (wxt.config.ts): Chrome does not accept a
  // returned Promise from an onMessage listener, so answer through `sendResponse`.
  const onMessage = (message: unknown, sender: { id?: string; url?: string; tab?: unknown }, sendResponse: (reply: unknown) => void) => {
    // Only our own extension pages (the popup) may ask; never another extension or a page.
    if (senderRole(sender as never, browser.runtime.id, new URL(browser.runtime.getURL('/')).origin) !== 'extension-page') return undefined;
    const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
    // The tab's top page answers for the whole tab (its recognition includes same-origin frames).
    if (window.top !== window) return undefined;
    if (type === DIAGNOSTICS_REQUEST) {
      let recognition;
      try {
        recognition = pageTools()?.recognition?.();
      } catch {
        recognition = undefined;
      }
      const reply: TabReply<typeof DIAGNOSTICS_REQUEST> = { ok: true, data: { ...runner.diagnostics(), recognition, version } };
      sendResponse(reply);
      return true;
    }
    if (type === STRUCTURE_REQUEST) {
      // The report's code is its own file, imported on this request only (no page load pays for it).
      const ready = structureTool() ? Promise.resolve() : import(/* @vite-ignore */ browser.runtime.getURL(STRUCTURE_TOOL_FILE as '/popup.html'));
      void ready
        .then(() => {
          const tool = structureTool();
          const reply: TabReply<typeof STRUCTURE_REQUEST> = tool ? { ok: true, data: tool({ version }) } : { ok: false, error: 'unavailable' };
          sendResponse(reply);
        })
        .catch((e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.name : 'failed' } satisfies TabReply<typeof STRUCTURE_REQUEST>));
      return true;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  // After an extension reload the APIs of this orphaned script are gone: clean up quietly.
  signal.addEventListener('abort', () => browser.runtime?.onMessage?.removeListener(onMessage), { once: true });
}
