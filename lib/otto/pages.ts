import { HELP_ORIGIN, PORTAL_ORIGIN } from './urls';

/**
 * Page detection: pure predicates over a URL. Match patterns cannot see the `#…` part, so the
 * content scripts call these on every navigation. Each known URL matches exactly one kind
 * (see the matrix test in test/unit/pages.test.ts).
 */
export const PAGE_KINDS = [
  'opc-product-overview',
  'opc-product-page',
  'opc-order-list',
  'opc-order-details',
  'opc-other',
  'keycloak-login',
  'hc-ticket-form',
  'hc-livegang-article',
  'hc-contact-article',
  'hc-other',
  'other',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

type Predicate = (url: URL) => boolean;

const onPortal: Predicate = (u) => u.origin === PORTAL_ORIGIN;
const onHelp: Predicate = (u) => u.origin === HELP_ORIGIN;
const path = (u: URL) => u.pathname.replace(/\/+$/, '').toLowerCase() || '/';
/** The route inside the hash, e.g. `#/details/x/articles` → `/details/x/articles`. */
const hashRoute = (u: URL) => u.hash.replace(/^#!?/, '').toLowerCase();

const isLogin: Predicate = (u) =>
  onPortal(u) && (/^\/(auth\/)?realms\//.test(path(u)) || /\/protocol\/openid-connect\//.test(path(u)));

const isProductPage: Predicate = (u) =>
  onPortal(u) && /^\/products\/productmaintenance\/[^/]+/.test(path(u));

const isProductOverview: Predicate = (u) => {
  if (!onPortal(u) || isProductPage(u)) return false;
  const p = path(u);
  if (p !== '/products' && p !== '/products/productoverview') return false;
  const h = hashRoute(u);
  return h === '' || h === 'productoverview' || h.startsWith('/productoverview') || h === '/';
};

const isOrderDetails: Predicate = (u) => {
  if (!onPortal(u)) return false;
  const p = path(u);
  if (p !== '/orders') return /^\/orders\/details\/[^/]+/.test(p);
  return /^\/details\/[^/]+/.test(hashRoute(u));
};

const isOrderList: Predicate = (u) => onPortal(u) && !isOrderDetails(u) && path(u) === '/orders';

const isTicketForm: Predicate = (u) => onHelp(u) && /^\/s\/ticketanlegen$/.test(path(u));
const isLivegangArticle: Predicate = (u) =>
  onHelp(u) && /^\/s\/article\/vorbereitungen-livegang$/.test(path(u));
const isContactArticle: Predicate = (u) =>
  onHelp(u) && /^\/s\/article\/kontakt-zu-kund-innen-aufnehmen$/.test(path(u));

/** Ordered: the first predicate that matches decides. */
const PREDICATES: Array<[PageKind, Predicate]> = [
  ['keycloak-login', isLogin],
  ['opc-product-page', isProductPage],
  ['opc-product-overview', isProductOverview],
  ['opc-order-details', isOrderDetails],
  ['opc-order-list', isOrderList],
  ['opc-other', onPortal],
  ['hc-ticket-form', isTicketForm],
  ['hc-livegang-article', isLivegangArticle],
  ['hc-contact-article', isContactArticle],
  ['hc-other', onHelp],
];

export function pageKindOf(href: string | URL): PageKind {
  let url: URL;
  try {
    url = typeof href === 'string' ? new URL(href) : href;
  } catch {
    return 'other';
  }
  for (const [kind, test] of PREDICATES) if (test(url)) return kind;
  return 'other';
}

export const isPortalPage = (k: PageKind) => k.startsWith('opc-');
export const isHelpPage = (k: PageKind) => k.startsWith('hc-');
