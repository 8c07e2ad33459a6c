#!/usr/bin/env node
// `npm run bench`: what the extension costs a Partner Connect tab, measured side by side.
//
// Per scenario, the same fixture page is loaded in Chromium with and without the extension,
// runs interleaved (with, without, with, …, the side that goes first rotating), RUNS of each
// (default 7, LGA_BENCH_RUNS overrides). The 100-row overview is measured where a merchant pays
// (issue 16): the first visit in a fresh profile (every run of every side in a new browser with an
// empty profile), a new tab of a used profile (the compact line), and a reload in the same tab.
// Each of these also runs, in the same rotation, the reference (bench-reference.mjs: our UI copied
// from our build, put in place by plain DOM calls, none of our code: the least this UI costs on
// the machine at hand) and the floor (a content script that makes one message round trip and shows
// nothing). Reported: medians of CDP Performance metrics in thread CPU time (TaskDuration,
// ScriptDuration, LayoutDuration, RecalcStyleDuration; JSHeapUsedSize after a forced GC) per side,
// and the added cost as the median of the paired differences (each run with the extension minus
// the run without it in the same round) with their quartiles, and "ours − reference" the same way
// (each of our runs minus the reference's of that round); bench-output/bench.json keeps every run;
// long tasks, and which of them ran our code (CPU profile of one extra run); click-handler time of
// our controls; copies of our hosts left without content; bundle sizes of the content-script
// entries and their UI chunks (minified, gzip); a check that pages outside the two OTTO hosts get
// no injection at all. Then issue 16's targets with pass/fail (exit code 1 when one is missed).
//
// Knobs: LGA_BENCH_ONLY=<id>[,<id>…] (a prefix selects the ids it starts: `overview-100`),
// LGA_BENCH_RUNS, LGA_BENCH_REFERENCE=0 (no reference and floor), LGA_BENCH_JSON=<file>,
// LGA_BENCH_OFF=<feature>[,<feature>…] (what a feature costs: ours runs with these switched off in
// its settings, as the merchant can in the options; used profiles only; read "ours − floor").
// Builds the Chrome package first (LGA_SKIP_BUILD=1 skips it; LGA_OUT_DIR moves it).
// Browser: LGA_CHROMIUM, else Debian's /usr/lib/chromium/chromium, else Playwright's own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { buildFloor, buildReference } from './bench-reference.mjs';
import { chromiumPath, extDir, launch, median, outDir, OVERVIEW_100, OVERVIEW_2000_UPDATES, quantile, root } from './bench-browser.mjs';

// At least 7 per side for real figures; fewer (LGA_BENCH_RUNS=1) only for a quick try of the script.
const RUNS = Math.max(1, Number(process.env.LGA_BENCH_RUNS) || 7);

// Issue 16's targets: our code costs next to nothing over the UI it shows (the reference).
const TARGETS = {
  overReference: 5, // ms, ours minus the reference: main-thread time, median (per 100-row scenario)
  overReferenceQ3: 10, // ms, the same, upper quartile
  scriptOverReference: 3, // ms, ours minus the reference: script time, median
  overview2000Task: 200, // ms added main-thread time, 2,000 rows with 5 s of updates, median
  overview2000TaskQ3: 300, // ms, the same, upper quartile
  longTasks: 0, // long tasks caused by the extension
  clickMs: 16, // per click handler
  entryMin: 20_000, // content-script entry, minified (kB = 1,000 bytes, as WXT prints them)
  entryGzip: 8_000, // content-script entry, gzip
  heapBytes: 1024 * 1024, // extra JS heap per tab (1 MiB)
};

