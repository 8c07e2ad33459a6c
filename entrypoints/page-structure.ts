import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageStructure } from '../lib/content/structure-tool';
import { publishStructureTool } from '../lib/content/page-tools';

/**
 * The page-structure report's code, imported into an OTTO tab only when the merchant presses
 * "Seitenstruktur speichern" in the popup (lib/content/start.ts): no page load pays for it.
 */
export default defineUnlistedScript(() => {
  publishStructureTool(pageStructure);
});
