import { browser } from 'wxt/browser';

/**
 * A site the extension works on only with the merchant's consent: an optional host permission,
 * asked for when the merchant turns the feature on, and a content script registered at runtime
 * (never in the manifest) while that permission is granted.
 *
 * Nothing here knows otto.de: the companion's site is lib/companion/site.ts. The opt-in sites of
 * #19 (lib/sites/) need the same four operations and could share this file.
 */
export interface OptionalSite {
  /** Id of the registered content script (unique within the extension). */
  id: string;
  /** Match patterns: both the optional host permission and where the script runs. */
  origins: readonly string[];
  /** The script's file(s) in the package, e.g. `content-scripts/otto.js`. */
  js: readonly string[];
}

const perms = (site: OptionalSite) => ({ origins: [...site.origins] });

/** Whether the merchant granted the site's permission. */
export async function hasAccess(site: OptionalSite): Promise<boolean> {
  try {
    return await browser.permissions.contains(perms(site));
  } catch {
    return false;
  }
}

/**
 * Asks the browser for the site's permission. Call it straight from the merchant's click (before
 * any `await`): browsers refuse requests without a user gesture. Registration follows from the
 * background's `permissions.onAdded` listener.
 */
export function requestAccess(site: OptionalSite): Promise<boolean> {
  return browser.permissions.request(perms(site)).catch(() => false);
}

/** Gives the permission back; the background's `permissions.onRemoved` listener unregisters the script. */
export function removeAccess(site: OptionalSite): Promise<boolean> {
  return browser.permissions.remove(perms(site)).catch(() => false);
}

/** Whether a permission change touches the site. */
export function concerns(site: OptionalSite, changed: { origins?: string[] }): boolean {
  return (changed.origins ?? []).some((o) => site.origins.includes(o));
}

/**
 * Makes the registration follow the permission: registered while granted, unregistered otherwise.
 * Idempotent; safe to call on every worker start.
 */
export async function syncRegistration(site: OptionalSite): Promise<'registered' | 'unregistered' | 'unchanged'> {
  const granted = await hasAccess(site);
  const present = (await browser.scripting.getRegisteredContentScripts({ ids: [site.id] })).length > 0;
  if (granted && !present) {
    await browser.scripting.registerContentScripts([
      { id: site.id, matches: [...site.origins], js: [...site.js], runAt: 'document_idle', allFrames: false, persistAcrossSessions: false },
    ]);
    return 'registered';
  }
  if (!granted && present) {
    await browser.scripting.unregisterContentScripts({ ids: [site.id] });
    return 'unregistered';
  }
  return 'unchanged';
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