// Where a merchant pays (issue 16), each side measured the same way:
// - `profile: 'fresh'`: every run (every side) in a browser with a new, empty profile: the very
//   first visit (the automatic steps recorded, the full panel; all code compiled cold);
// - the default: a new tab of a used profile (the warm-up run recorded the steps: the compact line);
// - `reload`: the page loaded, settled, then reloaded in the same tab; only the reload is measured.
// `reference`: which copy of our UI the reference shows (bench-reference.mjs): the first visit's
// full panel or the compact line of every later visit; the floor is measured alongside.
const SCENARIOS = [
  { id: 'overview-100-first', title: '100-row overview, first visit (fresh profile)', url: OVERVIEW_100, rows: 100, settle: 2500, profile: 'fresh', reference: 'first', clicks: true },
  { id: 'overview-100-new-tab', title: '100-row overview, new tab (used profile)', url: OVERVIEW_100, rows: 100, settle: 2500, reference: 'later' },
  { id: 'overview-100-reload', title: '100-row overview, reload', url: OVERVIEW_100, rows: 100, settle: 2500, reload: true, reference: 'later' },
  {
    id: 'overview-2000-updates',
    title: '2,000-row overview, 5 s of updates',
    url: OVERVIEW_2000_UPDATES,
    rows: null, // rows change during the run; the check compares with the rows present at the end
    waitFor: '__updatesDone',
    settle: 2500,
  },
];
/**
 * LGA_BENCH_OFF: features switched off in our extension's settings for the whole run (used
 * profiles only: a fresh profile starts with the defaults). Not a target measurement: it shows
 * what the features cost, read against the floor (the same message round trip, no UI).
 */
const OFF = (process.env.LGA_BENCH_OFF || '').split(',').map((x) => x.trim()).filter(Boolean);

/** LGA_BENCH_ONLY=<id>[,<id>…]: only these scenarios; an id also selects the ids it starts (`overview-100` = all three 100-row ones). */
const only = (process.env.LGA_BENCH_ONLY || '').split(',').map((x) => x.trim()).filter(Boolean);
const selected = (sc) => (!only.length || only.some((o) => sc.id === o || sc.id.startsWith(`${o}-`))) && !(OFF.length && sc.profile === 'fresh');

// ---------- build ----------
if (process.env.LGA_SKIP_BUILD !== '1' || !existsSync(join(extDir, 'manifest.json'))) {
  console.log(`Building the Chrome package into ${outDir} …`);
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env } });
}

// ---------- one measured run ----------
async function run(browser, scenario, withExtension) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metricsNow = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const load = async (go) => {
    await go();
    if (scenario.waitFor) await page.waitForFunction((flag) => window[flag] === true, scenario.waitFor, { timeout: 30_000, polling: 200 });
    await page.waitForTimeout(scenario.settle);
  };
  await load(() => page.goto(scenario.url, { waitUntil: 'load' }));
  // A reload: what the first load cost is subtracted (the counters are the renderer process's).
  // Chromium may reload in a new renderer process, whose counters start afresh: to tell, the old
  // one's layout count is first raised by 300 forced layouts of a detached-size probe (counted,
  // then subtracted with the rest) — a reload in the same process ends above that count, a new
  // process far below it.
  let before = null;
  if (scenario.reload) {
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.cssText = 'position:absolute;left:-99px;top:0;contain:strict;width:1px;height:1px';
      document.body.append(probe);
      for (let i = 0; i < 300; i++) {
        probe.style.width = `${1 + (i % 2)}px`;
        void probe.offsetWidth;
      }
      probe.remove();
    });
    before = await metricsNow();
    await load(() => page.reload({ waitUntil: 'load' }));
  }
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const m = await metricsNow();
  if (before && m.LayoutCount >= before.LayoutCount) for (const k of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration']) m[k] -= before[k];
  const observed = await page.evaluate(() => {
    const trs = Array.from(document.querySelectorAll('#rows tr'));
    const rows = trs.length;
    const decorated = trs.filter((tr) => tr.querySelectorAll('lga-deeplink').length === 1).length;
    const doubled = trs.filter((tr) => tr.querySelectorAll('lga-deeplink').length > 1).length;
    const inView = trs.filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    const inViewOk = inView.length > 0 && inView.every((tr) => tr.querySelectorAll('lga-deeplink').length === 1);
    return {
      rows,
      decorated,
      doubled,
      inView: inView.length,
      inViewOk,
      panels: document.querySelectorAll('lga-checklist').length,
      // Copies of our hosts without their shadow tree (a page that clones rows with them inside).
      empty: [...document.querySelectorAll('lga-deeplink, lga-checklist')].filter((h) => !h.shadowRoot).length,
      longTasks: window.__lgaBench.long.length,
    };
  });
  let clicks = null;
  // Clicks change the state (a tick, the collapsed panel): only where every run starts afresh.
  if (withExtension && scenario.clicks) clicks = await measureClicks(browser, page);
  await cdp.detach().catch(() => {});
  await page.close();
  return {
    task: m.TaskDuration * 1000,
    script: m.ScriptDuration * 1000,
    layout: m.LayoutDuration * 1000,
    style: m.RecalcStyleDuration * 1000,
    heap: m.JSHeapUsedSize,
    // Reloads only: whether the reload stayed in the same renderer process (see above).
    sameProcess: before ? m.LayoutCount >= before.LayoutCount : null,
    ...observed,
    clicks,
  };
}

