import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * The icons the manifest names exist, have the size they claim and an alpha channel; the 128 px
 * store icon keeps its artwork inside 96 × 96 (16 px transparent padding, Chrome Web Store).
 * Rendered from .store/icon.svg by test/tools/make-icons.mjs.
 */
const ROOT = resolve(import.meta.dirname, '../..');

function png(file: string) {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString()).toBe('PNG');
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const colourType = data[25];
  const chunks: Buffer[] = [];
  for (let i = 8; i < data.length; ) {
    const n = data.readUInt32BE(i);
    if (data.subarray(i + 4, i + 8).toString() === 'IDAT') chunks.push(data.subarray(i + 8, i + 8 + n));
    i += 12 + n;
  }
  // Unfilter (8-bit RGBA) to read alpha values.
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const rows: Uint8Array[] = [];
  let prev = new Uint8Array(stride);
  for (let y = 0, o = 0; y < height; y++) {
    const filter = raw[o++]!;
    const row = new Uint8Array(raw.subarray(o, o + stride));
    o += stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? row[x - 4]! : 0;
      const b = prev[x]!;
      const c = x >= 4 ? prev[x - 4]! : 0;
      const p = a + b - c;
      const pred = [0, a, b, (a + b) >> 1, Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c][filter]!;
      row[x] = (row[x]! + pred) & 255;
    }
    rows.push(row);
    prev = row;
  }
  return { width, height, colourType, alpha: (x: number, y: number) => rows[y]![x * 4 + 3]! };
}

const sizes = [...readFileSync(resolve(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/(\d+): 'icons\/(\d+)\.png'/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('icons', () => {
  it('the manifest names 16, 32, 48, 96 and 128', () => {
    expect(sizes.map(([s]) => s)).toEqual([16, 32, 48, 96, 128]);
  });
  it.each(sizes)('%i px: a %i × %i RGBA PNG with opaque artwork', (size, file) => {
    const p = png(resolve(ROOT, `public/icons/${file}.png`));
    expect([p.width, p.height]).toEqual([size, size]);
    expect(p.colourType).toBe(6);
    expect(p.alpha(size / 2, size / 2)).toBe(255);
  });
  it('the 128 px icon has 16 px of transparent padding', () => {
    const p = png(resolve(ROOT, 'public/icons/128.png'));
    for (let i = 0; i < 128; i++) {
      for (const [x, y] of [[i, 8], [i, 119], [8, i], [119, i]] as const) expect(p.alpha(x, y), `${x},${y}`).toBe(0);
    }
    expect(p.alpha(20, 64)).toBe(255);
  });
});
