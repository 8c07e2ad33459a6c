import { describe, expect, it } from 'vitest';
import { enabledPatterns, isEnabledSite, matchesPattern, normaliseOrigin, OPTIONAL_HOST_PATTERNS } from '../../lib/sites/catalog';
import { isSenderAddress, loadSettings, SettingsSchema } from '../../lib/settings/schema';
import { defaultSettings } from '../../lib/settings/defaults';
import { siteSettingsOf } from '../../lib/sites/start';
import { senderState } from '../../lib/sites/compose';

describe('opt-in sites: the site list and what an added site may be', () => {
  it.each([
    ['https://shop.example.com/admin/orders', 'https://shop.example.com'],
    ['shop.example.com', 'https://shop.example.com'],
    ['  HTTPS://Help.Desk.Example/  ', 'https://help.desk.example'],
  ])('%s → %s', (input, origin) => expect(normaliseOrigin(input)).toBe(origin));

  it.each(['http://shop.example.com', 'https://shop.example.com:8443', 'https://user:pw@shop.example.com', 'https://*.example.com', 'localhost', 'https://192.168.0.1', 'https://portal.otto.market', 'https://www.otto.de/x', 'ftp://x.example', '', 'https://[::1]'])(
    'refuses %j',
    (input) => expect(normaliseOrigin(input)).toBeNull(),
  );

  it('matches patterns by host exactly or below a wildcard, https only', () => {
    expect(matchesPattern('https://3c.gmx.net/mail', 'https://*.gmx.net/*')).toBe(true);
    expect(matchesPattern('https://gmx.net/', 'https://*.gmx.net/*')).toBe(true);
    expect(matchesPattern('https://gmx.net.evil.example/', 'https://*.gmx.net/*')).toBe(false);
    expect(matchesPattern('https://xgmx.net/', 'https://*.gmx.net/*')).toBe(false);
    expect(matchesPattern('http://mail.google.com/', 'https://mail.google.com/*')).toBe(false);
    expect(matchesPattern('https://mail.google.com.evil.example/', 'https://mail.google.com/*')).toBe(false);
  });

  it('a page is on an enabled site only when its service or origin is enabled', () => {
    const sites = { siteServices: ['outlook'], siteOrigins: ['https://shop.example.com'] };
    expect(isEnabledSite('https://outlook.office.com/mail/', sites)).toBe(true);
    expect(isEnabledSite('https://outlook.live.com/mail/0/', sites)).toBe(true);
    expect(isEnabledSite('https://mail.google.com/mail/u/0/', sites)).toBe(false);
    expect(isEnabledSite('https://shop.example.com/admin', sites)).toBe(true);
    expect(isEnabledSite('https://other.example.com/', sites)).toBe(false);
    expect(enabledPatterns({ siteServices: [], siteOrigins: [] })).toEqual([]);
  });

  it('every pattern asked for is in the manifest\'s optional host permissions', () => {
    const all = enabledPatterns({ siteServices: ['gmail', 'outlook', 'gmx', 'webde', 'tonline'], siteOrigins: [] });
    for (const p of all) expect(OPTIONAL_HOST_PATTERNS).toContain(p);
  });
});

describe('opt-in sites: settings', () => {
  it('the sender address is the merchant\'s own: no relay, no placeholder, one address', () => {
    expect(isSenderAddress('')).toBe(true);
    expect(isSenderAddress('merchant@shop.example')).toBe(true);
    expect(isSenderAddress('k1@customer.otto.market')).toBe(false);
    expect(isSenderAddress('Max.M.1234567890@otto.magnalister.com')).toBe(false);
    expect(isSenderAddress('a@b.example, c@d.example')).toBe(false);
    expect(isSenderAddress('Max <merchant@shop.example>')).toBe(false);
  });

  it('settings stored before the sites existed load without a problem to report; bad site values fall back alone', () => {
    const { senderAddress: _s, siteServices: _a, siteOrigins: _o, ...old } = defaultSettings();
    expect(loadSettings({ ...old, name: 'Erika' })).toEqual({ settings: { ...defaultSettings(), name: 'Erika' }, problem: false });
    const bad = loadSettings({ ...defaultSettings(), name: 'Erika', siteServices: ['gmail', 'myspace'], siteOrigins: ['http://x.example'], senderAddress: 'x@customer.otto.market' });
    expect(bad.problem).toBe(true);
    expect(bad.settings).toEqual({ ...defaultSettings(), name: 'Erika' });
    expect(SettingsSchema.safeParse({ ...defaultSettings(), siteServices: ['gmail', 'gmail'] }).success).toBe(false);
  });

  it('the site script reads only what it needs, and anything unreadable counts as off', () => {
    const s = { ...defaultSettings(), language: 'en', senderAddress: 'merchant@shop.example', siteServices: ['gmail'] };
    expect(siteSettingsOf(s, 'https://mail.google.com/mail/u/0/')).toEqual({ lang: 'en', registered: 'merchant@shop.example', enabled: true });
    expect(siteSettingsOf({ ...s, features: { ...s.features, contact: false } }, 'https://mail.google.com/').enabled).toBe(false);
    expect(siteSettingsOf(s, 'https://outlook.office.com/').enabled).toBe(false);
    expect(siteSettingsOf(undefined, 'https://mail.google.com/').enabled).toBe(false);
    expect(siteSettingsOf({ siteServices: 'gmail' }, 'https://mail.google.com/').enabled).toBe(false);
  });

  it('the sender check: quiet when it matches, mismatch when it differs, unknown when either is missing', () => {
    const target = {} as Element;
    expect(senderState({ address: 'merchant@shop.example', target }, 'Merchant@Shop.example')).toBe('ok');
    expect(senderState({ address: 'info@shop.example', target }, 'merchant@shop.example')).toBe('mismatch');
    expect(senderState(null, 'merchant@shop.example')).toBe('unknown');
    expect(senderState({ address: 'info@shop.example', target }, '')).toBe('unknown');
  });
});
