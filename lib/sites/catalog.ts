/**
 * The opt-in sites (spec: "Opt-in sites"): common webmail services, each a switch in the options,
 * plus any other `https://` origin the merchant adds (a shop backend, a help desk). Pure data and
 * pure functions; no browser API here (the content script's entry uses this file).
 */

export interface SiteService {
  id: string;
  /** The switch's name in the options (a product name, the same in every language). */
  name: string;
  /** Match patterns: the host permissions asked for and where the guardrail script runs. */
  matches: readonly string[];
}

export const SITE_SERVICES = [
  { id: 'gmail', name: 'Gmail', matches: ['https://mail.google.com/*'] },
  {
    id: 'outlook',
    name: 'Outlook',
    // Consumer accounts (outlook.live.com) and Microsoft 365 (work or school) addresses.
    matches: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*'],
  },
  { id: 'gmx', name: 'GMX', matches: ['https://*.gmx.net/*'] },
  { id: 'webde', name: 'WEB.DE', matches: ['https://*.web.de/*'] },
  { id: 'tonline', name: 'T-Online E-Mail', matches: ['https://email.t-online.de/*'] },
] as const satisfies readonly SiteService[];

export type SiteServiceId = (typeof SITE_SERVICES)[number]['id'];
export const SITE_SERVICE_IDS = SITE_SERVICES.map((s) => s.id) as unknown as readonly [SiteServiceId, ...SiteServiceId[]];

/** How many other sites may be added. */
export const MAX_CUSTOM_SITES = 20;

/** Hosts the site script never runs on: OTTO's own (they have their own scripts) and the shop. */
const OWN_HOSTS = new Set(['portal.otto.market', 'account.otto.market', 'www.otto.de', 'otto.de']);

/**
 * A merchant's input ("https://shop.example.com/admin", "shop.example.com") as an origin
 * (`https://shop.example.com`), or `null` when it is not a plain https host we may ask for:
 * other schemes, ports, credentials, IP literals without a dot-name, OTTO's hosts, wildcards.
 */
export function normaliseOrigin(input: string): string | null {
  const text = input.trim();
  if (!text || text.length > 300 || /[\s*]/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.') || host.startsWith('[') || /^[\d.]+$/.test(host) || OWN_HOSTS.has(host)) return null;
  return `https://${host}`;
}

/** The match pattern of one added origin. */
export const originPattern = (origin: string) => `${origin}/*`;

/** Does a URL match one match pattern of the forms used here (`https://host/*`, `https://*.domain/*`)? */
export function matchesPattern(url: string, pattern: string): boolean {
  const m = /^https:\/\/(\*\.)?([^/*]+)\/\*$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:') return false;
  const host = u.hostname.toLowerCase();
  const base = m[2]!.toLowerCase();
  return host === base || (!!m[1] && host.endsWith(`.${base}`));
}

export interface EnabledSites {
  siteServices: readonly string[];
  siteOrigins: readonly string[];
}

/** Every match pattern the merchant enabled (services and added origins). */
export function enabledPatterns(sites: EnabledSites): string[] {
  const out: string[] = [];
  for (const s of SITE_SERVICES) if (sites.siteServices.includes(s.id)) out.push(...s.matches);
  for (const o of sites.siteOrigins) out.push(originPattern(o));
  return out;
}

/** Is `url` on a site the merchant enabled? */
export const isEnabledSite = (url: string, sites: EnabledSites) => enabledPatterns(sites).some((p) => matchesPattern(url, p));

/** Every pattern a service or added site may ever ask for (the manifest's optional host permissions). */
export const OPTIONAL_HOST_PATTERNS = [...SITE_SERVICES.flatMap((s) => s.matches), 'https://*/*'];
