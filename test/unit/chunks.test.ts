import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { PAGE_KINDS, isHelpPage, isPortalPage, type PageKind } from '../../lib/otto/pages';
import { CHUNKS, chunkFor, type HostChunks, type UiChunk } from '../../lib/content/chunks';
import { chunkLoader } from '../../lib/content/chunk';
import { FEATURES } from '../../lib/features/registry';
import { featuresOn } from '../../lib/features/tables';

const PORTAL_FEATURES = featuresOn(FEATURES, isPortalPage);
const HELP_FEATURES = featuresOn(FEATURES, isHelpPage);
import type { FeatureInits, FeatureSpec } from '../../lib/features/types';

/**
 * The UI chunks (lib/content/chunks.ts): every page kind loads exactly one chunk of its host, and
 * that chunk holds the code of every feature that runs on the page kind, and nothing else. Each
 * chunk is loaded as the built one is: its entry (entrypoints/<file>.ts) runs and publishes its
 * table on the global the loader reads.
 */

const ROOT = resolve(import.meta.dirname, '../..');

const HOSTS: Array<[string, readonly FeatureSpec[], HostChunks, (k: PageKind) => boolean]> = [
  ['portal', PORTAL_FEATURES, CHUNKS.portal, isPortalPage],
  ['help', HELP_FEATURES, CHUNKS.help, isHelpPage],
];

/** Runs a chunk's entry (what importing the built file does) and counts the chunks loaded. */
function importer() {
  const loaded: string[] = [];
  const importChunk = async (file: UiChunk['file']) => {
    loaded.push(file);
    const entry = (await import(/* @vite-ignore */ join(ROOT, 'entrypoints', file.replace(/\.js$/, '.ts')))) as { default: { main: () => void } };
    entry.default.main();
  };
  return { loaded, importChunk };
}

const chunksOf = (chunks: HostChunks) => Object.entries(chunks as Record<string, UiChunk>);

describe.each(HOSTS)('UI chunks of the %s host', (_host, features, chunks, onHost) => {
  it('each chunk serves page kinds of its host only, and no page kind belongs to two chunks', () => {
    const owner = new Map<PageKind, string>();
    for (const [name, chunk] of chunksOf(chunks)) {
      expect(chunk.pages.length, name).toBeGreaterThan(0);
      for (const page of chunk.pages) {
        expect(onHost(page), `${name}: ${page}`).toBe(true);
        expect(owner.get(page), `${page} in ${owner.get(page)} and ${name}`).toBeUndefined();
        owner.set(page, name);
      }
    }
  });

  it.each(PAGE_KINDS.map((k) => [k]))('%s: one chunk, holding every feature that runs there', async (page) => {
    const { loaded, importChunk } = importer();
    const load = chunkLoader(chunks, importChunk);
    const here = features.filter((f) => f.pages.includes(page));
    for (const f of here) expect(await load(f.id, page), `${f.id} on ${page}`).toBeTypeOf('function');
    expect(new Set(loaded).size).toBe(here.length ? 1 : 0);
    expect(loaded.length, 'a chunk is imported once per tab').toBeLessThanOrEqual(1);
    if (here.length) expect(loaded[0]).toBe(chunkFor(chunks, page)!.file);
  });

  it.each(chunksOf(chunks))('%s holds exactly the features of its pages', async (_name, chunk) => {
    await importer().importChunk(chunk.file);
    const table = (globalThis as Record<string, unknown>)[chunk.global] as FeatureInits | undefined;
    const expected = new Set(features.filter((f) => f.pages.some((p) => chunk.pages.includes(p))).map((f) => f.id));
    expect(Object.keys(table ?? {}).sort()).toEqual([...expected].sort());
  });
});

it('the loader imports each chunk once, however many features and navigations ask', async () => {
  const { loaded, importChunk } = importer();
  const load = chunkLoader(CHUNKS.portal, importChunk);
  await Promise.all([load('autosteps', 'opc-product-overview'), load('checklist', 'opc-product-overview'), load('deeplinks', 'opc-product-overview')]);
  await load('checklist', 'opc-order-list');
  await load('deeplinks', 'opc-product-page');
  await load('contact', 'opc-order-details');
  expect(loaded).toEqual([CHUNKS.portal.products.file, CHUNKS.portal.orders.file]);
  expect(await load('contact', 'opc-product-overview'), 'no contact code on the product overview').toBeUndefined();
});

it("a chunk's features are handed over a task after its import, not in the task that compiled it (no long task of ours)", async () => {
  const { importChunk } = importer();
  const load = chunkLoader(CHUNKS.portal, importChunk);
  let handed = false;
  const loading = load('checklist', 'opc-product-overview').then(() => (handed = true));
  for (let i = 0; i < 50; i++) await Promise.resolve();
  expect(handed, 'handed over in the same task').toBe(false);
  await loading;
  expect(handed).toBe(true);
});
