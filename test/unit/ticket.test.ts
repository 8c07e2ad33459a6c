import { describe, expect, it } from 'vitest';
import {
  checkName,
  containsConfirmation,
  DEFAULT_TEMPLATES,
  effectiveTemplate,
  renderSubject,
  renderTemplate,
  validateTemplate,
} from '../../lib/ticket/template';
import { fitScore, pickFitting } from '../../lib/ticket/category';
import { isCreatedCaseUrl } from '../../lib/otto/ticket/submission';
import { loadSettings, SettingsPatchSchema, SettingsSchema } from '../../lib/settings/schema';
import { defaultSettings } from '../../lib/settings/defaults';

const codes = (t: string) => {
  const r = validateTemplate(t);
  return r.ok ? [] : r.problems.map((p) => p.code);
};

describe('template validation', () => {
  it('accepts both default templates and one using every known placeholder', () => {
    expect(validateTemplate(DEFAULT_TEMPLATES.de)).toEqual({ ok: true });
    expect(validateTemplate(DEFAULT_TEMPLATES.en)).toEqual({ ok: true });
    expect(validateTemplate('Hallo,\n{company} ({partnerId})\n{name}')).toEqual({ ok: true });
  });

  it('requires {name}', () => {
    expect(codes('Liebes OTTO Team,\nich bestätige.\nLiebe Grüße')).toEqual(['missing-name']);
    expect(codes('Grüße {Name}')).toEqual(['unknown-placeholder', 'missing-name']);
  });

  it('refuses unknown placeholders, stray braces, "XY", empty and over-long templates', () => {
    expect(validateTemplate('{name} von {firma}')).toEqual({ ok: false, problems: [{ code: 'unknown-placeholder', placeholder: 'firma' }] });
    expect(codes('{ name }')).toEqual(['unknown-placeholder', 'missing-name']);
    expect(codes('{name} {name')).toEqual(['stray-brace']);
    expect(codes('{name} }')).toEqual(['stray-brace']);
    expect(codes('Liebe Grüße\nXY')).toEqual(['missing-name', 'contains-xy']);
    expect(codes('{name}, Firma XY GmbH')).toEqual(['contains-xy']);
    expect(codes('{name} XYZ-Logistik OXY')).toEqual([]);
    expect(codes('   ')).toEqual(['empty']);
    expect(codes(`{name}${'a'.repeat(4000)}`)).toEqual(['too-long']);
  });
});

describe('rendering', () => {
  it('fills the German default with the name', () => {
    const r = renderTemplate(DEFAULT_TEMPLATES.de, { name: '  Max   Beispiel ' });
    expect(r).toEqual({
      ok: true,
      text: 'Liebes OTTO Team,\n\nich würde gerne mit meinen Produkten live gehen und bestätige hiermit, dass ich die PDF-Datei "Shipment Request" gelesen und den Bestellprozess verstanden habe.\n\nLiebe Grüße\nMax Beispiel',
    });
  });

  it('never leaves a placeholder or "XY": missing values are reported instead', () => {
    for (const name of ['', '   ', 'XY', 'xy', 'X Y', '{name}', '{company}', undefined]) {
      const r = renderTemplate(DEFAULT_TEMPLATES.de, { name });
      expect(r.ok, String(name)).toBe(false);
    }
    expect(renderTemplate('{name} – {company}', { name: 'Max' })).toEqual({ ok: false, reason: 'missing-values', missing: ['company'] });
    expect(renderTemplate('{name} {firma}', { name: 'Max' })).toMatchObject({ ok: false, reason: 'invalid-template' });
  });

  it('does not expand a value that looks like a placeholder', () => {
    const r = renderTemplate('{company}: {name}', { name: 'Max', company: '{name}' });
    expect(r.ok).toBe(false);
    const ok = renderTemplate('{company}: {name}', { name: 'Max', company: 'Beispiel GmbH' });
    expect(ok).toEqual({ ok: true, text: 'Beispiel GmbH: Max' });
  });

  it('an invalid stored template falls back to the default of the chosen language', () => {
    expect(effectiveTemplate('no name here', 'en')).toBe(DEFAULT_TEMPLATES.en);
    expect(effectiveTemplate(null, 'de')).toBe(DEFAULT_TEMPLATES.de);
    expect(effectiveTemplate('Hi\n{name}', 'de')).toBe('Hi\n{name}');
  });

  it('subject with company and partner id when set', () => {
    expect(renderSubject('de', {})).toBe('Bestätigung für den Livegang');
    expect(renderSubject('de', { company: 'Beispiel GmbH', partnerId: '123' })).toBe('Bestätigung für den Livegang – Beispiel GmbH (Partner-ID 123)');
    expect(renderSubject('en', { company: ' ', partnerId: 'XY' })).toBe('Go-live confirmation');
  });

  it('checks names', () => {
    expect(checkName(' Erika  Musterfrau ')).toEqual({ ok: true, name: 'Erika Musterfrau' });
    expect(checkName('XY')).toEqual({ ok: false, problem: 'xy' });
    expect(checkName('{name}')).toEqual({ ok: false, problem: 'braces' });
    expect(checkName('a'.repeat(121))).toEqual({ ok: false, problem: 'too-long' });
  });

  it('recognises a ticket carrying the confirmation', () => {
    const text = (renderTemplate(DEFAULT_TEMPLATES.de, { name: 'Max' }) as { text: string }).text;
    expect(containsConfirmation(text, text)).toBe(true);
    expect(containsConfirmation(`Hallo,\n${text}\nPS: Danke`, null)).toBe(true);
    expect(containsConfirmation((renderTemplate(DEFAULT_TEMPLATES.en, { name: 'Max' }) as { text: string }).text)).toBe(true);
    expect(containsConfirmation('Frage zu einer Rechnung')).toBe(false);
    expect(containsConfirmation('')).toBe(false);
  });
});

