import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PARTS } from '../lib/content/chunks';
import { registerStrings } from '../lib/i18n';
import * as checklist from '../lib/i18n/strings/checklist';
import { CHECKLIST_PANEL } from '../lib/features/checklist/panel';

/**
 * The checklist's full panel and launcher (Preact): imported by the checklist when it shows
 * one of them (lib/content/chunk.ts importPart), never on the overview's compact first path.
 */
export default defineUnlistedScript(() => {
  registerStrings(checklist);
  (globalThis as Record<string, unknown>)[PARTS.checklistPanel.global] = CHECKLIST_PANEL;
});
