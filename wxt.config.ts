import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CHUNKS, PARTS, SITE_GUARD_PART, type UiChunk } from './lib/content/chunks';
import { STRUCTURE_TOOL_FILE } from './lib/content/page-tools';
import { featureChunks } from './lib/build/feature-chunks';
import { OPTIONAL_HOST_PATTERNS } from './lib/sites/catalog';

/** The UI chunks' files of one host (`portal-products.js`, …), from lib/content/chunks.ts. */
const chunkFiles = (host: keyof typeof CHUNKS) => Object.values(CHUNKS[host] as Record<string, UiChunk>).map((c) => c.file.slice(1));

/** Features' parts imported only when shown (lib/content/chunks.ts PARTS: the checklist's full panel), on either host. */
const PART_FILES = Object.values(PARTS).map((p) => p.file.slice(1));

/** The page-structure report's code (entrypoints/page-structure.ts), imported on the popup's request on either host. */
const STRUCTURE_TOOL = STRUCTURE_TOOL_FILE.slice(1);

/** The opt-in sites' guard (Preact, the warnings), imported by the site script when a buyer address shows up. */
const SITE_GUARD = SITE_GUARD_PART.file.slice(1);

/** Unlisted scripts that run in the content scripts' isolated world: the UI chunks (entrypoints/<name>.ts). */
const IN_PAGE_CHUNKS = [...chunkFiles('portal'), ...chunkFiles('help'), ...PART_FILES, STRUCTURE_TOOL, 'otto-guide.js', SITE_GUARD].map((f) => f.replace(/\.js$/, ''));

/** Fixed Firefox add-on id: keeps storage and the internal UUID stable across installs. */
export const GECKO_ID = 'livegang-assistent@livegang-assistent';

export default defineConfig({
  // LGA_OUT_DIR lets several builds coexist (e.g. parallel test runs); default `.output`.
  outDir: process.env.LGA_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Scripts that run in OTTO's pages (the content-script entries and their lazily imported UI
    // chunks) use the browser's native promise-based `browser`/`chrome` namespace instead of
    // webextension-polyfill (~10 kB): Chrome MV3 and Firefox both offer promises natively, and
    // the entry has a size budget (README, "Performance"). Background, popup and options keep
    // the polyfill. Native `runtime.onMessage` in Chrome needs `sendResponse` + `return true`
    // (see lib/content/start.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      const inPage = entrypoints.every((e) => e.type === 'content-script' || IN_PAGE_CHUNKS.includes(e.name));
      if (!inPage) return;
      config.resolve ??= {};
      const own = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }];
      // The content-script entries' `main` takes no WXT context (lib/content/lifetime.ts): WXT's
      // wrapper gets a stand-in that only announces the start (lib/content/script-context.ts).
      if (entrypoints.every((e) => e.type === 'content-script')) own.push({ find: /^wxt\/utils\/content-script-context$/, replacement: resolve(import.meta.dirname, 'lib/content/script-context.ts') });
      const alias = config.resolve.alias;
      config.resolve.alias = Array.isArray(alias)
        ? [...own, ...alias]
        : [...own, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))];
    },
  },
  vite: () => ({
    // featureChunks: each UI chunk's features and strings, derived from the features' declarations.
    plugins: [featureChunks(import.meta.dirname), preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false })],
    // No modulepreload polyfill: it would put a fetch() into the extension pages' code.
    build: { sourcemap: process.env.LGA_SOURCEMAP === "1", modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'de',
    permissions: ['storage', 'scripting'],
    // Asked for one site at a time when the merchant turns its feature on, never at install:
    // the opt-in sites (lib/sites) and www.otto.de for the companion (lib/companion). `scripting`
    // registers their scripts at runtime for exactly the granted sites.
    optional_host_permissions: [...OPTIONAL_HOST_PATTERNS, 'https://www.otto.de/*'],
    // The content scripts import their UI code on first use (lib/content/chunk.ts), one chunk per
    // group of pages, so that the script injected into every OTTO page stays small. Each chunk is
    // reachable only from its own OTTO host; in Chrome under a per-session URL so pages cannot
    // fingerprint the extension.
    web_accessible_resources: [
      { resources: [...chunkFiles('portal'), ...PART_FILES, STRUCTURE_TOOL], matches: ['https://portal.otto.market/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
      { resources: [...chunkFiles('help'), ...PART_FILES, STRUCTURE_TOOL], matches: ['https://account.otto.market/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
      // The opt-in sites' guard, imported by the site script (lib/sites/start.ts) on the sites the
      // merchant enabled. Those are granted at run time and may be any https origin the merchant
      // types in, while these matches are fixed at build time: `https://*/*`, the widest of the
      // optional host patterns, is the narrowest that covers them (both browsers accept match
      // patterns here; `<all_urls>` would add other schemes). It grants no access to any site; in
      // Chrome under a per-session URL, in Firefox under the install's random UUID.
      { resources: [SITE_GUARD], matches: ['https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    action: { default_title: '__MSG_actionTitle__' },
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 96: 'icons/96.png', 128: 'icons/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // No other extension and no web page may message us.
          externally_connectable: { ids: [] },
        }),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['test-results/**', 'playwright-report/**', 'demo-output/**', 'bench-output/**', '.cache/**', '.git/**'],
  },
  webExt: { disabled: true },
});
