import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../lib/settings/defaults';
import { loadSettings } from '../../lib/settings/schema';

/**
 * Settings exactly as version 0.1.0 stored them (before the compact line, the opt-in sites and
 * the companion). Every field added since must load from them without the "some settings were
 * invalid and were reset" notice: a new setting missing from LATER_FIELDS fails here.
 */
const STORED_BY_0_1_0 = {
  version: 1,
  language: 'en',
  name: 'Erika Händlerin',
  company: 'Shop GmbH',
  partnerId: '12345',
  template: null,
  templateLang: 'de',
  features: { checklist: true, deeplinks: false, contact: true, ticket: true },
  hideChecklistWhenLive: false,
  checklistCollapsed: true,
};

describe('settings stored by an older version', () => {
  it('load without a problem to report, keep every stored value and take the defaults of the fields added since', () => {
    const { settings, problem } = loadSettings(structuredClone(STORED_BY_0_1_0));
    expect(problem).toBe(false);
    expect(settings).toEqual({ ...defaultSettings(), ...STORED_BY_0_1_0, features: { ...defaultSettings().features, ...STORED_BY_0_1_0.features } });
  });
});
