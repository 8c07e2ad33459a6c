import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FEATURES, SWITCHES } from '../../lib/features/registry';
import { chunkContents, featuresOn, initName, switches } from '../../lib/features/tables';
import type { FeatureSpec } from '../../lib/features/types';
import { CHUNKS, type UiChunk } from '../../lib/content/chunks';
import { isHelpPage, isPortalPage } from '../../lib/otto/pages';
import { defaultSettings, SWITCHABLE_FEATURES } from '../../lib/settings/defaults';
import { chunkModuleSource } from '../../lib/build/feature-chunks';

/**
 * A feature declares itself once (lib/features/<id>/index.ts) and every table is computed from
 * the declarations: a feature cannot be missing from a table because no table is written by hand.
 * These tests show (1) that the one list of declarations (lib/features/registry.ts) holds every
 * folder's, (2) that each table is a function of the declarations — a made-up feature shows up
 * in all of them — and (3) that the settings and the build use exactly those computed tables.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const FEATURES_DIR = join(ROOT, 'lib/features');
const folders = readdirSync(FEATURES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const allChunks = Object.values(CHUNKS).flatMap((host) => Object.values(host as Record<string, UiChunk>));

describe('every feature folder is a feature: its declarations are in the one list', () => {
  it('the declarations are exactly the folders (each folder declares at least once, with its own name as id)', () => {
    expect(folders.length).toBeGreaterThanOrEqual(5);
    expect([...new Set(FEATURES.map((f) => f.id))].sort()).toEqual(folders);
  });

  it.each(folders.map((f) => [f]))('%s: its code is `init<Id>` in its folder', (id) => {
    const file = ['init.ts', 'init.tsx'].map((f) => join(FEATURES_DIR, id, f)).find(existsSync);
    expect(file, `lib/features/${id}/init.ts(x)`).toBeDefined();
    expect(readFileSync(file!, 'utf8')).toMatch(new RegExp(`export (const|function|async function) ${initName(id)}\\b`));
  });
});

describe('every table is computed from the declarations: a made-up feature is in each of them', () => {
  const scratch: FeatureSpec = { id: 'made-up' as FeatureSpec['id'], pages: ['opc-order-list', 'hc-ticket-form'], anchors: ['orderContent'], strings: 'popup', setting: { default: false } };
  const withScratch = [...FEATURES, scratch];

  it('the host lists of both content scripts', () => {
    expect(featuresOn(withScratch, isPortalPage)).toContain(scratch);
    expect(featuresOn(withScratch, isHelpPage)).toContain(scratch);
  });

  it('the code and the strings of each chunk serving its pages, and of no other', () => {
    for (const chunk of allChunks) {
      const serves = scratch.pages.some((p) => chunk.pages.includes(p));
      const { ids, areas } = chunkContents(withScratch, chunk);
      expect(ids.includes('made-up'), chunk.file).toBe(serves);
      expect(areas.includes('popup'), chunk.file).toBe(serves);
    }
  });

  it('the options: its switch, with its default', () => {
    const list = switches(withScratch);
    expect(list.find((s) => s.id === 'made-up')).toEqual({ id: 'made-up', default: false });
    expect(list.at(-1)!.id, 'after the switches declared before it').toBe('made-up');
  });

  it('its code in a chunk is found by name: init + the id', () => {
    expect(initName('scratch')).toBe('initScratch');
    expect(initName('buyer-notes')).toBe('initBuyerNotes');
  });
});

describe('the settings and the build use the computed tables (virtual:lga-chunk/…)', () => {
  it('the switches and the settings\' defaults', () => {
    expect(SWITCHES).toEqual(switches(FEATURES));
    expect(SWITCHABLE_FEATURES).toEqual(SWITCHES.map((s) => s.id));
    expect(defaultSettings().features).toEqual(Object.fromEntries(SWITCHES.map((s) => [s.id, s.default])));
  });

  it.each(Object.entries(CHUNKS).flatMap(([host, chunks]) => Object.keys(chunks).map((name) => [host, name])))('chunk %s/%s imports the code and strings of its features', async (host, name) => {
    const chunk = (CHUNKS as unknown as Record<string, Record<string, UiChunk>>)[host]![name]!;
    const { ids, areas } = chunkContents(FEATURES, chunk);
    const source = await chunkModuleSource(ROOT, host, name);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(source).toContain(`import { ${initName(id)} } from "${ROOT}/lib/features/${id}/init";`);
    for (const area of areas) expect(source).toContain(`/lib/i18n/strings/${area}";`);
    expect(source.match(/^import /gm)).toHaveLength(ids.length + areas.length);
  });
});
