import type { FeatureInits } from '../features/types';
import type { UiChunk } from './chunks';

/** Called by a UI chunk to publish its features' code for the entry's loader. */
export function publishChunk(chunk: UiChunk, inits: FeatureInits): void {
  (globalThis as Record<string, unknown>)[chunk.global] = inits;
}
