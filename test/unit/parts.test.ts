import { afterEach, describe, expect, it } from 'vitest';
import { importPart } from '../../lib/content/chunk';
import { PARTS, type UiPart } from '../../lib/content/chunks';

/** Features' parts imported when shown (lib/content/chunks.ts PARTS, lib/content/chunk.ts importPart). */

const part: UiPart = { file: '/test-part.js', global: '__lgaTestPart' };
const globals = globalThis as Record<string, unknown>;
afterEach(() => delete globals[part.global]);

describe('importPart', () => {
  it('imports a part once per tab, also when it is asked for again while loading, and returns what it published', async () => {
    const files: string[] = [];
    const importChunk = async (file: string) => {
      files.push(file);
      await new Promise((r) => setTimeout(r, 5));
      globals[part.global] = { name: 'published' };
    };
    const [a, b] = await Promise.all([importPart(part, importChunk), importPart(part, importChunk)]);
    const c = await importPart(part, importChunk);
    expect(files).toEqual(['/test-part.js']);
    expect([a, b, c]).toEqual([{ name: 'published' }, { name: 'published' }, { name: 'published' }]);
  });

  it('what a fresh import holds is handed over a task later, not in the task that compiled it (no long task of ours)', async () => {
    const other: UiPart = { file: '/test-part.js', global: '__lgaTestPartLater' };
    const importChunk = async () => void (globals[other.global] = { name: 'published' });
    let handed = false;
    const loading = importPart(other, importChunk).then(() => (handed = true));
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(handed, 'handed over in the same task').toBe(false);
    await loading;
    expect(handed).toBe(true);
    delete globals[other.global];
  });

  it('a failed import is tried again the next time', async () => {
    const other: UiPart = { file: '/test-part.js', global: '__lgaTestPartFailing' };
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('network');
    };
    await expect(importPart(other, failing)).rejects.toThrow('network');
    await expect(importPart(other, failing)).rejects.toThrow('network');
    expect(calls).toBe(2);
  });

  it('every part is its own built file (wxt.config.ts makes each web-accessible)', () => {
    for (const p of Object.values(PARTS)) expect(p.file).toMatch(/^\/[a-z-]+\.js$/);
  });
});
