/**
 * Every OTTO address the extension knows. The only place in the code that spells them out.
 */
export const PORTAL_ORIGIN = 'https://portal.otto.market';
export const HELP_ORIGIN = 'https://account.otto.market';
export const SHOP_ORIGIN = 'https://www.otto.de';

export const CONTENT_MATCHES = {
  portal: [`${PORTAL_ORIGIN}/*`],
  help: [`${HELP_ORIGIN}/*`],
} as const;

export const LINKS = {
  registration: 'https://www.otto.market/de/sofunktioniert/anmeldung.html',
  livegangArticle: `${HELP_ORIGIN}/s/article/Vorbereitungen-Livegang`,
  contactArticle: `${HELP_ORIGIN}/s/article/Kontakt-zu-Kund-innen-aufnehmen`,
  ticketForm: `${HELP_ORIGIN}/s/ticketanlegen`,
  productOverview: `${PORTAL_ORIGIN}/products/#productoverview`,
  orderList: `${PORTAL_ORIGIN}/orders`,
  /** The shop's home page (customer accounts are created there). */
  shop: `${SHOP_ORIGIN}/`,
} as const;

/**
 * Accepts only links to the OTTO shop (`https://www.otto.de/…`). Relative, protocol-relative,
 * script and lookalike URLs give `null`. Returns the parsed URL (its `href` is the normalised
 * link), so callers that read its parts parse it once.
 */
export function shopUrl(raw: string | null | undefined, base?: string): URL | null {
  if (!raw) return null;
  const text = raw.trim();
  if (!text || text.length > 4096) return null;
  // Only absolute https URLs (or relative ones resolved against a shop page) are candidates.
  let url: URL;
  try {
    url = base ? new URL(text, base) : new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.origin !== SHOP_ORIGIN) return null;
  if (url.username || url.password || url.port) return null;
  return url;
}

export function isOttoOrigin(origin: string): boolean {
  return origin === PORTAL_ORIGIN || origin === HELP_ORIGIN;
}
