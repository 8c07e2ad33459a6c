import { defineContentScript } from 'wxt/utils/define-content-script';
import { registerStrings } from '../lib/i18n';
import * as companion from '../lib/i18n/strings/companion';
import { startCompanion } from '../lib/companion/content';
import { startLifetime } from '../lib/content/lifetime';

/**
 * The otto.de companion. Not in the manifest: the background registers it at runtime
 * (lib/companion/site-access.ts) only while the merchant's optional permission for
 * https://www.otto.de/* stands; WXT builds it to content-scripts/otto.js.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main() {
    registerStrings(companion);
    startCompanion(startLifetime());
  },
});
