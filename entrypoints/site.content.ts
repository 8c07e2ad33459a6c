import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLifetime } from '../lib/content/lifetime';
import { startSite } from '../lib/sites/start';

/**
 * The contact guardrails on the opt-in sites (webmail, help desks, shop backends). Not in the
 * manifest: registered at run time for exactly the sites the merchant enabled and granted
 * (lib/optional-site/registration.ts), and injected into their open tabs when enabled.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main() {
    startSite(startLifetime());
  },
});
