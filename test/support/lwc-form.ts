import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Builds the ticket form of test/fixtures/lwc with Salesforce's own published code (npm `lwc`
 * engine, compiler and synthetic shadow, `lightning-base-components`, SLDS) into
 * .cache/lwc-form/<hash>/, served by the fixture server under https://account.otto.market/lga-test/.
 *
 * The unminified bundle takes about a minute on two cores, so it is built once and cached, keyed
 * by a hash of the sources, of this file and of the versions of the packages involved. A fresh
 * clone builds it on first use (the ticket specs call `ensureLwcForm()` in `beforeAll`).
 */
const ROOT = resolve(import.meta.dirname, '../..');
export const LWC_SRC = resolve(ROOT, 'test/fixtures/lwc');
const CACHE = resolve(ROOT, '.cache/lwc-form');
/** URL path prefix the bundle is served under (see test/support/fixtures.ts). */
export const LWC_URL_PREFIX = '/lga-test/';

const PACKAGES = ['lwc', '@lwc/rollup-plugin', 'lightning-base-components', '@salesforce-ux/design-system', 'rollup', '@rollup/plugin-replace'];

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesBelow(p));
    else out.push(p);
  }
  return out;
}

/** Hash of everything that decides the bundle's content. */
export function lwcFormKey(): string {
  const h = createHash('sha256');
  for (const f of filesBelow(LWC_SRC)) h.update(relative(LWC_SRC, f)).update('\0').update(readFileSync(f)).update('\0');
  h.update(readFileSync(import.meta.filename));
  for (const name of PACKAGES) {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    h.update(`${name}@${pkg.version}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

/** The folder holding the built form (lwc-form.js, its chunks, slds.css); builds it when missing. */
export async function ensureLwcForm(log: (m: string) => void = (m) => console.log(m)): Promise<string> {
  const key = lwcFormKey();
  const dir = join(CACHE, key);
  if (existsSync(join(dir, 'DONE'))) return dir;
  const started = Date.now();
  log(`[lwc-form] building the Salesforce test form (cache ${key}; 15–60 s)…`);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });

  const { rollup } = await import('rollup');
  const { default: lwc } = await import('@lwc/rollup-plugin');
  const { default: replace } = await import('@rollup/plugin-replace');
  const bundle = await rollup({
    input: join(LWC_SRC, 'main.js'),
    plugins: [
      replace({
        preventAssignment: true,
        values: { 'import.meta.env.SSR': 'false', 'process.env.NODE_ENV': JSON.stringify('production') },
      }),
      lwc({
        rootDir: join(LWC_SRC, 'modules'),
        modules: [
          // Must come before the package's own record, which maps this gate to an open stub.
          { name: '@salesforce/gate/bc.260.enableComboboxElementInternals', path: join(LWC_SRC, 'stubs/gateClosed.js') },
          { dir: join(LWC_SRC, 'modules') },
          { npm: 'lightning-base-components' },
        ],
      }),
    ],
    onwarn: (warning, warn) => {
      // Circular imports and `this` rewriting inside the base components are expected noise.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  await bundle.write({ dir: tmp, format: 'es', entryFileNames: 'lwc-form.js', chunkFileNames: 'chunk-[name]-[hash].js' });
  await bundle.close();
  copyFileSync(resolve(ROOT, 'node_modules/@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.min.css'), join(tmp, 'slds.css'));
  writeFileSync(join(tmp, 'DONE'), new Date().toISOString());
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(tmp, dir);
  } catch (error) {
    // Another process finished the same build first: use theirs.
    if (!existsSync(join(dir, 'DONE'))) throw error;
    rmSync(tmp, { recursive: true, force: true });
  }
  // Older builds (other sources or package versions) are no longer needed.
  for (const name of readdirSync(CACHE)) if (name !== key && !name.includes('.tmp-')) rmSync(join(CACHE, name), { recursive: true, force: true });
  log(`[lwc-form] built in ${Math.round((Date.now() - started) / 1000)} s`);
  return dir;
}
