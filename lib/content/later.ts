import type { FeatureContext, FeatureInit } from '../features/types';
import type { Controls } from '../features/deeplinks/controls';
import type { RecognitionCounts } from '../otto/recognise';
import { importPart } from './chunk';
import { PARTS } from './chunks';

/**
 * The portal's later part (`portal-later.js`, entrypoints/portal-later.ts): the code the portal's
 * pages need, but not for what they show first — the automatic steps' evidence, the deeplink on
 * the product page, the diagnostics' recognition counts. The overview's first path (the compact
 * checklist line and the row controls, with recognition of the rows in view) does not carry it.
 */
export interface PortalLaterPart {
  autosteps: FeatureInit;
  /** The deeplink control beside the product page's title (lib/features/deeplinks/product-page.ts). */
  deeplinksProductPage: (ctx: FeatureContext, controls: Controls) => Promise<void>;
  /** What the site adapter recognises on this page now (the popup's diagnostics). */
  recognition: () => RecognitionCounts;
}

/** Resolves after the next frame has been painted and the browser is idle (at most 1 s later); at once on abort. */
export function afterFirstPaint(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
    const idle = globalThis.requestIdleCallback as typeof requestIdleCallback | undefined;
    requestAnimationFrame(() => setTimeout(() => (idle ? idle(() => resolve(), { timeout: 1000 }) : resolve())));
  });
}

/**
 * The later part, imported at most once per tab: after the first paint, or `now` for what a page
 * shows from it (the product page's deeplink). `undefined` on abort or when the import failed.
 */
export async function portalLater(signal: AbortSignal, now = false): Promise<PortalLaterPart | undefined> {
  if (!now) await afterFirstPaint(signal);
  if (signal.aborted) return undefined;
  return importPart<PortalLaterPart>(PARTS.portalLater).catch(() => undefined);
}

/** The later part if it is already loaded (synchronous: the diagnostics answer at once). */
export function loadedPortalLater(): PortalLaterPart | undefined {
  return (globalThis as Record<string, unknown>)[PARTS.portalLater.global] as PortalLaterPart | undefined;
}
