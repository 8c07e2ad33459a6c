#!/usr/bin/env node
// Opt-in sites benchmark (issue #19, item 4): what the site guardrail script costs a long webmail
// inbox without any buyer address (test/fixtures/sites/inbox-long.html: 2,000 rows, a counter
// that changes 20 times), served at https://mail.google.com. Two Chromium browsers side by side:
// "with" has the built extension with Gmail enabled (a copy of the build whose manifest grants
// mail.google.com, as in the e2e specs: Chromium's permission prompt cannot be answered under
// automation), "without" has no extension. Runs interleaved (with, without, …), RUNS per side
// (default 9, LGA_BENCH_RUNS), each in a fresh tab; reported: main-thread and script CPU time
// (CDP Performance metrics, thread ticks) per side and the median of the paired differences with
// quartiles. Every "with" run checks that the site script really ran in the page (its isolated
// world exists). Needs a build: `LGA_OUT_DIR=.output npm run build` first.
//   node test/tools/bench-sites.mjs
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');
const build = join(resolve(root, process.env.LGA_OUT_DIR || '.output'), 'chrome-mv3');
const RUNS = Math.max(1, Number(process.env.LGA_BENCH_RUNS) || 9);
const URL_ = 'https://mail.google.com/mail/u/0/inbox-long';
const FIXTURE = readFileSync(join(root, 'test/fixtures/sites/inbox-long.html'), 'utf8');
const SETTLE_MS = 3000;

const chromiumPath = () => [process.env.LGA_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));

function grantedCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'lga-bench-sites-ext-'));
  cpSync(build, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8'));
  m.host_permissions = ['https://mail.google.com/*'];
  writeFileSync(file, JSON.stringify(m));
  return dir;
}

async function launch(ext) {
  const dir = mkdtempSync(join(tmpdir(), 'lga-bench-sites-'));
  const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'];
  if (ext) args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), headless: true, viewport: { width: 1280, height: 900 }, args });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(URL_)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: FIXTURE });
    return url.startsWith('chrome-extension://') ? route.continue() : route.abort('blockedbyclient');
  });
  if (ext) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Gmail on through the options page's switch (the background then registers the script).
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
    await page.getByRole('switch', { name: 'Gmail', exact: true }).click();
    await page.getByRole('switch', { name: 'Gmail', exact: true }).waitFor();
    await page.waitForFunction(() => document.getElementById('opt-site-gmail')?.checked === true);
    await page.close();
    for (let i = 0; i < 50; i++) {
      const reg = await worker.evaluate(() => globalThis.chrome.scripting.getRegisteredContentScripts());
      if (reg.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { context, close: async () => (await context.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function run(browser, withExt) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(URL_, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const ran = worlds.some((w) => w.auxData?.type === 'isolated' && w.name.includes('Livegang'));
  if (ran !== withExt) throw new Error(`site script ${ran ? 'ran' : 'did not run'} in a "${withExt ? 'with' : 'without'}" run`);
  const ours = await page.evaluate(() => document.querySelectorAll('lga-contact-warning, lga-sender-warning, lga-contact-rules').length);
  if (ours) throw new Error('a buyer-free page got our UI');
  await cdp.detach().catch(() => {});
  await page.close();
  return { task: m.TaskDuration * 1000, script: m.ScriptDuration * 1000 };
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
}
const f = (x) => x.toFixed(1);

const ext = grantedCopy();
const withB = await launch(ext);
const withoutB = await launch(null);
try {
  await run(withB, true); // warm-up, not counted
  await run(withoutB, false);
  const pairs = [];
  for (let i = 0; i < RUNS; i++) pairs.push({ with: await run(withB, true), without: await run(withoutB, false) });
  for (const k of ['task', 'script']) {
    const d = pairs.map((p) => p.with[k] - p.without[k]);
    console.log(
      `${k === 'task' ? 'main thread' : 'script     '}: with ${f(median(pairs.map((p) => p.with[k])))} ms, without ${f(median(pairs.map((p) => p.without[k])))} ms, ` +
        `added (median of ${RUNS} paired differences) ${f(median(d))} ms (q1–q3 ${f(quantile(d, 0.25))}–${f(quantile(d, 0.75))})`,
    );
  }
  mkdirSync(join(root, 'bench-output'), { recursive: true });
  writeFileSync(join(root, 'bench-output/bench-sites.json'), JSON.stringify({ at: new Date().toISOString(), runs: RUNS, pairs }, null, 1));
} finally {
  await withB.close();
  await withoutB.close();
  rmSync(ext, { recursive: true, force: true });
}
