import { browser } from 'wxt/browser';
import { openCount, type OnboardingState } from '../onboarding/state';
import { resolveLang, translator } from '../i18n';
import type { Settings } from '../settings/defaults';

/** Badge = number of open steps; empty once everything is done. */
export async function showProgress(state: OnboardingState, settings: Settings): Promise<void> {
  const open = openCount(state);
  const t = translator(resolveLang(settings.language));
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await Promise.all([
    action.setBadgeText({ text: open ? String(open) : '' }),
    action.setBadgeBackgroundColor({ color: '#b3261e' }),
    action.setTitle({ title: open ? t('badgeOpen', { count: open }) : t('badgeDone') }),
  ]);
}
