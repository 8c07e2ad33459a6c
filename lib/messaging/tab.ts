import { browser } from 'wxt/browser';
import type { TabDiagnostics } from '../diagnostics/report';
import type { StructureReport } from '../diagnostics/structure';
import { DIAGNOSTICS_REQUEST, STRUCTURE_REQUEST } from './snapshot';

/** What a tab's content script answers to each request of the popup: the one table both ends type against. */
export interface TabAnswers {
  [DIAGNOSTICS_REQUEST]: TabDiagnostics;
  [STRUCTURE_REQUEST]: StructureReport;
}

export type TabRequest = keyof TabAnswers;

/** The reply a content script sends for `K` (lib/content/start.ts answers with exactly this). */
export type TabReply<K extends TabRequest> = { ok: true; data: TabAnswers[K] } | { ok: false; error: string };

/**
 * Asks the top frame of tab `tabId` for `type` and returns its answer, or undefined when the
 * script answered nothing usable. Throws when the tab has no content script of ours.
 */
export async function askTab<K extends TabRequest>(tabId: number, type: K): Promise<TabAnswers[K] | undefined> {
  const reply: TabReply<K> | undefined = await browser.tabs.sendMessage(tabId, { type }, { frameId: 0 });
  return reply && typeof reply === 'object' && reply.ok === true && reply.data && typeof reply.data === 'object' ? reply.data : undefined;
}
