import { browser } from 'wxt/browser';
import type { FeatureId, FeatureInit, FeatureInits } from '../features/types';
import type { CHUNKS } from './chunks';

/**
 * Features' code (Preact, components, page logic) is imported on first use, once per page, from
 * the extension's own package: the content-script entry stays small. The chunk runs in this
 * isolated world and publishes its table of `init`s on the isolated world's global.
 */
export function chunkLoader(chunk: (typeof CHUNKS)[keyof typeof CHUNKS]): (id: FeatureId) => Promise<FeatureInit | undefined> {
  let table: Promise<FeatureInits | undefined> | null = null;
  return async (id) => {
    table ??= import(/* @vite-ignore */ browser.runtime.getURL(chunk.file as '/popup.html')).then(
      () => (globalThis as Record<string, unknown>)[chunk.global] as FeatureInits | undefined,
    );
    return (await table)?.[id];
  };
}

