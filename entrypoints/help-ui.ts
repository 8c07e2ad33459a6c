import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHUNKS } from '../lib/content/chunks';
import { publishChunk } from '../lib/content/publish';
import { registerStrings } from '../lib/i18n';
import * as checklist from '../lib/i18n/strings/checklist';
import * as ticket from '../lib/i18n/strings/ticket';
import { HELP_INITS } from '../lib/features/help-ui';

/** UI chunk of the help-center content script: imported on demand (see lib/content/chunk.ts). */
export default defineUnlistedScript(() => {
  registerStrings(checklist, ticket);
  publishChunk(CHUNKS.help.ui, HELP_INITS);
});
