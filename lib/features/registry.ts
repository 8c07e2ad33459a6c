import type { FeatureSpec } from './types';

/**
 * Every feature's declaration, found at build time: the exports of each folder's `index.ts` in
 * lib/features. A new folder is a new feature in every table derived from this list
 * (lib/features/tables.ts; the build turns them into `virtual:lga-features` and
 * `virtual:lga-chunk/…`, tools/feature-chunks.ts).
 */
const modules = import.meta.glob<Record<string, FeatureSpec>>('./*/index.ts', { eager: true });

export const FEATURES: readonly FeatureSpec[] = Object.values(modules).flatMap((m) => Object.values(m));
