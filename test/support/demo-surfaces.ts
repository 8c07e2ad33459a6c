import type { Page } from '@playwright/test';
import type { FixtureMap } from './fixtures';

/** The surfaces `npm run demo` shows and photographs (one entry per injected UI or page). */
export interface DemoSurface {
  name: string;
  /** An OTTO URL served from fixtures, or… */
  url?: string;
  /** …an extension page such as popup.html. */
  extensionPage?: string;
  /** What must be on screen before the screenshot. */
  waitFor?: string;
  viewport?: { width: number; height: number };
  fullPage?: boolean;
  prepare?: (page: Page) => Promise<void>;
}

/** Route overrides the demo needs beyond the defaults in fixtures.ts. */
export const DEMO_FIXTURES: Record<string, FixtureMap> = {};

export const DEMO_SURFACES: DemoSurface[] = [
  { name: 'product-overview', url: 'https://portal.otto.market/products/#productoverview', waitFor: 'lga-checklist' },
  { name: 'popup', extensionPage: 'popup.html', waitFor: '[data-step]', viewport: { width: 400, height: 640 } },
];
