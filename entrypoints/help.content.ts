import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_MATCHES } from '../lib/otto/urls';
import { HELP_FEATURES } from '../lib/features/help';
import { CHUNKS } from '../lib/content/chunks';
import { startContent } from '../lib/content/start';

export default defineContentScript({
  matches: [...CONTENT_MATCHES.help],
  runAt: 'document_idle',
  // WXT's "script started" notice goes out as a DOM event only, not also through window.postMessage
  // into OTTO's page (its message listeners would see it; and it cost ~2 ms per page load).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // After an extension reload or update this script is orphaned: WXT's ctx notices (runtime.id
    // is gone) on its next timer tick and aborts ctx.signal, which removes all our UI.
    ctx.setInterval(() => undefined, 1000);
    void startContent(ctx.signal, HELP_FEATURES, CHUNKS.help);
  },
});
