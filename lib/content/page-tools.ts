import type { RecognitionCounts } from '../otto/recognise';
import type { StructureReport } from '../diagnostics/structure';

/**
 * Page tools a UI chunk offers the entry for the popup's diagnostics: what the site adapter
 * recognises on the page now (counts only) and the page-structure report (shapes only). They live in the chunk, not in the small entry;
 * published on the isolated world's global by the chunk (see lib/content/publish.ts).
 */
export interface PageTools {
  /** Absent in the help center's chunk (no products or contact values there). */
  recognition?: () => RecognitionCounts;
  /** The page-structure report of this frame's document (lib/diagnostics/structure.ts). */
  structure: (meta: { version: string }) => StructureReport;
}

const KEY = '__lgaPageTools';

export function publishPageTools(tools: PageTools): void {
  (globalThis as Record<string, unknown>)[KEY] = tools;
}

/** The tools of the chunk loaded in this tab, if one is. */
export function pageTools(): PageTools | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as PageTools | undefined;
}