describe('settings schema keeps only valid templates', () => {
  it('accepts null and valid templates, refuses invalid ones in patches', () => {
    expect(SettingsSchema.safeParse({ ...defaultSettings(), template: 'Hallo\n{name}' }).success).toBe(true);
    expect(SettingsSchema.safeParse({ ...defaultSettings(), template: null }).success).toBe(true);
    expect(SettingsPatchSchema.safeParse({ template: 'Grüße, XY' }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ template: 'ohne Namen' }).success).toBe(false);
  });

  it('a stored invalid template is replaced by the default, the rest survives', () => {
    const loaded = loadSettings({ ...defaultSettings(), name: 'Max', template: 'Hallo {firma}' });
    expect(loaded.problem).toBe(true);
    expect(loaded.settings.template).toBeNull();
    expect(loaded.settings.name).toBe('Max');
  });
});

describe('category choice', () => {
  it('picks an option about the go-live, prefers it over onboarding in general', () => {
    const opts = [
      { value: '', label: '--Keine--' },
      { value: 'Onb', label: 'Onboarding' },
      { value: 'Orders', label: 'Bestellungen & Versand' },
      { value: 'Golive', label: 'Freischaltung der Produkte (Livegang)' },
    ];
    expect(pickFitting(opts)?.value).toBe('Golive');
    expect(pickFitting(opts.slice(0, 3))?.value).toBe('Onb');
    expect(pickFitting([{ value: 'x', label: 'Go-live' }])?.value).toBe('x');
  });

  it('leaves it to the merchant when nothing fits; never picks the empty option', () => {
    expect(pickFitting([{ value: '', label: 'Livegang' }, { value: 'Orders', label: 'Bestellungen' }, { value: 'Other', label: 'Sonstiges' }])).toBeNull();
    expect(fitScore('Rechnungen & Zahlungen')).toBe(0);
    expect(fitScore('Lieferung')).toBe(0);
  });
});

describe('created case URLs', () => {
  const origin = 'https://account.otto.market';
  it('accepts the case pages of the help center only', () => {
    expect(isCreatedCaseUrl(`${origin}/s/case/500Qy00000AbCdEIAV/detail`, origin)).toBe(true);
    expect(isCreatedCaseUrl(`${origin}/s/case/500Qy00000AbCdE`, origin)).toBe(true);
    expect(isCreatedCaseUrl(`${origin}/s/detail/500Qy00000AbCdEIAV`, origin)).toBe(true);
    expect(isCreatedCaseUrl(`${origin}/s/ticketanlegen`, origin)).toBe(false);
    expect(isCreatedCaseUrl(`${origin}/s/case/Case/00B000000000001`, origin)).toBe(false);
    expect(isCreatedCaseUrl(`${origin}/s/article/Vorbereitungen-Livegang`, origin)).toBe(false);
    expect(isCreatedCaseUrl('https://account.otto.market.evil.example/s/case/500Qy00000AbCdEIAV', origin)).toBe(false);
  });
});
