import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_MATCHES } from '../lib/otto/urls';
import { PORTAL_FEATURES } from '../lib/features/portal';
import { CHUNKS } from '../lib/content/chunks';
import { startContent } from '../lib/content/start';

export default defineContentScript({
  matches: [...CONTENT_MATCHES.portal],
  runAt: 'document_idle',
  main(ctx) {
    void startContent(ctx.signal, PORTAL_FEATURES, CHUNKS.portal);
  },
});
