/** What the build reads of the features (tools/feature-chunks.ts): the declarations, the chunks and the derivations. */
export { FEATURES } from '../lib/features/registry';
export { CHUNKS, type UiChunk } from '../lib/content/chunks';
export { chunkContents, initName } from '../lib/features/tables';
