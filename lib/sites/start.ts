import { browser } from 'wxt/browser';
import { importPart, type ImportChunk } from '../content/chunk';
import { SITE_GUARD_PART } from '../content/chunks';
import { resolveLang, type Lang } from '../i18n/lang';
import { KEYS } from '../storage/keys';
import type { LanguagePref } from '../settings/defaults';
import { isEnabledSite } from './catalog';
import type { SiteGuardOptions } from './guard';
import { watchForBuyerAddress } from './watch';

/** What the guard's part (entrypoints/site-guard.ts) publishes. */
export interface SiteGuardPart {
  startSiteGuard: (opts: SiteGuardOptions) => { rescan: () => void };
}

/** What the site script needs of the settings; read straight from storage (it sends no messages at all). */
export interface SiteSettings {
  lang: Lang;
  registered: string;
  /** This page's site is enabled and the contact guardrails are switched on. */
  enabled: boolean;
}

const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Reads the parts of the stored settings the site script needs; anything unreadable counts as "off". */
export function siteSettingsOf(raw: unknown, url: string): SiteSettings {
  const s = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const pref = (['auto', 'de', 'en'] as const).includes(s.language as LanguagePref) ? (s.language as LanguagePref) : 'auto';
  const features = s.features && typeof s.features === 'object' ? (s.features as Record<string, unknown>) : {};
  return {
    lang: resolveLang(pref),
    registered: typeof s.senderAddress === 'string' ? s.senderAddress.toLowerCase() : '',
    enabled: features.contact !== false && isEnabledSite(url, { siteServices: list(s.siteServices), siteOrigins: list(s.siteOrigins) }),
  };
}

/**
 * The site script's start: once per page (it may be injected into an open tab and registered for
 * the next load), only while the merchant has this site enabled. This entry only watches for an
 * address of OTTO's kinds (lib/sites/watch.ts); the first one imports the guard's part (Preact,
 * the warnings; lib/content/chunks.ts SITE_GUARD_PART), which takes over. Turning the site (or
 * the contact guardrails) off removes everything at once, without a reload; turning it on again
 * starts anew. `importChunk` only for tests (default: from the package).
 */
export function startSite(lifetime: AbortSignal, importChunk?: ImportChunk): void {
  const g = globalThis as { __lgaSite?: boolean };
  if (g.__lgaSite) return;
  g.__lgaSite = true;
  let current: SiteSettings = { lang: 'de', registered: '', enabled: false };
  let run: AbortController | null = null;
  let guard: { rescan: () => void } | null = null;
  const listeners = new Set<() => void>();
  const store = { get: () => current, subscribe: (fn: () => void) => (listeners.add(fn), () => void listeners.delete(fn)) };

  const startGuard = async (signal: AbortSignal) => {
    try {
      const part = await importPart<SiteGuardPart>(SITE_GUARD_PART, importChunk);
      if (part && !signal.aborted) guard = part.startSiteGuard({ signal, store, registered: () => current.registered });
    } catch (error) {
      // Not retried on this page (the address is still there: a retry would loop); turning the site off and on tries again.
      console.warn('[livegang-assistent] sites: the warnings could not be loaded:', error instanceof Error ? error.name : 'error');
    }
  };

  const apply = (raw: unknown) => {
    const next = siteSettingsOf(raw, location.href);
    const changed = next.lang !== current.lang || next.registered !== current.registered;
    current = next;
    if (!next.enabled || lifetime.aborted) {
      run?.abort();
      run = guard = null;
      return;
    }
    if (!run) {
      const signal = (run = new AbortController()).signal;
      watchForBuyerAddress(document, signal, () => void startGuard(signal));
    } else if (changed) {
      for (const fn of [...listeners]) fn();
      guard?.rescan();
    }
  };
  const read = () =>
    browser.storage.local.get(KEYS.settings).then(
      (got) => apply(got[KEYS.settings]),
      () => apply(undefined),
    );
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEYS.settings in changes) apply(changes[KEYS.settings]!.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  lifetime.addEventListener(
    'abort',
    () => {
      run?.abort();
      browser.storage?.onChanged?.removeListener(onChanged);
    },
    { once: true },
  );
  void read();
}
