import { expect, test } from '../support/test';
import { readFileSync } from 'node:fs';
import type { ExtensionBrowser } from '../support/chromium';

const OVERVIEW = 'https://portal.otto.market/products/#productoverview';
async function openOptions(b: ExtensionBrowser) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByLabel('Ihr Name').waitFor();
  return page;
}

test('options: the name field is labelled and saved; switching a feature off removes its UI from open tabs', async ({ chromium }) => {
  const b = await chromium();
  const tab = await b.openOtto(OVERVIEW);
  await expect(tab.locator('lga-checklist')).toHaveCount(1);
  const options = await openOptions(b);

  await options.getByLabel(/Name/).fill('Erika Mustermann');
  await options.getByLabel(/Name/).press('Tab');
  await expect(options.getByRole('status')).toHaveText('Gespeichert.');
  expect(((await b.storage('local')).settings as { name: string }).name).toBe('Erika Mustermann');

  await options.getByLabel('Livegang-Checkliste in Partner Connect').uncheck();
  await expect(tab.locator('lga-checklist')).toHaveCount(0);
  await options.getByLabel('Livegang-Checkliste in Partner Connect').check();
  await expect(tab.locator('lga-checklist')).toHaveCount(1);
});

test('options: language switch applies to the options page, the popup and injected UI', async ({ chromium }) => {
  const b = await chromium();
  const tab = await b.openOtto(OVERVIEW);
  await expect(tab.locator('lga-checklist')).toContainText('Livegang-Checkliste');
  const options = await openOptions(b);
  await options.getByLabel('Sprache der Oberfläche').selectOption('en');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Livegang-Assistent – Settings');
  await expect(tab.locator('lga-checklist')).toContainText('Livegang checklist');
  const popup = await b.popup();
  await expect(popup.locator('[data-step="live"]')).toContainText('Restriction lifted');
});

test('options: export → reset → import restores progress and settings; a bad file changes nothing', async ({ chromium }) => {
  const b = await chromium();
  const options = await openOptions(b);
  const popup = await b.popup();
  await popup.locator('[data-step="test-order"]').click();
  await expect(popup.locator('[data-step="test-order"]')).toHaveAttribute('aria-checked', 'true');
  await options.getByLabel(/Name/).fill('Erika Mustermann');
  await options.getByLabel(/Name/).press('Tab');
  await expect(options.getByRole('status')).toHaveText('Gespeichert.');

  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Exportieren (JSON)' }).click()]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('livegang-assistent');

  await options.getByRole('button', { name: 'Alles zurücksetzen …' }).click();
  await options.getByRole('button', { name: 'Ja, zurücksetzen' }).click();
  await expect(options.getByRole('status')).toHaveText('Zurückgesetzt.');
  await expect(popup.locator('[data-step="test-order"]')).toHaveAttribute('aria-checked', 'false');
  await expect(options.getByLabel(/Name/)).toHaveValue('');

  // A bad file is refused with a reason and changes nothing.
  await options.locator('#opt-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"livegang-assistent","onboarding":1}') });
  await expect(options.getByRole('status')).toContainText('Import abgelehnt');
  await options.locator('#opt-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await expect(options.getByRole('status')).toContainText('kein gültiges JSON');
  await expect(popup.locator('[data-step="test-order"]')).toHaveAttribute('aria-checked', 'false');

  await options.locator('#opt-import').setInputFiles(file);
  await expect(options.getByRole('status')).toHaveText('Import abgeschlossen.');
  await expect(popup.locator('[data-step="test-order"]')).toHaveAttribute('aria-checked', 'true');
  await expect(options.getByLabel(/Name/)).toHaveValue('Erika Mustermann');
  await expect.poll(() => b.badge()).toBe('7');
});

test('options: ticket template with live preview, placeholder validation and reset to default', async ({ chromium }) => {
  const b = await chromium();
  const options = await openOptions(b);
  const template = options.getByLabel('Vorlage für das Bestätigungsticket');
  const preview = options.locator('[data-preview]');
  await expect(template).toHaveValue(/Liebes OTTO Team,/);
  await expect(preview).toContainText('[Ihr Name]');

  await options.getByLabel(/Ihr Name/).fill('Erika Mustermann');
  await options.getByLabel(/Ihr Name/).press('Tab');
  await expect(preview).toContainText('Liebe Grüße\nErika Mustermann');

  // Invalid: no {name}, an unknown placeholder and "XY" — explained, not saved, no preview.
  await template.fill('Hallo OTTO,\nbitte freischalten. {firma}\nXY');
  await expect(options.locator('#opt-template-problems li')).toHaveText([
    'Unbekannter Platzhalter {firma}.',
    'Der Platzhalter {name} fehlt.',
    '„XY“ ist kein Name: Bitte {name} verwenden.',
  ]);
  await expect(template).toHaveAttribute('aria-invalid', 'true');
  await expect(options.getByRole('button', { name: 'Vorlage speichern' })).toBeDisabled();
  await expect(preview).toHaveText('Keine Vorschau: Die Vorlage ist ungültig.');
  await template.blur();
  expect(((await b.storage('local')).settings as { template: unknown }).template).toBeNull();

  // Valid own template: saved on blur, preview live.
  await template.fill('Hallo OTTO,\nich bestätige den Shipment Request.\n{name}, {company}');
  await options.getByLabel('Firma').fill('Muster GmbH');
  await options.getByLabel('Firma').press('Tab');
  await expect(preview).toHaveText('Hallo OTTO,\nich bestätige den Shipment Request.\nErika Mustermann, Muster GmbH');
  expect(((await b.storage('local')).settings as { template: string }).template).toContain('{company}');

  // English default offered; reset restores the default.
  await options.getByRole('button', { name: 'Standardvorlage wiederherstellen' }).click();
  await expect(template).toHaveValue(/Liebes OTTO Team,/);
  await options.getByLabel('Sprache des Tickettexts').selectOption('en');
  await expect(template).toHaveValue(/Dear OTTO team,/);
  await expect.poll(async () => ((await b.storage('local')).settings as { templateLang: string; template: unknown })).toMatchObject({ templateLang: 'en', template: null });
});
