#!/usr/bin/env node
// The whole suite, in the order that fails fastest: types, unit + DOM, builds, store lint, real browsers.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

// Node 20 support for the test tools (see node-compat.mjs).
const compat = pathToFileURL(new URL('./node-compat.mjs', import.meta.url).pathname).href;

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['unit and DOM tests (Vitest)', 'npx', ['vitest', 'run', '-c', 'test/vitest.config.ts']],
  ['build Chrome and Firefox', 'npm', ['run', 'build', '--silent']],
  ['content-script entries ≤ 20 kB minified, ≤ 8 kB gzip, without WXT\'s context (issues 3, 16)', 'node', ['test/tools/check-entry-size.mjs']],
  ['web-ext lint (Firefox build)', 'node', ['test/tools/lint-firefox.mjs']],
  ['end-to-end (Chromium + Firefox)', 'npx', ['playwright', 'test', '-c', 'test/playwright.config.ts']],
  ['store zips: the Firefox sources zip rebuilds the package byte for byte', 'node', ['test/tools/check-sources-zip.mjs']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import=${compat}`].filter(Boolean).join(' ');
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS, LGA_SKIP_BUILD: '1' } });
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}
console.log('\n✓ all test stages passed');