/**
 * Switches `ids` off in the settings of our extension in `browser`, through the options page's own
 * message (the background validates it as any other); the ids it switched off.
 */
async function switchOff(browser, ids) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const reply = await page.evaluate((features) => chrome.runtime.sendMessage({ type: 'settings/patch', patch: { features } }), Object.fromEntries(ids.map((id) => [id, false])));
    const now = reply?.ok ? reply.data?.features : null;
    if (!now || ids.some((id) => now[id] !== false)) throw new Error(`LGA_BENCH_OFF: could not switch off ${ids.join(', ')} (switchable: ${now ? Object.keys(now).join(', ') : '?'}; reply ${JSON.stringify(reply)})`);
    return ids;
  } finally {
    await page.close();
  }
}

/**
 * One extra run with the extension (not part of the medians) under V8's sampling profiler
 * (1 sample/ms): every long task of the page is matched with the samples taken during it, and
 * counts as ours when any of them has our code (a chrome-extension://<id>/ script) on the stack.
 * Page time and profile time are aligned through CDP's monotonic `Timestamp` metric.
 */
async function attribute(browser, scenario) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await page.goto(scenario.url, { waitUntil: 'load' });
  if (scenario.waitFor) await page.waitForFunction((flag) => window[flag] === true, scenario.waitFor, { timeout: 30_000, polling: 200 });
  await page.waitForTimeout(scenario.settle);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const pageNow = await page.evaluate(() => performance.now());
  const { profile } = await cdp.send('Profiler.stop');
  const long = await page.evaluate(() => window.__lgaBench.long);
  await cdp.detach().catch(() => {});
  await page.close();
  // Monotonic ms minus page ms: maps profile sample times onto performance.now().
  const offset = metrics.find((m) => m.name === 'Timestamp').value * 1000 - pageNow;
  const ext = `chrome-extension://${browser.extensionId}/`;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = new Map();
  const isOurs = (id) => {
    if (ours.has(id)) return ours.get(id);
    const n = byId.get(id);
    const v = n.callFrame.url.startsWith(ext) || (parent.has(id) ? isOurs(parent.get(id)) : false);
    ours.set(id, v);
    return v;
  };
  const samples = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    samples.push({ at: t / 1000 - offset, ours: isOurs(profile.samples[i]) });
  }
  const oursTotal = samples.filter((x) => x.ours).length;
  const tasks = long.map((task) => {
    const inside = samples.filter((x) => x.at >= task.start && x.at <= task.start + task.duration);
    return { duration: task.duration, oursMs: inside.filter((x) => x.ours).length };
  });
  // A long task is ours when it would not be long without our code in it; our code running
  // inside the page's own long task (e.g. its first layout of 2,000 rows) is shown, not counted.
  const withOurs = tasks.filter((x) => x.oursMs > 0);
  return {
    longTasks: tasks.length,
    longTasksWithOurCode: withOurs.length,
    longTasksCausedByUs: withOurs.filter((x) => x.duration - x.oursMs <= 50).length,
    withOurs: withOurs.map((x) => `${Math.round(x.duration)} ms task, ~${x.oursMs} ms ours`),
    /** Sanity check of the method: our code was sampled at all. */
    ourSamples: oursTotal,
  };
}

/** `attribute` for a first visit: in a browser with a new profile of its own. */
async function attributeFresh(scenario) {
  const b = await launch(true);
  try {
    return await attribute(b, scenario);
  } finally {
    await b.close();
  }
}

/**
 * Time spent in click handlers for our controls: from a capture listener on `window` (runs
 * first) to a bubble listener on `window` (runs last), around a real mouse click.
 */
