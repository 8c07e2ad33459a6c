#!/usr/bin/env node
// Mozilla's add-on validator (web-ext lint) on the Firefox build: 0 errors required.
// Warnings are printed; each remaining one is explained in the README ("Store checks").
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', `${process.env.LGA_OUT_DIR || '.output'}/firefox-mv3`, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
} catch {
  console.error(r.stdout, r.stderr);
  console.error('web-ext lint produced no JSON report');
  process.exit(1);
}
const { errors = [], warnings = [], notices = [] } = report;
for (const w of warnings) console.log(`warning ${w.code}: ${w.message} (${w.file ?? ''})`);
for (const e of errors) console.log(`ERROR ${e.code}: ${e.message} (${e.file ?? ''})`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
process.exit(errors.length ? 1 : 0);
