#!/usr/bin/env node
// `npm run bench:trace`: where the time that `npm run bench` reports goes, from Chromium traces.
//
// bench.mjs says how much main-thread time we add; this says what that time is. Per scenario the
// same page view is traced (devtools.timeline, v8, toplevel) with our build, with the reference
// (bench-reference.mjs: our UI, none of our code) and without any extension, interleaved, RUNS
// each after a warm-up. For the page's main thread it sums the *self* thread time of every trace
// event by name (script events of a chrome-extension:// URL, and everything inside them, marked
// "[ours]"), takes the median per side and prints the names where ours differs most from the
// reference (or, for the 2,000-row scenario, from no extension): compile and parse, running our
// code, microtasks (our promise and MutationObserver callbacks), layout, paint. Layouts and style
// recalculations forced by our code are listed with our call stack (source files and lines when
// the build has source maps: `LGA_SOURCEMAP=1 LGA_OUT_DIR=<dir> npx wxt build`, then
// `LGA_OUT_DIR=<dir> LGA_SKIP_BUILD=1 npm run bench:trace`).
//
// Knobs: LGA_TRACE_ONLY=first|new-tab|2000 (comma-separated), LGA_TRACE_RUNS (default 3),
// LGA_TRACE_TOP (rows printed, default 25), LGA_SKIP_BUILD=1, LGA_OUT_DIR, LGA_TRACE_JSON=<file>.
// Traces cost time of their own: read the figures against each other, not against bench.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { buildReference } from './bench-reference.mjs';
import { extDir, launch, median, outDir, OVERVIEW_100, OVERVIEW_2000_UPDATES, root } from './bench-browser.mjs';

const RUNS = Math.max(1, Number(process.env.LGA_TRACE_RUNS) || 3);
const TOP = Number(process.env.LGA_TRACE_TOP) || 25;
const SCENARIOS = [
  { id: 'first', title: '100-row overview, first visit (fresh profile)', url: OVERVIEW_100, fresh: true, reference: 'first' },
  { id: 'new-tab', title: '100-row overview, new tab (used profile)', url: OVERVIEW_100, reference: 'later' },
  { id: '2000', title: '2,000-row overview, 5 s of updates', url: OVERVIEW_2000_UPDATES, waitFor: '__updatesDone' },
];
const only = (process.env.LGA_TRACE_ONLY || '').split(',').map((x) => x.trim()).filter(Boolean);
const CATEGORIES = ['-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'v8', 'v8.execute', 'toplevel', 'loading', 'blink'];

if (process.env.LGA_SKIP_BUILD !== '1' || !existsSync(join(extDir, 'manifest.json'))) {
  console.log(`Building the Chrome package into ${outDir} …`);
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env } });
}

/** One page view of `sc` in `browser`, traced from before the navigation to 2.5 s after load (and the page's updates). */
async function traced(browser, sc) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  await page.goto(sc.url, { waitUntil: 'load' });
  if (sc.waitFor) await page.waitForFunction((flag) => window[flag] === true, sc.waitFor, { timeout: 60_000, polling: 200 });
  await page.waitForTimeout(2500);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  return events;
}

const maps = new Map();
/** `file:line` in our sources for a frame of our build (1-based line and column, as traces give them). */
function source(ext, url, line, column) {
  const file = url.slice(ext.length);
  if (!maps.has(file)) {
    const p = join(extDir, `${file}.map`);
    maps.set(file, existsSync(p) ? new TraceMap(readFileSync(p, 'utf8')) : null);
  }
  const map = maps.get(file);
  const o = map ? originalPositionFor(map, { line, column: Math.max(0, column - 1) }) : null;
  return o?.source ? `${o.source.replace(/^(\.\.\/)+/, '').replace(/^.*?\/(lib|components|entrypoints|node_modules)\//, '$1/')}:${o.line}` : `${file}:${line}:${column}`;
}

/**
 * Self thread time per event name on the page's main thread (the renderer main thread that parsed
 * the portal page), in ms; and the layouts and style recalculations our code forced, by stack.
 */
function analyse(events, ext) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const hits = new Map();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (names.get(k) === 'CrRendererMain' && e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes('portal.otto.market')) hits.set(k, (hits.get(k) ?? 0) + 1);
  }
  const main = [...hits].sort((a, b) => b[1] - a[1])[0]?.[0];
  const spans = [];
  const open = [];
  for (const e of events.filter((x) => `${x.pid}:${x.tid}` === main).sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') spans.push(e);
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ ...b, dur: e.ts - b.ts, tdur: e.tts != null && b.tts != null ? e.tts - b.tts : undefined });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const isOurs = (e) => String(e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '').startsWith(ext);
  const self = new Map();
  const forced = new Map();
  const stack = [];
  const records = [];
  for (const e of spans) {
    const time = e.tdur ?? e.dur ?? 0;
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= time;
    const ours = isOurs(e) || Boolean(parent?.ours);
    const rec = { end: e.ts + (e.dur ?? 0), self: time, ours, name: `${e.name}${ours ? ' [ours]' : ''}` };
    stack.push(rec);
    records.push(rec);
    const frames = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace;
    if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && frames?.some((f) => f.url.startsWith(ext))) {
      const where = frames.filter((f) => f.url.startsWith(ext)).slice(0, 3).map((f) => source(ext, f.url, f.lineNumber, f.columnNumber)).join(' < ');
      const k = `${e.name} ${where}`;
      const cur = forced.get(k) ?? { ms: 0, count: 0 };
      forced.set(k, { ms: cur.ms + (e.dur ?? 0) / 1000, count: cur.count + 1 });
    }
  }
  for (const r of records) self.set(r.name, (self.get(r.name) ?? 0) + r.self / 1000);
  return { self, forced };
}

