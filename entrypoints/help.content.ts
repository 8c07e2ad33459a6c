import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_MATCHES } from '../lib/otto/urls';
import { HELP_FEATURES } from '../lib/features/help';
import { CHUNKS } from '../lib/content/chunks';
import { startContent } from '../lib/content/start';

export default defineContentScript({
  matches: [...CONTENT_MATCHES.help],
  runAt: 'document_idle',
  main(ctx) {
    void startContent(ctx.signal, HELP_FEATURES, CHUNKS.help);
  },
});