async function measureClicks(browser, page) {
  // The end is measured at our shadow root (bubble phase): our hosts keep clicks to themselves
  // (lib/ui/mount.ts), so nothing after them in the page would see the click at all.
  await page.evaluate(() => {
    window.__lgaClicks = [];
    let start = 0;
    window.addEventListener('click', () => (start = performance.now()), true);
    const end = (e) => {
      window.__lgaClicks.push(performance.now() - start);
      // Keep the benchmark tab where it is: the link's own default action is not handler time.
      if (e.composedPath().some((n) => n.tagName === 'A' && n.target === '_blank')) e.preventDefault();
    };
    for (const host of document.querySelectorAll('lga-checklist, lga-deeplink')) host.shadowRoot?.addEventListener('click', end);
  });
  const targets = [
    ['deeplink open', page.locator('lga-deeplink a.open').first()],
    ['deeplink copy', page.locator('lga-deeplink button.copy').nth(1)],
    ['checklist tick', page.locator('lga-checklist [data-step="customer-account"]')],
    // Last: it turns the panel into the compact line.
    ['checklist collapse', page.locator('lga-checklist button.collapse')],
  ];
  const out = {};
  for (const [name, locator] of targets) {
    if (!(await locator.count())) continue;
    const before = await page.evaluate(() => window.__lgaClicks.length);
    await locator.click({ timeout: 5000 });
    await page.waitForFunction((n) => window.__lgaClicks.length > n, before, { timeout: 10_000 }).catch(() => {
      throw new Error(`click on "${name}" did not reach the window`);
    });
    out[name] = await page.evaluate(() => window.__lgaClicks.at(-1));
    await page.waitForTimeout(100);
  }
  for (const p of browser.context.pages()) if (p !== page && p.url().startsWith('https://www.otto.de')) await p.close();
  return out;
}

// ---------- no injection outside OTTO ----------
async function injectionCheck(browser) {
  const result = [];
  const cases = [
    ['https://example.org/', false],
    ['https://portal.otto.market.evil.example/products/#productoverview', false],
    ['https://portal.otto.market/products/?rows=3#productoverview', true],
  ];
  for (const [url, expected] of cases) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1200);
    const ours = worlds.filter((c) => c.auxData?.type === 'isolated' && (c.origin?.includes(browser.extensionId) || c.name?.includes('Livegang')));
    const hosts = await page.evaluate(() => document.querySelectorAll('lga-checklist, lga-deeplink').length);
    const fetched = requests.filter((r) => r.startsWith('chrome-extension://')).length;
    const injected = ours.length > 0 || hosts > 0 || fetched > 0;
    result.push({ url, expected, injected, ok: injected === expected });
    await cdp.detach().catch(() => {});
    await page.close();
  }
  return result;
}

