import { browser } from 'wxt/browser';
import type { EvidenceCode } from '../onboarding/steps';
import { decide, readClick, readJourney, SESSION_KEYS, type PageFacts } from './journey';
import { hasAccess } from './site-access';
import { COMPANION_OPTIONS_HASH, OTTO_COMPANION } from './site';
import { GUIDE_FILE } from './guide-slot';

/**
 * The background's side of the companion: the deeplink click, the otto.de page facts, closing
 * the guide, and opening the options' consent section. `apply` is the background's single writer
 * of onboarding state (lib/background/handlers.ts).
 */
export async function onDeeplinkClick(now = Date.now()): Promise<void> {
  // Without the companion there is nothing to accompany: keep nothing.
  if (!(await hasAccess(OTTO_COMPANION))) return;
  await browser.storage.session.set({ [SESSION_KEYS.deeplink]: { at: now } });
}

/** Where the otto.de script that reported runs (for injecting the guide's code next to it). */
export interface ShopFrame {
  tab: number | null;
  frame: number;
}

export async function onPageFacts(facts: PageFacts, at: ShopFrame, apply: (code: EvidenceCode) => Promise<unknown>, now = Date.now()): Promise<{ guide: boolean }> {
  const tab = at.tab;
  const got = await browser.storage.session.get([SESSION_KEYS.deeplink, SESSION_KEYS.journey]);
  const d = decide(facts, readClick(got[SESSION_KEYS.deeplink]), readJourney(got[SESSION_KEYS.journey]), tab, now);
  if (d.consumeClick) await browser.storage.session.remove(SESSION_KEYS.deeplink);
  if (d.journey) await browser.storage.session.set({ [SESSION_KEYS.journey]: d.journey });
  for (const code of d.evidence) await apply(code);
  // The guide's code goes only into the page that shows it, into our script's isolated world.
  if (d.guide && tab !== null) await injectGuide(tab, at.frame);
  return { guide: d.guide };
}

async function injectGuide(tabId: number, frameId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [GUIDE_FILE] });
  } catch (e) {
    console.warn('[livegang-assistent] guide not injected:', e instanceof Error ? e.name : 'error');
  }
}

export async function onGuideDismiss(): Promise<void> {
  const journey = readJourney((await browser.storage.session.get(SESSION_KEYS.journey))[SESSION_KEYS.journey]);
  if (journey) await browser.storage.session.set({ [SESSION_KEYS.journey]: { ...journey, dismissed: true } });
}

/** Opens the options page at the companion's section, where the merchant can give consent. */
export async function openConsent(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${COMPANION_OPTIONS_HASH}` as '/options.html') });
}

/** When the permission goes, so does everything the companion kept. */
export async function forgetJourney(): Promise<void> {
  await browser.storage.session.remove([SESSION_KEYS.deeplink, SESSION_KEYS.journey]);
}
