import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SITE_FIXTURES, SITE_HOSTS } from './sites';

/** Committed fixtures, served at the real OTTO URLs (see test/fixtures/README.md). */
export const FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures');

/** A route table: URL path (without query and hash) on a host → fixture file. */
export type FixtureMap = Record<string, string>;

export const DEFAULT_FIXTURES: Record<string, FixtureMap> = {
  'portal.otto.market': {
    '/products/': 'portal/products-overview.html',
    '/products': 'portal/products-overview.html',
    '/': 'portal/dashboard.html',
  },
  'account.otto.market': {},
  'www.otto.de': {},
  // Opt-in sites (test/support/sites.ts).
  ...SITE_FIXTURES,
};

/** `extra` routes on top of `base`, host by host. */
export function withFixtures(base: Record<string, FixtureMap> = {}, extra: Record<string, FixtureMap> = {}): Record<string, FixtureMap> {
  const out: Record<string, FixtureMap> = { ...base };
  for (const [host, map] of Object.entries(extra)) out[host] = { ...base[host], ...map };
  return out;
}

export interface Served {
  status: number;
  contentType: string;
  body: string;
}

/** Content type by file extension (fixtures are .html; built test bundles add .js and .css). */
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
const contentTypeOf = (file: string) => CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'text/plain; charset=utf-8';

/**
 * Built files served next to the fixtures: `host + path prefix` → folder (e.g. the Salesforce test
 * form of test/support/lwc-form.ts under `account.otto.market/lga-test/`). Registered by a spec.
 */
const BUILT: Array<{ host: string; prefix: string; dir: string }> = [];
export function serveBuiltFiles(host: string, prefix: string, dir: string): void {
  if (!BUILT.some((b) => b.host === host && b.prefix === prefix && b.dir === dir)) BUILT.push({ host, prefix, dir });
}

/**
 * Documents served from memory instead of a file (e.g. a fixture's class-blind copy):
 * `inlineFixture(body)` returns a name to put in a route table in place of a file name.
 */
const INLINE = new Map<string, string>();
export function inlineFixture(body: string, ext = 'html'): string {
  const name = `inline:${INLINE.size + 1}.${ext}`;
  INLINE.set(name, body);
  return name;
}

/**
 * What the fake OTTO servers answer for `url`. `overrides` replace or add routes per host,
 * e.g. `{ 'portal.otto.market': { '/products/': 'portal/products-shadow.html' } }`.
 * Shop pages (www.otto.de) get a plain product page so opened deeplinks load.
 */
export function serve(url: string, overrides: Record<string, FixtureMap> = {}): Served {
  const u = new URL(url);
  // Lookalike hosts get the real host's pages: the extension must still not run there.
  const real = LOOKALIKES[u.host];
  if (real) {
    const path = u.pathname.replace(/^\/(portal|account)\.otto\.market/, '') || '/';
    return serve(`https://${real}${path}${u.search}`, overrides);
  }
  if (u.protocol === 'http:') return serve(url.replace(/^http:/, 'https:'), overrides);
  const built = BUILT.find((b) => b.host === u.host && u.pathname.startsWith(b.prefix));
  if (built) {
    const file = resolve(built.dir, u.pathname.slice(built.prefix.length));
    if (file.startsWith(built.dir + '/') && existsSync(file)) return { status: 200, contentType: contentTypeOf(file), body: readFileSync(file, 'utf8') };
  }
  const map = { ...DEFAULT_FIXTURES[u.host], ...overrides[u.host] };
  // A route may name a query too ('/order/confirmation?status=failed'); it wins over the bare path.
  let file = (u.search && map[u.pathname + u.search]) || map[u.pathname];
  if (!file) {
    // Longest prefix route ending in '*', e.g. '/products/productMaintenance/*'.
    const prefix = Object.keys(map)
      .filter((k) => k.endsWith('*') && u.pathname.startsWith(k.slice(0, -1)))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix) file = map[prefix];
  }
  if (!file && u.host === 'www.otto.de') file = 'shop/product.html';
  const inline = file ? INLINE.get(file) : undefined;
  if (inline !== undefined) return { status: 200, contentType: contentTypeOf(file!), body: inline };
  if (!file || !existsSync(join(FIXTURE_DIR, file))) {
    return { status: 404, contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>404</title><h1>No fixture for ${u.pathname}</h1>` };
  }
  const body = readFileSync(join(FIXTURE_DIR, file), 'utf8');
  return { status: 200, contentType: contentTypeOf(file), body };
}

/** Hosts that merely look like OTTO's, served with OTTO's fixtures to prove we do not inject there. */
export const LOOKALIKES: Record<string, string> = {
  'portal.otto.market.evil.example': 'portal.otto.market',
  'account.otto.market.evil.example': 'account.otto.market',
  'xportal.otto.market': 'portal.otto.market',
  'evil.example': 'portal.otto.market',
};

export const OTTO_HOSTS = ['portal.otto.market', 'account.otto.market', 'www.otto.de'];
/** Every host the test browsers answer for; all other requests are refused. */
export const SERVED_HOSTS = [...OTTO_HOSTS, ...Object.keys(LOOKALIKES), ...SITE_HOSTS];
