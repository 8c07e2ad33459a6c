import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SITE_GUARD_PART } from '../lib/content/chunks';
import { registerStrings } from '../lib/i18n';
import * as contact from '../lib/i18n/strings/contact';
import * as sites from '../lib/i18n/strings/sites';
import { startSiteGuard } from '../lib/sites/guard';
import type { SiteGuardPart } from '../lib/sites/start';

/**
 * The opt-in sites' warnings (Preact, components, compose and sender logic): imported by the site
 * script's entry (lib/sites/start.ts, importPart) only when a page of an enabled site first shows
 * an address of OTTO's kinds; a buyer-free page never loads it.
 */
export default defineUnlistedScript(() => {
  registerStrings(contact, sites);
  const part: SiteGuardPart = { startSiteGuard };
  (globalThis as Record<string, unknown>)[SITE_GUARD_PART.global] = part;
});
