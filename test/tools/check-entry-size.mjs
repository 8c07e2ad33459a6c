#!/usr/bin/env node
// Issues 3 and 16: the content-script entries (what every OTTO page compiles before anything else)
// stay at most 20 kB minified and 8 kB gzip (gzip -9, kB = 1,000 bytes as WXT prints them): portal.js and help.js of the
// Chrome and the Firefox build, and site.js (issue 19: the opt-in sites' script, compiled on every
// page of an enabled webmail site; its warnings are the site-guard.js part, imported on demand). Run after the build (step of `npm test`); exit 1 with the sizes
// when one is over or missing. The UI chunks they import on demand are not limited here. Also fails
// when an entry carries WXT's ContentScriptContext again (3 kB and a listener per page that we never
// use: wxt.config.ts swaps it for lib/content/script-context.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ENTRY_GZIP_LIMIT = 8_000;
export const ENTRY_MIN_LIMIT = 20_000;
/** A string only WXT's ContentScriptContext puts into a bundle (its event names). */
export const WXT_CONTEXT_MARKER = 'wxt:content-script-started';
export const ENTRIES = ['content-scripts/portal.js', 'content-scripts/help.js', 'content-scripts/site.js'];
const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, process.env.LGA_OUT_DIR || '.output');

/** Sizes of every entry of both builds; `missing` when a file is not there. */
export function entrySizes(dir = outDir) {
  return ['chrome-mv3', 'firefox-mv3'].flatMap((build) =>
    ENTRIES.map((rel) => {
      const file = join(dir, build, rel);
      if (!existsSync(file)) return { build, rel, missing: true, min: 0, gzip: 0, wxtContext: false };
      const buf = readFileSync(file);
      return { build, rel, missing: false, min: buf.length, gzip: gzipSync(buf, { level: 9 }).length, wxtContext: buf.includes(WXT_CONTEXT_MARKER) };
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = entrySizes();
  const kb = (b) => `${(b / 1000).toFixed(2)} kB`;
  let ok = true;
  for (const s of sizes) {
    const bad = s.missing || s.gzip > ENTRY_GZIP_LIMIT || s.min > ENTRY_MIN_LIMIT || s.wxtContext;
    ok &&= !bad;
    const what = s.missing ? 'MISSING (build first: npm run build)' : `${kb(s.min)} minified, ${kb(s.gzip)} gzip${s.wxtContext ? ", carries WXT's ContentScriptContext" : ''}`;
    console.log(`  ${bad ? '✗' : '✓'} ${s.build}/${s.rel}: ${what}`);
  }
  if (!ok) {
    console.error(`\nA content-script entry is over ${kb(ENTRY_MIN_LIMIT)} minified or ${kb(ENTRY_GZIP_LIMIT)} gzip, carries WXT's ContentScriptContext (the alias in wxt.config.ts to lib/content/script-context.ts), or is missing. Everything not needed before a page's first render belongs in a UI chunk (lib/content/chunks.ts), imported on demand.`);
    process.exit(1);
  }
  console.log(`  all entries ≤ ${kb(ENTRY_MIN_LIMIT)} minified, ≤ ${kb(ENTRY_GZIP_LIMIT)} gzip`);
}
