import { portalLater } from '../../content/later';
import type { FeatureInit } from '../types';

/**
 * The automatic steps (run.ts) are no part of a page's first path: their code is the portal's
 * later part (lib/content/later.ts), imported after the first paint, when the browser is idle.
 */
export const initAutosteps: FeatureInit = async (ctx) => {
  const later = await portalLater(ctx.signal);
  if (later && !ctx.signal.aborted) await later.autosteps(ctx);
};
