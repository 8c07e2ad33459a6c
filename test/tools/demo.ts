/**
 * `npm run demo`: builds the extension, serves the offline replicas of the OTTO pages at their
 * real URLs and opens Chromium with the extension on the product overview.
 * - With a display ($DISPLAY or $WAYLAND_DISPLAY): a normal window to click through; closing the
 *   browser ends the demo.
 * - Without one: headless; screenshots of every surface in German and English, light and dark,
 *   go to demo-output/ and their paths are printed.
 * LGA_OUT_DIR builds into and loads from another folder (as for the tests); LGA_SKIP_BUILD=1 uses
 * the existing build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/chromium';
import { DEMO_FIXTURES, DEMO_SURFACES, prepareDemo } from '../support/demo-surfaces';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, 'demo-output');

async function main() {
  if (process.env.LGA_SKIP_BUILD !== '1') {
    console.log('Building the extension (Chrome MV3)…');
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
  }
  await prepareDemo((m) => console.log(m));
  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.LGA_DEMO_HEADLESS !== '1';
  if (headed) return interactive();
  return screenshots();
}

async function interactive() {
  const b = await launchWithExtension({ fixtures: DEMO_FIXTURES, headless: false });
  const page = await b.openOtto('https://portal.otto.market/products/#productoverview');
  await page.bringToFront();
  console.log(`Chromium is open with Livegang-Assistent on the offline product overview.
Other replicas: ${DEMO_SURFACES.filter((s) => s.url).map((s) => s.url).join('\n  ')}
Popup: chrome-extension://${b.extensionId}/popup.html — close the browser to end the demo.`);
  await new Promise<void>((done) => b.context.on('close', () => done()));
}

async function screenshots() {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const skipped: string[] = [];
  for (const locale of ['de-DE', 'en-US']) {
    for (const scheme of ['light', 'dark'] as const) {
      const b = await launchWithExtension({ fixtures: DEMO_FIXTURES, locale, colorScheme: scheme });
      try {
        for (const s of DEMO_SURFACES) {
          const url = s.url ?? `chrome-extension://${b.extensionId}/${s.extensionPage}`;
          const page = await b.context.newPage();
          await page.setViewportSize(s.viewport ?? { width: 1280, height: 900 });
          const res = await page.goto(url);
          if (res && res.status() >= 400) {
            skipped.push(`${s.name} (no fixture for ${url})`);
            await page.close();
            continue;
          }
          try {
            if (s.waitFor) await page.locator(s.waitFor).first().waitFor({ timeout: 8000 });
            await s.prepare?.(page);
          } catch {
            skipped.push(`${s.name} (${s.waitFor} did not appear)`);
            await page.close();
            continue;
          }
          await page.waitForTimeout(300);
          const file = resolve(outDir, `${s.name}-${locale.slice(0, 2)}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: s.fullPage ?? false });
          written.push(file);
          await page.close();
        }
      } finally {
        await b.close();
      }
    }
  }
  console.log(`Headless demo (no display found): ${written.length} screenshots of the extension on offline OTTO replicas:`);
  for (const f of written) console.log(`  ${f}`);
  const missing = [...new Set(skipped)];
  if (missing.length) console.log(`Not shown:\n  ${missing.join('\n  ')}`);
  if (!written.length) process.exit(1);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
