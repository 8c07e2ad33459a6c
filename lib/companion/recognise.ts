import { deepQueryAll, textOf, type QueryRoot } from '../otto/query';
import { SHOP_ORIGIN } from '../otto/urls';
import type { PageFacts } from './journey';

/**
 * What an otto.de page shows, by meaning: nobody on the team has seen otto.de's current markup
 * from the inside, so nothing here depends on class names or ids. Signals are the URL path, the
 * page's own structured data (JSON-LD), headings, landmarks, link targets and German (and
 * English) wording. Only booleans leave this file: no name, order number, address or amount is
 * read into anything that is kept or sent.
 */

/** `@type`s of the page's JSON-LD blocks (also inside `@graph` and arrays); broken blocks are skipped. */
export function structuredTypes(root: QueryRoot): Set<string> {
  const types = new Set<string>();
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.slice(0, 50).forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    const t = o['@type'];
    for (const name of Array.isArray(t) ? t : [t]) if (typeof name === 'string') types.add(name.replace(/^https?:\/\/schema\.org\//, ''));
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of deepQueryAll(root, 'script[type="application/ld+json"]').slice(0, 20)) {
    try {
      visit(JSON.parse((s.textContent ?? '').slice(0, 200_000)), 0);
    } catch {
      /* not JSON: not a signal */
    }
  }
  return types;
}

/** A control's name as a person hears it: its text, else its label or title. */
function nameOf(el: Element): string {
  return (textOf(el, 120) || el.getAttribute('aria-label') || el.getAttribute('title') || '').replace(/\s+/g, ' ').trim();
}

const controls = (root: QueryRoot) => deepQueryAll(root, 'a[href], button, [role="button"], [role="menuitem"], input[type="submit"]');
const headings = (root: QueryRoot) => deepQueryAll(root, 'h1, h2, [role="heading"]').map((h) => textOf(h, 200));

/** The product page: `https://www.otto.de/p/…` with the product itself (structured data, or a title and an add-to-cart control). */
const ADD_TO_CART = /^(in den warenkorb|zum warenkorb hinzufügen|add to (cart|basket))$/i;
export function isProductPage(root: QueryRoot, url: URL): boolean {
  if (url.origin !== SHOP_ORIGIN || !/^\/p\//.test(url.pathname)) return false;
  if (structuredTypes(root).has('Product')) return true;
  const title = deepQueryAll(root, 'h1, [role="heading"][aria-level="1"]').some((h) => textOf(h).length > 0);
  return title && controls(root).some((c) => ADD_TO_CART.test(nameOf(c) || (c as HTMLInputElement).value || ''));
}

/** Logged in: the account menu offers to log out, or greets someone while offering no login. */
const LOGOUT = /^(abmelden|ausloggen|logout|log out|sign out|abmelden und beenden)$/i;
const LOGOUT_PATH = /\/(logout|abmelden|signout|sign-out)(\/|$|\?)/i;
const LOGIN = /^(anmelden|einloggen|login|log in|sign in|jetzt anmelden|zur anmeldung)$/i;
const GREETING = /^(hallo|hi|willkommen),?\s+\S{2,}/i;
export function isLoggedIn(root: QueryRoot): boolean {
  const all = controls(root);
  const logout = all.some((c) => {
    if (LOGOUT.test(nameOf(c))) return true;
    const href = c.getAttribute('href');
    if (!href) return false;
    try {
      return LOGOUT_PATH.test(new URL(href, SHOP_ORIGIN).pathname);
    } catch {
      return false;
    }
  });
  if (logout) return true;
  if (all.some((c) => LOGIN.test(nameOf(c)))) return false;
  // A greeting with a name in the header (never read beyond the test): "Hallo Max", "Hallo, Erika".
  const header = deepQueryAll(root, 'header, [role="banner"], nav, [role="navigation"]');
  return header.some((h) => deepQueryAll(h, 'a, button, span, p, div').some((e) => e.children.length === 0 && GREETING.test(textOf(e, 60)) && !/^hallo[!.]?$/i.test(textOf(e, 60))));
}

/** The order confirmation: the heading says the order was received, and the page is the shop's confirmation (path, structured data or an order-number label). */
const CONFIRMED = /(vielen dank für (ihre|deine) bestellung|danke für (ihre|deine) bestellung|(ihre|deine) bestellung (ist|wurde) (eingegangen|erfolgreich|aufgegeben)|bestellung erfolgreich|bestellbestätigung|thank you for your order|order (confirmed|received))/i;
const CONFIRM_PATH = /\/(order|bestellung|checkout|kasse)\/.*(confirm|bestaetigung|bestätigung|danke|thank|success|erfolg)|\/(bestellbestaetigung|danke|thankyou|order-confirmation)(\/|$)/i;
const ORDER_LABEL = /^(ihre |deine )?(bestellnummer|order number)\b/i;
/** Failure or not-yet-ordered wording anywhere a page announces it (headings, alerts). */
const FAILED = /(fehlgeschlagen|nicht (erfolgreich|abgeschlossen|möglich)|abgelehnt|abgebrochen|storniert|fehler|leider|failed|declined|unsuccessful|error)/i;
/** Controls that only exist before the order is placed: the checkout's last step. */
const ORDER_BUTTON = /^(zahlungspflichtig bestellen|jetzt (kaufen|zahlungspflichtig bestellen)|bestellung (absenden|abschicken)|kaufen|place order|buy now)$/i;

export function isOrderConfirmation(root: QueryRoot, url: URL): boolean {
  if (url.origin !== SHOP_ORIGIN || /^\/p\//.test(url.pathname)) return false;
  const hs = headings(root);
  if (!hs.some((h) => CONFIRMED.test(h))) return false;
  const alerts = deepQueryAll(root, '[role="alert"], [aria-live="assertive"]').map((a) => textOf(a, 200));
  if ([...hs, ...alerts].some((t) => FAILED.test(t))) return false;
  if (controls(root).some((c) => ORDER_BUTTON.test(nameOf(c) || (c as HTMLInputElement).value || ''))) return false;
  if (CONFIRM_PATH.test(url.pathname)) return true;
  const types = structuredTypes(root);
  if (types.has('Order')) return true;
  return deepQueryAll(root, 'dt, th, label, span, p, div').some((e) => e.children.length === 0 && ORDER_LABEL.test(textOf(e, 40)));
}

/** Everything the companion reports about one page. */
export function recogniseShop(root: QueryRoot, url: URL): PageFacts {
  const confirmation = isOrderConfirmation(root, url);
  return { product: !confirmation && isProductPage(root, url), loggedIn: isLoggedIn(root), confirmation };
}
