import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Where the real browsers are. Environment variables win (LGA_CHROMIUM, LGA_FIREFOX); then
 * Debian's packages; Chromium also falls back to Playwright's own build where one is installed.
 */
export function chromiumPath(): string | undefined {
  if (process.env.LGA_CHROMIUM && !existsSync(process.env.LGA_CHROMIUM)) {
    throw new Error(`LGA_CHROMIUM points to ${process.env.LGA_CHROMIUM}, which does not exist.`);
  }
  const candidates = [process.env.LGA_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  if (found) return found;
  // Fall back to Playwright's own Chromium where one is installed (a developer's laptop).
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    "Chromium not found. Install Debian's chromium (apt-get install -y chromium), run `npx playwright install chromium`, or set LGA_CHROMIUM to a Chromium binary.",
  );
}

export function firefoxPath(): string {
  const candidates = [process.env.LGA_FIREFOX, '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      'Firefox not found. Install Debian\'s firefox-esr (apt-get install -y firefox-esr) or set LGA_FIREFOX to a Firefox binary.',
    );
  }
  return found;
}

/** Build folders; LGA_OUT_DIR (also read by wxt.config.ts) moves them. */
export const OUT_DIR = process.env.LGA_OUT_DIR || '.output';
export const CHROME_BUILD = `${OUT_DIR}/chrome-mv3`;
export const FIREFOX_BUILD = `${OUT_DIR}/firefox-mv3`;