// ---------- bundles ----------
function bundles() {
  const files = [];
  const add = (rel, role) => {
    const p = join(extDir, rel);
    if (!existsSync(p)) return;
    const buf = readFileSync(p);
    files.push({ file: rel, role, min: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
  };
  for (const f of readdirSync(join(extDir, 'content-scripts'))) if (f.endsWith('.js')) add(`content-scripts/${f}`, 'entry');
  // The UI chunks are the package's web-accessible scripts (lib/content/chunks.ts, wxt.config.ts).
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
  for (const w of manifest.web_accessible_resources ?? []) for (const f of w.resources) if (f.endsWith('.js')) add(f, 'ui chunk');
  return files;
}

// ---------- main ----------
const f1 = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

async function main() {
  const started = Date.now();
  const withExt = await launch(true);
  const without = await launch(false);
  let version = 'unknown';
  try {
    version = execFileSync(chromiumPath() ?? chromium.executablePath(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {}
  const report = { runs: RUNS, chromium: version, scenarios: {}, bundles: bundles() };
  const scenarios = SCENARIOS.filter(selected);
  try {
    // LGA_BENCH_REFERENCE=0 leaves the reference and the floor out (a quicker run while tuning).
    let refs = null;
    let floorDir = null;
    if (process.env.LGA_BENCH_REFERENCE !== '0' && scenarios.some((x) => x.reference)) {
      // Copied from our build on the fixture; leaves `withExt` with a used profile (steps recorded).
      refs = await buildReference(withExt, OVERVIEW_100, resolve(root, 'bench-output/reference'));
      floorDir = buildFloor(resolve(root, 'bench-output/floor'));
    }
    if (OFF.length) report.off = await switchOff(withExt, OFF);
    for (const sc of scenarios) {
      const samples = { with: [], without: [], reference: [], floor: [] };
      const fresh = sc.profile === 'fresh';
      // Which extension each side loads (`null`: none).
      const dirs = { with: extDir, without: null };
      if (refs && sc.reference) Object.assign(dirs, { reference: refs[sc.reference], floor: floorDir });
      const sides = Object.keys(dirs);
      // Used profiles: one browser per side for the whole scenario; fresh ones: a new browser per run.
      const kept = fresh ? {} : { with: withExt, without };
      process.stdout.write(`${sc.title}${dirs.reference ? ' (and the reference and the floor)' : ''}: `);
      try {
        if (!fresh) for (const which of ['reference', 'floor']) if (dirs[which]) kept[which] = await launch(true, dirs[which]);
        const once = async (which) => {
          if (!fresh) return run(kept[which], sc, which !== 'without');
          const b = await launch(which !== 'without', dirs[which] ?? extDir);
          try {
            return await run(b, sc, which !== 'without');
          } finally {
            await b.close();
          }
        };
        // Warm-up (not counted): first compile of the page and of our scripts (in a used profile),
        // the disk cache of the browser's own files (fresh profiles).
        for (const which of sides) await once(which);
        for (let i = 0; i < RUNS; i++) {
          // Rotate which one goes first, so drift over time hits every side the same way.
          const order = sides.map((_, j) => sides[(i + j) % sides.length]);
          for (const which of order) samples[which].push(await once(which));
          process.stdout.write('.');
        }
      } finally {
        if (!fresh) for (const which of ['reference', 'floor']) await kept[which]?.close();
      }
      process.stdout.write('\n');
      const med = (which, key) => median(samples[which].map((s) => s[key]));
      const keys = ['task', 'script', 'layout', 'style', 'heap'];
      // Added cost: the median of the paired differences (each "with" run minus the "without" run
      // made right next to it), so drift of a noisy machine hits both sides of each pair alike;
      // the quartiles of those differences show how noisy the figure is.
      // `base` is the other side of each pair: the page without any extension, or (to read what
      // our code adds to the UI alone) the reference of the same round.
      const statsOf = (side, base = 'without') =>
        Object.fromEntries(
          keys.map((k) => {
            const diffs = samples[side].map((w, i) => w[k] - samples[base][i][k]);
            return [k, { with: med(side, k), without: med(base, k), added: median(diffs), q1: quantile(diffs, 0.25), q3: quantile(diffs, 0.75), runs: { with: samples[side].map((x) => x[k]), without: samples[base].map((x) => x[k]) } }];
          }),
        );
      const stats = statsOf('with');
      const w = samples.with;
      report.scenarios[sc.id] = {
        title: sc.title,
        stats,
        decorated: w.map((s) => `${s.decorated}/${s.rows}`),
        inView: w.map((s) => s.inView),
        allDecorated: w.every((s) => s.inViewOk && s.doubled === 0),
        panels: w.map((s) => s.panels),
        longTasks: { with: median(w.map((s) => s.longTasks)), without: median(samples.without.map((s) => s.longTasks)) },
        attribution: fresh ? await attributeFresh(sc) : await attribute(withExt, sc),
        emptyHosts: Math.max(...w.map((s) => s.empty)),
        // Reloads: per run of ours, whether the reload kept its renderer process (counters subtracted) or got a new one.
        reloadSameProcess: sc.reload ? w.map((s) => s.sameProcess) : undefined,
        clicks: w.find((s) => s.clicks)?.clicks ?? null,
        clicksMax: w.some((s) => s.clicks) ? Object.fromEntries(Object.keys(w.find((s) => s.clicks).clicks).map((k) => [k, Math.max(...w.filter((s) => s.clicks).map((s) => s.clicks[k]))])) : null,
        reference: dirs.reference ? { stats: statsOf('reference'), ours: statsOf('with', 'reference'), shows: samples.reference.every((s) => s.inViewOk && s.doubled === 0 && s.panels === 1) } : null,
        floor: dirs.floor ? { stats: statsOf('floor'), ours: statsOf('with', 'floor'), shows: samples.floor.every((s) => s.decorated === 0 && s.panels === 0) } : null,
      };
    }
    report.injection = await injectionCheck(withExt);
  } finally {
    await withExt.close();
    await without.close();
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  print(report);
  mkdirSync(resolve(root, 'bench-output'), { recursive: true });
  // LGA_BENCH_JSON moves the raw figures (to keep runs of different builds apart).
  const out = resolve(root, process.env.LGA_BENCH_JSON || 'bench-output/bench.json');
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`\nRaw figures: ${relative(root, out)}`);
  process.exit(report.pass ? 0 : 1);
}

function print(r) {
  console.log(`\n${r.chromium}, ${r.runs} runs per side, interleaved; ${r.seconds} s in all. "with" and "without" are medians;`);
  if (r.off) console.log(`Ours with ${r.off.join(', ')} switched off (LGA_BENCH_OFF): not a target measurement; read "ours − floor".`);
  console.log(`"added" is the median of the paired differences (each run with the extension minus the run without it next to it), q1–q3 their quartiles.\n`);
  if (Object.values(r.scenarios).some((sc) => sc.reference)) console.log(`"ours − reference": the same, each of our runs paired with the reference's run of that round ("without" = the reference).\n`);
  if (r.runs < 7) console.log('NOTE: fewer than 7 runs per side: indicative only, not a valid measurement.\n');
  console.log(`${pad('scenario', 36)}${pad('metric', 14)}${lpad('without', 10)}${lpad('with', 10)}${lpad('added', 10)}${lpad('q1–q3', 16)}`);
  const METRICS = [['task', 'Task ms'], ['script', 'Script ms'], ['layout', 'Layout ms'], ['style', 'RecalcStyle ms'], ['heap', 'JS heap kB']];
  // The reference's and the floor's heap say nothing about ours: time metrics only.
  const TIME_METRICS = METRICS.filter(([k]) => k !== 'heap');
  const metricRows = (title, stats, metrics) => {
    for (const [k, label] of metrics) {
      const s = stats[k];
      const fmt = k === 'heap' ? (x) => (x / 1024).toFixed(0) : f1;
      console.log(`${pad(title, 36)}${pad(label, 14)}${lpad(fmt(s.without), 10)}${lpad(fmt(s.with), 10)}${lpad(fmt(s.added), 10)}${lpad(`${fmt(s.q1)}–${fmt(s.q3)}`, 16)}`);
    }
  };
  for (const sc of Object.values(r.scenarios)) {
    metricRows(sc.title, sc.stats, METRICS);
    if (sc.reference) metricRows(`  reference: UI alone${sc.reference.shows ? '' : ' (INCOMPLETE)'}`, sc.reference.stats, TIME_METRICS);
    if (sc.reference) metricRows('  ours − reference', sc.reference.ours, TIME_METRICS);
    if (sc.floor) metricRows(`  floor: empty content script${sc.floor.shows ? '' : ' (NOT EMPTY)'}`, sc.floor.stats, TIME_METRICS);
    if (sc.floor) metricRows('  ours − floor', sc.floor.ours, TIME_METRICS);
    const at = sc.attribution;
    console.log(
      `${pad('', 36)}long tasks (median) without ${sc.longTasks.without}, with ${sc.longTasks.with}; profiled run: ${at.longTasks} long task(s), ` +
        `${at.longTasksCausedByUs} caused by us${at.withOurs.length ? ` (our code inside: ${at.withOurs.join('; ')})` : ''}; ${at.ourSamples} ms of our code sampled`,
    );
    console.log(`${pad('', 36)}rows with a control at the end: ${[...new Set(sc.decorated)].join(', ')} (rows in view: ${[...new Set(sc.inView)].join(', ')}, each with one: ${sc.allDecorated ? 'yes' : 'NO'}); panels: ${[...new Set(sc.panels)].join(', ')}`);
    if (sc.clicksMax) console.log(`${pad('', 36)}click handlers (max over runs): ${Object.entries(sc.clicksMax).map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(', ')}`);
  }
  console.log('\nBundles (minified / gzip -9):');
  for (const b of r.bundles) console.log(`  ${pad(b.file, 30)}${pad(b.role, 10)}${lpad(kb(b.min), 10)}${lpad(kb(b.gzip), 10)}`);
  console.log('\nInjection outside the OTTO hosts:');
  for (const i of r.injection) console.log(`  ${pad(i.url, 70)} ${i.injected ? 'injected' : 'not injected'} ${i.ok ? '✓' : '✗ (unexpected)'}`);

  const o2000 = r.scenarios['overview-2000-updates'];
  const first = r.scenarios['overview-100-first'];
  const all = Object.values(r.scenarios);
  const withRef = Object.entries(r.scenarios).filter(([, sc]) => sc.reference);
  const entries = r.bundles.filter((b) => b.role === 'entry');
  const clickMax = first?.clicksMax ? Math.max(...Object.values(first.clicksMax)) : Infinity;
  const longWithExt = Math.max(...all.map((s) => s.attribution.longTasksCausedByUs));
  const sampled = all.every((s) => s.attribution.ourSamples > 0);
  const heapMax = Math.max(...all.map((s) => s.stats.heap.added));
  const checks = [
    // Issue 16: per 100-row scenario, what our code costs over the same UI in plain DOM (paired per round).
    ...withRef.flatMap(([, sc]) => {
      const o = sc.reference.ours;
      return [
        [`${sc.title}: ours − reference (median, q3)`, `${f1(o.task.added)}, ${f1(o.task.q3)} ms`, `≤ ${TARGETS.overReference}, q3 ≤ ${TARGETS.overReferenceQ3} ms`, o.task.added <= TARGETS.overReference && o.task.q3 <= TARGETS.overReferenceQ3],
        [`${sc.title}: script over the reference (median)`, `${f1(o.script.added)} ms`, `≤ ${TARGETS.scriptOverReference} ms`, o.script.added <= TARGETS.scriptOverReference],
      ];
    }),
    o2000 && ['2,000 rows + 5 s updates: added main-thread (median, q3)', `${f1(o2000.stats.task.added)}, ${f1(o2000.stats.task.q3)} ms`, `≤ ${TARGETS.overview2000Task}, q3 ≤ ${TARGETS.overview2000TaskQ3} ms`, o2000.stats.task.added <= TARGETS.overview2000Task && o2000.stats.task.q3 <= TARGETS.overview2000TaskQ3],
    ['long tasks (> 50 ms) caused by our code', `${longWithExt}`, `= ${TARGETS.longTasks}`, longWithExt <= TARGETS.longTasks && sampled],
    first && ['click handlers (max)', `${clickMax.toFixed(2)} ms`, `≤ ${TARGETS.clickMs} ms`, clickMax <= TARGETS.clickMs],
    ['content-script entries, minified (max)', kb(Math.max(...entries.map((e) => e.min))), `≤ ${kb(TARGETS.entryMin)}`, entries.every((e) => e.min <= TARGETS.entryMin)],
    ['content-script entries, gzip (max)', kb(Math.max(...entries.map((e) => e.gzip))), `≤ ${kb(TARGETS.entryGzip)}`, entries.every((e) => e.gzip <= TARGETS.entryGzip)],
    ['extra JS heap per tab (max of scenarios)', `${(heapMax / 1024).toFixed(0)} KiB`, '≤ 1024 KiB', heapMax <= TARGETS.heapBytes],
    ['rows in view: exactly one control each; one panel', all.every((s) => s.allDecorated) ? 'yes' : 'no', 'yes', all.every((s) => s.allDecorated && s.panels.every((p) => p === 1))],
    ['copies of our hosts left without their content (max)', `${Math.max(...all.map((s) => s.emptyHosts))}`, '= 0', all.every((s) => s.emptyHosts === 0)],
    ['no injection outside portal/account.otto.market', r.injection.every((i) => i.ok) ? 'none' : 'FOUND', 'none', r.injection.every((i) => i.ok)],
  ].filter(Boolean);
  console.log('\nTargets:');
  for (const [name, value, target, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${pad(name, 56)}${lpad(value, 16)}  (${target})`);
  r.checks = checks.map(([name, value, target, ok]) => ({ name, value, target, ok }));
  r.pass = checks.every((c) => c[3]) && r.runs >= 7 && !r.off;
  console.log(r.pass ? '\nAll targets met.' : '\nSome targets missed.');
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
