import type { RecognitionCounts } from '../otto/recognise';
import type { StructureReport } from '../diagnostics/structure';

/**
 * Page tools a UI chunk offers the entry for the popup's diagnostics: what the site adapter
 * recognises on the page now (counts only). They live in the chunk, not in the small entry;
 * published on the isolated world's global by the chunk (see lib/content/publish.ts).
 */
export interface PageTools {
  recognition: () => RecognitionCounts;
}

/** The page-structure report of this frame's document (lib/diagnostics/structure.ts), shapes only. */
export type StructureTool = (meta: { version: string }) => StructureReport;

/** The package file holding the structure report's code, imported only when the popup asks for it. */
export const STRUCTURE_TOOL_FILE = '/page-structure.js';
const STRUCTURE_KEY = '__lgaStructureTool';

export function publishStructureTool(tool: StructureTool): void {
  (globalThis as Record<string, unknown>)[STRUCTURE_KEY] = tool;
}

export function structureTool(): StructureTool | undefined {
  return (globalThis as Record<string, unknown>)[STRUCTURE_KEY] as StructureTool | undefined;
}

const KEY = '__lgaPageTools';

export function publishPageTools(tools: PageTools): void {
  (globalThis as Record<string, unknown>)[KEY] = tools;
}

/** The tools of the chunk loaded in this tab, if one is. */
export function pageTools(): PageTools | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as PageTools | undefined;
}
