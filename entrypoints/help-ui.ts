import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHUNKS } from '../lib/content/chunks';
import { publishChunk } from '../lib/content/publish';
import { registerStrings } from '../lib/i18n';
import { AREAS, INITS } from 'virtual:lga-chunk/help/ui';

/**
 * UI chunk of the help-center content script: imported on demand (see lib/content/chunk.ts); its features
 * and their strings follow from the features' declarations (lib/build/feature-chunks.ts).
 */
export default defineUnlistedScript(() => {
  registerStrings(...AREAS);
  publishChunk(CHUNKS.help.ui, INITS);
});
