import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { switches } from '../../lib/features/tables';
import type { FeatureSpec } from '../../lib/features/types';

/**
 * The feature declarations as lib/features/registry.ts finds them (each folder's `index.ts`, in
 * path order), for Playwright specs: they run outside Vite, where `import.meta.glob` and the
 * build's `virtual:lga-features` (which lib/settings/defaults.ts imports) do not exist.
 */
const DIR = fileURLToPath(new URL('../../lib/features/', import.meta.url));
const folders = readdirSync(DIR)
  .filter((d) => existsSync(join(DIR, d, 'index.ts')))
  .sort();
const modules = (await Promise.all(folders.map((d) => import(pathToFileURL(join(DIR, d, 'index.ts')).href)))) as Array<Record<string, FeatureSpec>>;

export const FEATURES: readonly FeatureSpec[] = modules.flatMap((m) => Object.values(m));
/** What lib/settings/defaults.ts calls SWITCHABLE_FEATURES: the ids of the features with a switch, in declaration order. */
export const SWITCHABLE_FEATURES: readonly string[] = switches(FEATURES).map((s) => s.id);
