import { browser } from 'wxt/browser';
import type { PageKind } from '../otto/pages';
import type { FeatureId, FeatureInit, FeatureInits } from '../features/types';
import { chunkFor, type HostChunks, type UiChunk, type UiPart } from './chunks';

/** Runs a chunk's file in this isolated world (the default: a dynamic import from our own package). */
export type ImportChunk = (file: UiChunk['file'] | UiPart['file']) => Promise<unknown>;

const importFromPackage: ImportChunk = (file) => import(/* @vite-ignore */ browser.runtime.getURL(file as '/popup.html'));

/**
 * Lets the page have the main thread between compiling and running a freshly imported file and
 * running what it holds: on a cold renderer (a merchant's first visit) compiling and evaluating the
 * chunk and then starting its features in one task came to 50–60 ms, a long task of ours (bench,
 * issue #16). One task hop splits it.
 */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Features' code (Preact, components, page logic) is imported on first use from the extension's
 * own package: the content-script entry stays small. The page kind picks the chunk (one per group
 * of pages, lib/content/chunks.ts); each chunk is imported at most once per tab, runs in this
 * isolated world and publishes its table of `init`s on the isolated world's global.
 */
export function chunkLoader(chunks: HostChunks, importChunk: ImportChunk = importFromPackage): (id: FeatureId, page: PageKind) => Promise<FeatureInit | undefined> {
  const tables = new Map<UiChunk, Promise<FeatureInits | undefined>>();
  return async (id, page) => {
    const chunk = chunkFor(chunks, page);
    if (!chunk) return undefined;
    let table = tables.get(chunk);
    if (!table) {
      table = importChunk(chunk.file)
        .then(nextTask)
        .then(() => (globalThis as Record<string, unknown>)[chunk.global] as FeatureInits | undefined);
      tables.set(chunk, table);
    }
    return (await table)?.[id];
  };
}

const parts = new Map<string, Promise<unknown>>();

/**
 * A feature's part (lib/content/chunks.ts PARTS), imported from the package on first use and at
 * most once per tab: what the part's entry published on this isolated world's global. A part
 * already published (its entry ran, e.g. in the DOM tests) is used as it is.
 */
export function importPart<T>(part: UiPart, importChunk: ImportChunk = importFromPackage): Promise<T | undefined> {
  const read = () => (globalThis as Record<string, unknown>)[part.global] as T | undefined;
  if (read()) return Promise.resolve(read());
  let loading = parts.get(part.global);
  if (!loading) {
    loading = importChunk(part.file).then(nextTask).then(read);
    // A failed import may be tried again (the next time the part is shown).
    loading.catch(() => parts.delete(part.global));
    parts.set(part.global, loading);
  }
  return loading as Promise<T | undefined>;
}
