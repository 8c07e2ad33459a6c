import { existsSync } from 'node:fs';

/**
 * Where the real browsers are. Environment variables win (LGA_CHROMIUM, LGA_FIREFOX); then
 * Debian's packages; Chromium also falls back to Playwright's own build where one is installed.
 */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.LGA_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  // undefined → Playwright uses its own downloaded Chromium, if any (a developer's laptop).
  return found;
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

export const CHROME_BUILD = '.output/chrome-mv3';
export const FIREFOX_BUILD = '.output/firefox-mv3';
