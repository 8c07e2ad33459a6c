import { SHOP_ORIGIN } from '../otto/urls';
import type { OptionalSite } from './site-access';

/** The otto.de companion's site: https://www.otto.de only, with the merchant's consent. */
export const OTTO_COMPANION: OptionalSite = {
  id: 'lga-otto-companion',
  origins: [`${SHOP_ORIGIN}/*`],
  // WXT builds entrypoints/otto.content.ts (registration: 'runtime') to this file.
  file: 'content-scripts/otto.js',
};

/** The options section of the companion (the checklist's "Testbestellung auf otto.de begleiten" opens it). */
export const COMPANION_OPTIONS_HASH = 'otto-companion';
