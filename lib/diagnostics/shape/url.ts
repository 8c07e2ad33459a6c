import { classifyEmail } from '../../contact/classify';
import { emailsOfMailto } from '../../contact/email';
import { parsePhone } from '../../contact/phone';
import { plainShape, shapeText, type ShapeContext } from './text';

/** The shape of a URL: OTTO's scheme, hosts and route words stay, the rest becomes shapes and link classes. */

/** Segments of OTTO's own routes (lib/otto/pages.ts and the portal's links): URL vocabulary, kept as they are. */
export const ROUTE_WORDS = new Set([
  'products', 'productoverview', 'productmaintenance', 'orders', 'details', 'articles', 'article', 'oauth2', 'sign_out', 'logout',
  's', 'p', 'ticketanlegen', 'vorbereitungen-livegang', 'kontakt-zu-kund-innen-aufnehmen', 'realms', 'auth', 'protocol',
  'openid-connect', 'dashboard', 'de', 'en', 'login', 'help', 'shipments', 'returns', 'invoices', 'settings',
]);

/** Hosts whose names are OTTO's and kept; other hosts become shapes (a merchant's own shop is merchant data). */
const KNOWN_HOSTS = new Set(['www.otto.de', 'otto.de', 'portal.otto.market', 'account.otto.market', 'www.otto.market', 'otto.market', 'i.otto.de']);

/** A literal part of a URL shape (scheme, OTTO host, route word, parameter name): `{=…}`. */
const lit = (s: string) => (s ? `{=${s.replace(/[{}\\]/g, (c) => `\\${c}`)}}` : '');

function shapeSegment(seg: string, ctx: ShapeContext): string {
  if (!seg) return '';
  let decoded = seg;
  try {
    decoded = decodeURIComponent(seg);
  } catch {
    /* keep */
  }
  if (ROUTE_WORDS.has(decoded.toLowerCase())) return lit(decoded);
  return shapeText(decoded, ctx);
}

function shapePath(path: string, ctx: ShapeContext): string {
  return path.split('/').map((s) => shapeSegment(s, ctx)).join('/');
}

function shapeQuery(query: string, ctx: ShapeContext): string {
  if (!query) return '';
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? null : pair.slice(eq + 1);
      const n = /^[A-Za-z][A-Za-z_-]{0,24}$/.test(name) ? lit(name) : shapeText(name, ctx);
      return value === null ? n : `${n}=${shapeSegment(value, ctx)}`;
    })
    .join('&');
}

function shapeHash(hash: string, ctx: ShapeContext): string {
  if (!hash) return '';
  const body = hash.slice(1);
  if (/^!?\//.test(body)) return `\\#${body.startsWith('!') ? '!' : ''}${shapePath(body.replace(/^!/, ''), ctx)}`;
  if (body.includes('=')) return `\\#${shapeQuery(body, ctx)}`;
  return `\\#${shapeSegment(body, ctx)}`;
}

/**
 * A URL attribute's value: scheme and form as written (absolute, `//host`, `/path`, relative),
 * OTTO's hosts and route words kept, other hosts and segments shaped, otto.de product paths
 * masked; `mailto:`/`tel:` as their contact category. Prefixed with the link class `{link:n}`:
 * equal URLs (resolved against `base`) share it.
 */
export function shapeUrl(raw: string, base: string, ctx: ShapeContext): string {
  const text = raw.trim();
  if (!text) return '';
  const mailto = /^mailto:/i.exec(text);
  if (mailto) {
    const emails = emailsOfMailto(text).map((e) => {
      const cls = classifyEmail(e.address, { freight: false, orderNumber: ctx.orderNumber });
      return `{email:${cls?.kind ?? 'other'} ${ctx.classes.of('email', `email:${e.address}`)}}`;
    });
    const q = text.indexOf('?');
    return `${lit('mailto:')}${emails.join(',')}${q >= 0 ? `?${shapeQuery(text.slice(q + 1).split('#')[0]!, ctx)}` : ''}`;
  }
  const tel = /^(tel|callto):/i.exec(text);
  if (tel) {
    const phone = parsePhone(text, { orderNumber: ctx.orderNumber ?? undefined });
    return `${lit(`${tel[1]!.toLowerCase()}:`)}${phone ? `{phone ${ctx.classes.of('phone', phone.e164)}}` : plainShape(text.slice(tel[0].length))}`;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (scheme && !/^https?$/i.test(scheme[1]!)) return `${lit(`${scheme[1]!.toLowerCase()}:`)}{masked}`;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return shapeText(text, ctx);
  }
  const link = `{link:${ctx.classes.of('link', url.href)}}`;
  const form = /^https?:\/\//i.test(text) ? 'absolute' : text.startsWith('//') ? 'protocol' : text.startsWith('/') ? 'root' : text.startsWith('#') ? 'hash' : text.startsWith('?') ? 'query' : 'relative';
  const host = KNOWN_HOSTS.has(url.hostname) && !url.port && !url.username && !url.password ? lit(url.host) : shapeText(url.host, ctx);
  const auth = url.username || url.password ? `${plainShape(url.username)}${url.password ? `:${plainShape(url.password)}` : ''}@` : '';
  const product = url.hostname === 'www.otto.de' && (url.pathname.startsWith('/p/') || url.pathname === '/p');
  const rest = product ? `/${lit('p')}/{masked}` : `${shapePath(url.pathname, ctx)}${url.search ? `?${shapeQuery(url.search.slice(1), ctx)}` : ''}${shapeHash(url.hash, ctx)}`;
  switch (form) {
    case 'absolute':
      return `${link}${lit(url.protocol)}//${auth}${host}${rest}`;
    case 'protocol':
      return `${link}//${auth}${host}${rest}`;
    case 'hash':
      return `${link}${shapeHash(url.hash, ctx)}`;
    case 'query':
      return `${link}?${shapeQuery(url.search.slice(1), ctx)}${shapeHash(url.hash, ctx)}`;
    case 'relative':
      return `${link}${shapePath(text.split(/[?#]/, 1)[0]!, ctx)}${url.search ? `?${shapeQuery(url.search.slice(1), ctx)}` : ''}${shapeHash(url.hash, ctx)}`;
    default:
      return `${link}${rest}`;
  }
}
