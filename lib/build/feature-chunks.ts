import { runnerImport, type Plugin } from 'vite';
import { join } from 'node:path';
import type * as FeatureData from './feature-data';

/**
 * Builds each UI chunk's table from the features' declarations: `virtual:lga-chunk/<host>/<chunk>`
 * (imported by entrypoints/<chunk file>.ts) is generated at build time and holds the code
 * (`init<Id>` from lib/features/<id>/init) of exactly the features that run on the chunk's page
 * kinds, and their string areas. The declarations are read with Vite's module runner, the same
 * code the extension runs (lib/features/registry.ts).
 */
export const CHUNK_MODULE_PREFIX = 'virtual:lga-chunk/';


let data: Promise<typeof FeatureData> | undefined;
const featureData = (root: string) =>
  (data ??= runnerImport<typeof FeatureData>(join(root, 'lib/build/feature-data.ts'), { configFile: false, root, logLevel: 'silent' }).then((r) => r.module));

/** The source of one chunk's module: imports of its features' code and string areas, and the two tables. */
export async function chunkModuleSource(root: string, host: string, name: string): Promise<string> {
  const { FEATURES, CHUNKS, chunkContents, initName } = await featureData(root);
  const chunk = (CHUNKS as unknown as Record<string, Record<string, FeatureData.UiChunk> | undefined>)[host]?.[name];
  if (!chunk) throw new Error(`${CHUNK_MODULE_PREFIX}${host}/${name}: no such chunk in lib/content/chunks.ts`);
  const { ids, areas } = chunkContents(FEATURES, chunk);
  const path = (...parts: string[]) => JSON.stringify(join(root, ...parts).replaceAll('\\', '/'));
  return [
    ...ids.map((id) => `import { ${initName(id)} } from ${path('lib/features', id, 'init')};`),
    ...areas.map((area) => `import * as strings_${area} from ${path('lib/i18n/strings', area)};`),
    `export const INITS = { ${ids.map((id) => `${JSON.stringify(id)}: ${initName(id)}`).join(', ')} };`,
    `export const AREAS = [${areas.map((area) => `strings_${area}`).join(', ')}];`,
  ].join('\n');
}

export function featureChunks(root: string): Plugin {
  return {
    name: 'lga-feature-chunks',
    enforce: 'pre',
    resolveId: (id) => (id.startsWith(CHUNK_MODULE_PREFIX) ? `\0${id}` : undefined),
    async load(id) {
      if (!id.startsWith(`\0${CHUNK_MODULE_PREFIX}`)) return undefined;
      const [host = '', name = ''] = id.slice(CHUNK_MODULE_PREFIX.length + 1).split('/');
      return chunkModuleSource(root, host, name);
    },
  };
}
