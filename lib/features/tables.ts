import type { PageKind } from '../otto/pages';
import type { AreaName } from '../i18n';
import type { UiChunk } from '../content/chunks';
import type { FeatureSpec } from './types';

/**
 * The tables every part of the extension reads, each a function of the features' declarations
 * (lib/features/registry.ts): which features a host's entry runs, which a UI chunk holds and
 * which string areas it registers, and the options' switches with their defaults. Nothing here
 * is written by hand, so no table can miss a feature.
 */

/** The declarations that run on a page kind `serves` accepts (a host's entry: its page kinds; a chunk: the ones it serves). */
export function featuresOn(features: readonly FeatureSpec[], serves: (page: PageKind) => boolean): FeatureSpec[] {
  return features.filter((f) => f.pages.some(serves));
}

/** What a UI chunk is built from: the feature ids whose code it holds and the string areas it registers. */
export function chunkContents(features: readonly FeatureSpec[], chunk: Pick<UiChunk, 'pages'>): { ids: string[]; areas: AreaName[] } {
  const here = featuresOn(features, (page) => chunk.pages.includes(page));
  return {
    ids: [...new Set(here.map((f) => f.id))].sort(),
    areas: [...new Set(here.flatMap((f) => (f.strings ? [f.strings] : [])))].sort(),
  };
}

/** The options' switches in the declarations' order, with each default. */
export function switches(features: readonly FeatureSpec[]): Array<{ id: string; default: boolean }> {
  const byId = new Map<string, boolean>();
  for (const f of features) if (f.setting && !byId.has(f.id)) byId.set(f.id, f.setting.default);
  return [...byId].map(([id, on]) => ({ id, default: on }));
}

/** The name of a feature's code in lib/features/<id>/init.ts(x): `init` + the id in camel case. */
export const initName = (id: string) => `init${id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`;
