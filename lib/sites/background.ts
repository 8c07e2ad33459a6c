import { browser } from 'wxt/browser';
import { KEYS } from '../storage/keys';
import { readAll, serialized } from '../background/store';
import { enabledPatterns, originPattern, SITE_SERVICES } from './catalog';
import { grantedPatterns, syncRuntimeScript, type RuntimeScript } from '../optional-site/registration';

/** The guardrail script of the opt-in sites (entrypoints/site.content.ts). */
export const SITE_SCRIPT: RuntimeScript = { id: 'lga-sites', file: 'content-scripts/site.js' };

/** Registers the site script for the enabled sites whose permission is granted (and nothing else). */
export function syncSiteScripts(): Promise<void> {
  // One sync at a time: two events together (a settings change and a grant) must not register twice.
  const run = syncing.then(async () => {
    const { settings } = await readAll();
    const wanted = settings.features.contact ? enabledPatterns(settings) : [];
    await syncRuntimeScript(SITE_SCRIPT, await grantedPatterns(wanted));
  });
  syncing = run.catch(() => undefined);
  return run;
}
let syncing: Promise<unknown> = Promise.resolve();

/**
 * A permission the merchant took back in the browser's own settings turns its site off (the
 * background is the only writer of settings). A service needs all of its patterns.
 */
export async function dropRevokedSites(): Promise<void> {
  await serialized(async () => {
    const { settings } = await readAll();
    const granted = new Set(await grantedPatterns(enabledPatterns(settings)));
    const siteServices = settings.siteServices.filter((id) => SITE_SERVICES.find((s) => s.id === id)!.matches.every((p) => granted.has(p)));
    const siteOrigins = settings.siteOrigins.filter((o) => granted.has(originPattern(o)));
    if (siteServices.length === settings.siteServices.length && siteOrigins.length === settings.siteOrigins.length) return;
    await browser.storage.local.set({ [KEYS.settings]: { ...settings, siteServices, siteOrigins } });
  });
}

const quietly = (task: () => Promise<void>) => () =>
  void task().catch((e: unknown) => console.warn('[livegang-assistent] sites:', e instanceof Error ? e.name : 'error'));

/** Background wiring: at start, on settings changes and when permissions change. Listeners are added synchronously. */
export function startSiteSync(): void {
  const sync = quietly(syncSiteScripts);
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEYS.settings in changes) sync();
  });
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(quietly(async () => {
    await dropRevokedSites();
    await syncSiteScripts();
  }));
}
