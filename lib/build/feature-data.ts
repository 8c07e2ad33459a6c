/** What the build reads of the features (lib/build/feature-chunks.ts): the declarations, the chunks and the derivations. */
export { FEATURES } from '../features/registry';
export { CHUNKS, type UiChunk } from '../content/chunks';
export { chunkContents, initName } from '../features/tables';
