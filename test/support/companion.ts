import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURE_DIR } from './fixtures';

/** The otto.de pages of the companion's walk, by full URL (query included), served from test/fixtures/shop/otto/. */
export const OTTO_PAGES = {
  product: 'https://www.otto.de/p/gartenstuhl-aus-teak-1234567890/#variationId=1234567891',
  account: 'https://www.otto.de/mein-konto/',
  loggedOut: 'https://www.otto.de/user/login',
  cart: 'https://www.otto.de/order/basket',
  address: 'https://www.otto.de/order/checkout/address',
  review: 'https://www.otto.de/order/checkout/confirm',
  failed: 'https://www.otto.de/order/confirmation?status=failed',
  confirmation: 'https://www.otto.de/order/confirmation',
  confirmationJsonLd: 'https://www.otto.de/kasse/abschluss',
} as const;

/** The same pages as a route table for the fixture servers (Firefox: per-path routes, a query may be part of the path). */
export const OTTO_ROUTES = {
  'www.otto.de': {
    '/p/*': 'shop/otto/product-jsonld.html',
    '/mein-konto/': 'shop/otto/account-logged-in.html',
    '/user/login': 'shop/otto/account-logged-out.html',
    '/order/basket': 'shop/otto/cart.html',
    '/order/checkout/address': 'shop/otto/checkout-address.html',
    '/order/checkout/confirm': 'shop/otto/checkout-review.html',
    '/order/confirmation?status=failed': 'shop/otto/payment-failed.html',
    '/order/confirmation': 'shop/otto/confirmation.html',
    '/kasse/abschluss': 'shop/otto/confirmation-jsonld.html',
  },
};

const FILES: Array<[RegExp, string]> = [
  [/^https:\/\/www\.otto\.de\/p\//, 'product-jsonld.html'],
  [/^https:\/\/www\.otto\.de\/mein-konto\/$/, 'account-logged-in.html'],
  [/^https:\/\/www\.otto\.de\/user\/login$/, 'account-logged-out.html'],
  [/^https:\/\/www\.otto\.de\/order\/basket$/, 'cart.html'],
  [/^https:\/\/www\.otto\.de\/order\/checkout\/address$/, 'checkout-address.html'],
  [/^https:\/\/www\.otto\.de\/order\/checkout\/confirm$/, 'checkout-review.html'],
  [/^https:\/\/www\.otto\.de\/order\/confirmation\?status=failed$/, 'payment-failed.html'],
  [/^https:\/\/www\.otto\.de\/order\/confirmation$/, 'confirmation.html'],
  [/^https:\/\/www\.otto\.de\/kasse\/abschluss$/, 'confirmation-jsonld.html'],
];

/** The fixture body for an otto.de URL of the walk (`null`: not one of them). */
export function ottoPage(url: string): string | null {
  const plain = url.replace(/#.*$/, '');
  const hit = FILES.find(([re]) => re.test(plain));
  return hit ? readFileSync(join(FIXTURE_DIR, 'shop/otto', hit[1]), 'utf8') : null;
}

/** Personal data of the invented buyer in the otto.de fixtures: none of it may be stored. */
export const OTTO_NEEDLES = ['LGAORD4711X', 'LGAORD4712Y', 'Erika', 'Musterfrau', 'Musterweg', 'Musterstadt', '9,99', '19,99', 'lga-kunde@example.invalid'];

/**
 * Chromium: a copy of the Chrome build whose manifest lists www.otto.de among its granted hosts.
 * Headless Chromium shows the permission prompt as a native dialog that automation cannot reach
 * (the request stays pending), so the state after the merchant's "yes" is made this way: the
 * extension then sees the permission as granted, as after consent, and registers its script.
 */
export function grantedChromeCopy(build: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lga-granted-'));
  cpSync(resolve(build), dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8'));
  m.host_permissions = [...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])];
  delete m.optional_host_permissions;
  writeFileSync(path, JSON.stringify(m));
  return dir;
}
