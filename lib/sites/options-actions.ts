import type { Settings, SettingsPatchInput } from '../settings/defaults';
import { enabledPatterns, originPattern, SITE_SERVICES, type SiteServiceId } from './catalog';
import { releaseHosts, requestHosts } from '../optional-site/permissions';

export interface SiteActions {
  toggleService: (id: SiteServiceId, on: boolean) => void;
  addOrigin: (origin: string) => void;
  removeOrigin: (origin: string) => void;
}

export interface SiteActionDeps {
  settings: () => Settings;
  /** Saves a settings change; resolves true when stored. */
  patch: (p: SettingsPatchInput) => Promise<boolean>;
  /** Tells the merchant what happened (e.g. the browser refused the permission). */
  say: (what: 'denied' | 'enabled' | 'disabled', site: string) => void;
}

const serviceOf = (id: SiteServiceId) => SITE_SERVICES.find((s) => s.id === id)!;

/**
 * Turning a site on asks the browser for exactly its patterns first (in the click, see
 * requestHosts) and saves it only when granted; turning it off saves first and then gives the
 * permission back. The background registers the guardrail script accordingly.
 */
export function siteActions({ settings, patch, say }: SiteActionDeps): SiteActions {
  const enable = (patterns: readonly string[], name: string, change: (s: Settings) => SettingsPatchInput) => {
    // No await before this call: it must run inside the merchant's click.
    void requestHosts(patterns).then(async (granted) => {
      if (!granted) return say('denied', name);
      if (await patch(change(settings()))) say('enabled', name);
    });
  };
  const disable = async (patterns: readonly string[], name: string, change: (s: Settings) => SettingsPatchInput) => {
    const next = change(settings());
    if (!(await patch(next))) return;
    await releaseHosts(patterns, enabledPatterns({ ...settings(), ...next } as Settings));
    say('disabled', name);
  };
  return {
    toggleService: (id, on) => {
      const s = serviceOf(id);
      if (on) enable(s.matches, s.name, (cur) => ({ siteServices: [...cur.siteServices.filter((x) => x !== id), id] }));
      else void disable(s.matches, s.name, (cur) => ({ siteServices: cur.siteServices.filter((x) => x !== id) }));
    },
    addOrigin: (origin) => enable([originPattern(origin)], origin, (cur) => ({ siteOrigins: [...cur.siteOrigins.filter((o) => o !== origin), origin] })),
    removeOrigin: (origin) => void disable([originPattern(origin)], origin, (cur) => ({ siteOrigins: cur.siteOrigins.filter((o) => o !== origin) })),
  };
}
