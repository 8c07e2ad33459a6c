import { browser } from 'wxt/browser';
import type { PageKind } from '../otto/pages';
import type { FeatureId, FeatureInit, FeatureInits } from '../features/types';
import { chunkFor, type HostChunks, type UiChunk } from './chunks';

/** Runs a chunk's file in this isolated world (the default: a dynamic import from our own package). */
export type ImportChunk = (file: UiChunk['file']) => Promise<unknown>;

const importFromPackage: ImportChunk = (file) => import(/* @vite-ignore */ browser.runtime.getURL(file as '/popup.html'));

/**
 * Features' code (Preact, components, page logic) is imported on first use from the extension's
 * own package: the content-script entry stays small. The page kind picks the chunk (one per group
 * of pages, lib/content/chunks.ts); each chunk is imported at most once per tab, runs in this
 * isolated world and publishes its table of `init`s on the isolated world's global.
 */
export interface ChunkLoader {
  (id: FeatureId, page: PageKind): Promise<FeatureInit | undefined>;
  /** Imports the chunk of `page` (once) without asking for a feature; `false` when the page kind has none. */
  load: (page: PageKind) => Promise<boolean>;
}

export function chunkLoader(chunks: HostChunks, importChunk: ImportChunk = importFromPackage): ChunkLoader {
  const tables = new Map<UiChunk, Promise<FeatureInits | undefined>>();
  const tableOf = (page: PageKind) => {
    const chunk = chunkFor(chunks, page);
    if (!chunk) return undefined;
    let table = tables.get(chunk);
    if (!table) {
      table = importChunk(chunk.file).then(() => (globalThis as Record<string, unknown>)[chunk.global] as FeatureInits | undefined);
      tables.set(chunk, table);
    }
    return table;
  };
  const loader = async (id: FeatureId, page: PageKind) => (await tableOf(page))?.[id];
  return Object.assign(loader, {
    load: async (page: PageKind) => {
      const table = tableOf(page);
      if (!table) return false;
      await table;
      return true;
    },
  });
}
