import { browser } from 'wxt/browser';
import { releaseHosts, requestHosts } from '../optional-site/permissions';
import { grantedPatterns, syncRuntimeScript, type RuntimeScript } from '../optional-site/registration';

/**
 * A site the extension works on only with the merchant's consent: an optional host permission,
 * asked for when the merchant turns the feature on, and a content script registered at runtime
 * (never in the manifest) while that permission is granted. Built on the generic optional-site
 * helpers the opt-in sites use (lib/optional-site/permissions.ts, lib/optional-site/registration.ts).
 *
 * Nothing here knows otto.de: the companion's site is lib/companion/site.ts.
 */
export interface OptionalSite extends RuntimeScript {
  /** Match patterns: both the optional host permission and where the script runs. */
  origins: readonly string[];
}

/** Whether the merchant granted the site's permission (all of its patterns). */
export async function hasAccess(site: OptionalSite): Promise<boolean> {
  return (await grantedPatterns(site.origins)).length === site.origins.length;
}

/**
 * Asks the browser for the site's permission. Call it straight from the merchant's click (before
 * any `await`): browsers refuse requests without a user gesture. Registration follows from the
 * background's `permissions.onAdded` listener.
 */
export function requestAccess(site: OptionalSite): Promise<boolean> {
  return requestHosts(site.origins);
}

/** Gives the permission back; the background's `permissions.onRemoved` listener unregisters the script. */
export function removeAccess(site: OptionalSite): Promise<boolean> {
  return releaseHosts(site.origins);
}

/** Whether a permission change touches the site. */
export function concerns(site: OptionalSite, changed: { origins?: string[] }): boolean {
  return (changed.origins ?? []).some((o) => site.origins.includes(o));
}

/**
 * Makes the registration follow the permission: registered while granted, unregistered otherwise.
 * Idempotent; safe to call on every worker start. Open otto.de tabs get nothing injected: the
 * script meets only pages loaded after the merchant's consent.
 */
export async function syncRegistration(site: OptionalSite): Promise<void> {
  await syncRuntimeScript(site, (await hasAccess(site)) ? site.origins : [], { inject: false });
}

/**
 * Background wiring: sync now (worker start, browser start, install) and whenever a permission of
 * the site is added or removed (also when removed in the browser's own extension settings).
 * Call synchronously at the top of the background's main.
 */
export function wireSite(site: OptionalSite, onChange?: (granted: boolean) => void): void {
  const sync = () => syncRegistration(site).catch((e: unknown) => console.warn('[livegang-assistent] registration failed:', e instanceof Error ? e.name : 'error'));
  browser.permissions.onAdded.addListener((p) => {
    if (!concerns(site, p)) return;
    void sync();
    onChange?.(true);
  });
  browser.permissions.onRemoved.addListener((p) => {
    if (!concerns(site, p)) return;
    void sync();
    onChange?.(false);
  });
  void sync();
}
