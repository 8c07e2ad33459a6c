import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_MATCHES } from '../lib/otto/urls';
import { FEATURES } from '../lib/features/registry';
import { featuresOn } from '../lib/features/tables';
import { isHelpPage } from '../lib/otto/pages';
import { CHUNKS } from '../lib/content/chunks';
import { startContent } from '../lib/content/start';
import { startLifetime } from '../lib/content/lifetime';

export default defineContentScript({
  matches: [...CONTENT_MATCHES.help],
  runAt: 'document_idle',
  // WXT's "script started" notice goes out as a DOM event only, not also through window.postMessage
  // into OTTO's page (its message listeners would see it; and it cost ~2 ms per page load).
  noScriptStartedPostMessage: true,
  // Our features live as long as this copy is live (lib/content/lifetime.ts), not as long as WXT's
  // ctx: a page can abort ctx.signal with one forged event.
  main() {
    void startContent(startLifetime(), featuresOn(FEATURES, isHelpPage), CHUNKS.help);
  },
});
