import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerStrings } from '../lib/i18n';
import * as companion from '../lib/i18n/strings/companion';
import { publishGuide } from '../lib/companion/guide';

/** The otto.de guide's code: injected by the background into the otto.de script's world only when the guide shows (lib/companion/guide.ts). */
export default defineUnlistedScript(() => {
  registerStrings(companion);
  publishGuide();
});
