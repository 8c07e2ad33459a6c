import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage, refresh } from '../lib/background/handlers';
import { startSiteSync } from '../lib/sites/background';
import { wireSite } from '../lib/companion/site-access';
import { OTTO_COMPANION } from '../lib/companion/site';
import { forgetJourney } from '../lib/companion/background';

export default defineBackground({
  main() {
    // Listeners are registered synchronously at top level so a restarted worker receives the
    // event that woke it. No state lives in module variables: storage is the truth.
    browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
    browser.runtime.onInstalled.addListener(() => void refresh());
    browser.runtime.onStartup.addListener(() => void refresh());
    // Other extensions and web pages get no answer at all.
    // Opt-in sites: the guardrail script registered for exactly the enabled, granted sites.
    startSiteSync();
    browser.runtime.onMessageExternal?.addListener(() => Promise.resolve({ ok: false, error: 'forbidden' }));
    // otto.de companion: its script is registered while the merchant's consent (the optional
    // permission) stands, on every worker start too; given back, the script and the journey go.
    wireSite(OTTO_COMPANION, (granted) => void (granted ? undefined : forgetJourney()));
  },
});
