import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCompanion } from '../lib/companion/content';
import { startLifetime } from '../lib/content/lifetime';

/**
 * The otto.de companion. Not in the manifest: the background registers it at runtime
 * (lib/companion/site-access.ts) only while the merchant's optional permission for
 * https://www.otto.de/* stands; WXT builds it to content-scripts/otto.js. It recognises and
 * reports; the guide's code (entrypoints/otto-guide.ts) is injected only where the guide shows.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main() {
    startCompanion(startLifetime());
  },
});