async function main() {
  const report = { runs: RUNS, scenarios: {} };
  const used = await launch(true);
  let refs = null;
  try {
    if (SCENARIOS.some((sc) => sc.reference && (!only.length || only.includes(sc.id)))) refs = await buildReference(used, OVERVIEW_100, resolve(root, 'bench-output/reference'));
    for (const sc of SCENARIOS.filter((x) => !only.length || only.includes(x.id))) {
      const dirs = { ours: extDir, none: null, ...(sc.reference ? { reference: refs[sc.reference] } : {}) };
      const base = sc.reference ? 'reference' : 'none';
      const kept = {};
      const per = Object.fromEntries(Object.keys(dirs).map((k) => [k, []]));
      const forced = new Map();
      process.stdout.write(`${sc.title}: `);
      try {
        if (!sc.fresh) for (const [side, dir] of Object.entries(dirs)) kept[side] = side === 'ours' ? used : await launch(dir !== null, dir ?? undefined);
        for (let i = 0; i <= RUNS; i++) {
          for (const [side, dir] of Object.entries(dirs)) {
            const b = sc.fresh ? await launch(dir !== null, dir ?? undefined) : kept[side];
            try {
              const events = await traced(b, sc);
              if (i === 0) continue; // warm-up
              const ext = b.extensionId ? `chrome-extension://${b.extensionId}/` : 'chrome-extension://';
              const a = analyse(events, ext);
              per[side].push(a.self);
              if (side === 'ours') for (const [k, v] of a.forced) forced.set(k, { ms: (forced.get(k)?.ms ?? 0) + v.ms / RUNS, count: (forced.get(k)?.count ?? 0) + v.count / RUNS });
            } finally {
              if (sc.fresh) await b.close();
            }
          }
          process.stdout.write('.');
        }
      } finally {
        for (const [side, b] of Object.entries(kept)) if (side !== 'ours') await b.close();
      }
      const names = new Set(Object.values(per).flatMap((runs) => runs.flatMap((m) => [...m.keys()])));
      const med = (side, name) => median(per[side].map((m) => m.get(name) ?? 0));
      const rows = [...names]
        .map((name) => ({ name, ...Object.fromEntries(Object.keys(dirs).map((side) => [side, med(side, name)])) }))
        .map((r) => ({ ...r, over: r.ours - r[base] }))
        .sort((a, b) => Math.abs(b.over) - Math.abs(a.over));
      const total = (side) => median(per[side].map((m) => [...m.values()].reduce((x, y) => x + y, 0)));
      const totals = Object.fromEntries(Object.keys(dirs).map((side) => [side, total(side)]));
      report.scenarios[sc.id] = { title: sc.title, base, totals, rows, forced: Object.fromEntries(forced) };
      console.log(`\n  main-thread self time, medians of ${RUNS} (ms): ${Object.entries(totals).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; ours − ${base} ${(totals.ours - totals[base]).toFixed(1)}`);
      console.log(`  ${'event'.padEnd(58)} ${Object.keys(dirs).map((k) => k.padStart(9)).join(' ')} ${`ours − ${base}`.padStart(16)}`);
      for (const r of rows.slice(0, TOP)) console.log(`  ${r.name.slice(0, 58).padEnd(58)} ${Object.keys(dirs).map((k) => r[k].toFixed(1).padStart(9)).join(' ')} ${r.over.toFixed(1).padStart(16)}`);
      console.log(forced.size ? '  layouts and style recalculations forced by our code (per run):' : '  no layout or style recalculation forced by our code');
      for (const [k, v] of [...forced].sort((a, b) => b[1].ms - a[1].ms)) console.log(`    ${v.ms.toFixed(1).padStart(6)} ms ${v.count.toFixed(1).padStart(4)}×  ${k}`);
    }
  } finally {
    await used.close();
  }
  mkdirSync(resolve(root, 'bench-output'), { recursive: true });
  const out = resolve(root, process.env.LGA_TRACE_JSON || 'bench-output/bench-trace.json');
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`\nRaw figures: ${relative(root, out)}`);
}

await main();
