#!/usr/bin/env node
// `npm run check:sources`: does the Firefox sources zip rebuild the Firefox package exactly?
// (AMO reviewers rebuild the sources zip with the README's commands and compare.)
//
// 1. `npm run zip` → <out>/livegang-assistent-<v>-firefox.zip and …-sources.zip
// 2. unpacks the sources zip into a fresh temporary folder
// 3. there: `npm ci`, then the README's Firefox build (`npm run build:firefox` → .output/firefox-mv3)
// 4. compares every file of the rebuilt .output/firefox-mv3 with the Firefox zip, byte for byte
//
// Exit code 0 when identical. `--keep` leaves the temporary folder for inspection.
// `--npm-install` (diagnosis only) installs with `npm install` instead of `npm ci`, for when npm ci
// refuses the lock file: it tells whether everything else reproduces; the result line says so.
// LGA_OUT_DIR moves the zips of step 1 (as for the builds); the rebuild uses the README's defaults.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, process.env.LGA_OUT_DIR || '.output');
const keep = process.argv.includes('--keep');
const npmInstall = process.argv.includes('--npm-install');
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

class StepFailed extends Error {}

function run(what, cmd, args, opts) {
  const t = Date.now();
  process.stdout.write(`${what} … `);
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) {
    console.log(`FAILED after ${seconds(t)}`);
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    const missing = [...output.matchAll(/Missing: (\S+) from lock file/g)].map((m) => m[1]);
    if (missing.length) {
      console.error(`package-lock.json lacks ${missing.length} packages that npm ci requires, e.g. ${missing.slice(0, 3).join(', ')}.`);
      console.error('npm install records only the optional platform packages its registry serves; npm ci checks all of them.');
    } else {
      console.error(output.split('\n').filter((l) => !l.startsWith('npm warn')).slice(-40).join('\n'));
    }
    throw new StepFailed(`"${[cmd, ...args].join(' ')}" failed (exit ${r.status})`);
  }
  console.log(seconds(t));
}

/** Reads a zip file (stored or deflated entries; what wxt writes) into path → content. */
function readZip(file) {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`${file}: ${name} uses compression method ${method}`);
    if (data.length !== size) throw new Error(`${file}: ${name} has ${data.length} bytes, the directory says ${size}`);
    entries.set(name, data);
  }
  return entries;
}

function filesBelow(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesBelow(p, base));
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out.sort();
}

const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const firefoxZip = join(outDir, `${name}-${version}-firefox.zip`);
const sourcesZip = join(outDir, `${name}-${version}-sources.zip`);

console.log(`check:sources — does ${relative(root, sourcesZip)} rebuild ${relative(root, firefoxZip)}?`);
let ok = false;
let work = null;
try {
  run('npm run zip', 'npm', ['run', 'zip', '--silent'], { cwd: root });
  work = mkdtempSync(join(tmpdir(), 'lga-sources-'));
  const sources = readZip(sourcesZip);
  for (const [path, data] of sources) {
    const target = join(work, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  console.log(`unpacked ${sources.size} source files into ${work}`);

  // The README's commands, in a clean environment: no LGA_OUT_DIR, a fresh node_modules.
  const env = { ...process.env };
  delete env.LGA_OUT_DIR;
  if (npmInstall) run('npm install (diagnosis: instead of npm ci)', 'npm', ['install', '--no-audit', '--no-fund'], { cwd: work, env });
  else run('npm ci', 'npm', ['ci', '--no-audit', '--no-fund'], { cwd: work, env });
  run('npm run build:firefox', 'npm', ['run', 'build:firefox', '--silent'], { cwd: work, env });

  const packaged = readZip(firefoxZip);
  const builtDir = join(work, '.output/firefox-mv3');
  const built = filesBelow(builtDir);
  const missing = built.filter((f) => !packaged.has(f));
  const extra = [...packaged.keys()].filter((f) => !built.includes(f)).sort();
  const differing = built.filter((f) => packaged.has(f) && !packaged.get(f).equals(readFileSync(join(builtDir, f))));
  const same = built.length - missing.length - differing.length;

  console.log(`compared ${built.length} rebuilt files with ${packaged.size} files in the Firefox zip: ${same} identical`);
  for (const f of missing) console.log(`  only in the rebuild: ${f}`);
  for (const f of extra) console.log(`  only in the Firefox zip: ${f}`);
  for (const f of differing) console.log(`  different: ${f} (zip ${packaged.get(f).length} bytes, rebuild ${statSync(join(builtDir, f)).size} bytes)`);
  ok = built.length > 0 && !missing.length && !extra.length && !differing.length;
} catch (e) {
  console.error(`check:sources: ${e instanceof Error ? e.message : e}`);
} finally {
  if (work && keep) console.log(`kept ${work}`);
  else if (work) rmSync(work, { recursive: true, force: true });
}
console.log(
  ok
    ? `OK: the sources zip rebuilds the Firefox package byte for byte${npmInstall ? ' (installed with npm install, not npm ci)' : ''} (${seconds(started)})`
    : `FAILED: the sources zip does not rebuild the Firefox package (${seconds(started)})`,
);
process.exit(ok ? 0 : 1);
