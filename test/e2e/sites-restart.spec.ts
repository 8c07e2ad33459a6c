import { expect, test } from '../support/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD } from '../support/browsers';
import { chromeBuildWithGranted, SITE_URLS } from '../support/sites';
import { REGISTERED, setRegistered, siteOptions, SITES_GRANTED, switchService, untilUi } from '../support/site-steps';

/**
 * Opt-in sites (issue #19) across a browser restart: the site script is registered at run time
 * and not kept by the browser over a restart (`persistAcrossSessions: false`), so the background
 * must register it again when the browser starts. Chromium with the same user data dir, closed
 * and launched again.
 */
test('Chromium restart: a site turned on before the browser closed warns again after it starts with the same profile, in a tab opened then and in a new load', async ({ chromium }) => {
  const profile = mkdtempSync(join(tmpdir(), 'lga-restart-'));
  const extensionDir = chromeBuildWithGranted(CHROME_BUILD, SITES_GRANTED);
  const expected = (u: Parameters<Parameters<typeof untilUi>[1]>[0]) => {
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
