import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_MATCHES } from '../lib/otto/urls';
import { FEATURES } from '../lib/features/registry';
import { featuresOn } from '../lib/features/tables';
import { isPortalPage } from '../lib/otto/pages';
import { CHUNKS } from '../lib/content/chunks';
import { startContent } from '../lib/content/start';
import { startLifetime } from '../lib/content/lifetime';

export default defineContentScript({
  matches: [...CONTENT_MATCHES.portal],
  runAt: 'document_idle',
  // The portal may be built from micro-frontends in same-origin frames: features run in each
  // frame on its own items; the checklist only in the top page (FeatureSpec.topOnly).
  allFrames: true,
  // WXT's "script started" notice goes out as a DOM event only, not also through window.postMessage
  // into OTTO's page (its message listeners would see it; and it cost ~2 ms per page load).
  noScriptStartedPostMessage: true,
  // Our features live as long as this copy is live (lib/content/lifetime.ts), not as long as WXT's
  // ctx: a page can abort ctx.signal with one forged event.
  main() {
    void startContent(startLifetime(), featuresOn(FEATURES, isPortalPage), CHUNKS.portal);
  },
});
