import { expect, test } from '../support/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page as FfPage } from 'puppeteer-core';
import { CHROME_BUILD } from '../support/browsers';
import { chromeBuildWithGranted, SITE_URLS, type SiteUi } from '../support/sites';
import { FF_ACCEPT_PROMPTS, ffGranted, ffSetRegistered, ffSettledUi, ffSiteOptions, ffSwitchService, REGISTERED, setRegistered, siteOptions, SITES_GRANTED, switchService, untilUi } from '../support/site-steps';

/**
 * Opt-in sites (issue #19) across a browser restart: the site script is registered at run time
 * and not kept by the browser over a restart (`persistAcrossSessions: false`), so the background
 * must register it again when the browser starts. Each browser closed and launched again with the
 * same profile (Firefox: the build as an add-on of the profile, as a temporary one would be gone).
 */
test('Chromium restart: a site turned on before the browser closed warns again after it starts with the same profile, in a tab opened then and in a new load', async ({ chromium }) => {
  const profile = mkdtempSync(join(tmpdir(), 'lga-restart-'));
  const extensionDir = chromeBuildWithGranted(CHROME_BUILD, SITES_GRANTED);
  const expected = (u: SiteUi) => {
    expect(u.warnings).toEqual([{ kind: 'relay', after: 'div' }]);
    expect(u.senders).toEqual(['mismatch']);
    expect(u.rules).toBe(1);
  };
  let second: Awaited<ReturnType<typeof chromium>> | undefined;
  try {
    const first = await chromium({ extensionDir, userDataDir: profile });
    const opts = await siteOptions(first);
    await setRegistered(opts, REGISTERED);
    await switchService(opts, 'Gmail');
    await untilUi(await first.openOtto(SITE_URLS.gmail), expected);
    await first.close();

    second = await chromium({ extensionDir, userDataDir: profile });
    // The setting survived; the options show the switch on without any new consent.
    await expect((await siteOptions(second)).getByRole('switch', { name: 'Gmail', exact: true })).toBeChecked();
    const mail = await second.openOtto(SITE_URLS.gmail);
    await untilUi(mail, expected);
    // A page loaded after the start gets the script from the registration alone (open tabs are injected only when a site is added).
    await mail.reload();
    await untilUi(mail, expected);
  } finally {
    await second?.close(); // before the profile goes (the fixture would close it only after the test)
    rmSync(profile, { recursive: true, force: true });
  }
});

test('Firefox restart: a site turned on before the browser closed warns again after it starts with the same profile, in a tab opened then and in a new load', async ({ firefox }) => {
  const restartable = { profile: mkdtempSync(join(tmpdir(), 'lga-ff-restart-')), uuid: randomUUID() };
  const expected = { warnings: [{ kind: 'relay', after: 'div' }], senders: ['mismatch'], rules: 1 };
  const seen = async (page: FfPage) => {
    const u = await ffSettledUi(page, (x) => x.warnings.length > 0 && x.rules > 0, 'Gmail warnings');
    return { warnings: u.warnings, senders: u.senders, rules: u.rules };
  };
  let second: Awaited<ReturnType<typeof firefox>> | undefined;
  try {
    const first = await firefox({ prefs: FF_ACCEPT_PROMPTS, restartable });
    const opts = await ffSiteOptions(first);
    await ffSetRegistered(opts, REGISTERED);
    await ffSwitchService(opts, 'gmail');
    expect(await seen(await first.openOtto(SITE_URLS.gmail))).toEqual(expected);
    await first.close();

    second = await firefox({ prefs: FF_ACCEPT_PROMPTS, restartable });
    const again = await ffSiteOptions(second);
    expect(await again.evaluate(() => (document.getElementById('opt-site-gmail') as HTMLInputElement).checked)).toBe(true);
    expect(await ffGranted(again, 'https://mail.google.com/*')).toBe(true);
    const mail = await second.openOtto(SITE_URLS.gmail);
    expect(await seen(mail)).toEqual(expected);
    await mail.reload();
    expect(await seen(mail)).toEqual(expected);
  } finally {
    await second?.close();
    rmSync(restartable.profile, { recursive: true, force: true });
  }
});
