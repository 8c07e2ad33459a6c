import type { FeatureContext } from '../../lib/features/types';

/**
 * A feature's context as the runner hands it over, for DOM tests: what a test decides (signal,
 * page kind, store, send) is given; the rest is the current page's URL, no declared anchors and
 * an anchor note that records nothing.
 */
export function featureContext(given: Pick<FeatureContext, 'signal' | 'page' | 'store' | 'send'> & Partial<FeatureContext>): FeatureContext {
  return { url: new URL(location.href), anchors: {}, noteAnchor: () => undefined, ...given };
}
