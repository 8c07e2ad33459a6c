#!/usr/bin/env node
// Renders the extension icons (public/icons/<size>.png) from the master .store/icon.svg.
// Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin). The PNGs are committed: the build
// and the tests do not run this; run it after changing the master.
// - 16, 32, 48, 96: the artwork fills the square (toolbar, menus, Firefox's add-on manager).
// - 128: the artwork is 96 × 96 with 16 px of transparent padding on each side, as the Chrome Web
//   Store asks for the 128 px icon.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const master = readFileSync(resolve(root, '.store/icon.svg'), 'utf8');
if (!master.includes('viewBox="0 0 128 128"')) throw new Error('.store/icon.svg must use viewBox="0 0 128 128"');
// 128 units shown at 96 px of 128 px: the view is 128 × 128/96 units wide, centred.
const pad = (128 * 128) / 96;
const offset = -(pad - 128) / 2;
const padded = master.replace('viewBox="0 0 128 128"', `viewBox="${offset} ${offset} ${pad} ${pad}"`);

for (const size of [16, 32, 48, 96, 128]) {
  const svg = size === 128 ? padded : master;
  const out = resolve(root, `public/icons/${size}.png`);
  execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-f', 'png', '-o', out], { input: svg });
  console.log(`${out} (${size} × ${size})`);
}
