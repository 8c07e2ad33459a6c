import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROME_BUILD, FIREFOX_BUILD } from './browsers';

/** Builds both extension packages unless LGA_SKIP_BUILD=1 (the full `npm test` builds first). */
export default function globalSetup() {
  const root = resolve(import.meta.dirname, '../..');
  if (process.env.LGA_SKIP_BUILD === '1' && existsSync(resolve(root, CHROME_BUILD, 'manifest.json')) && statSync(resolve(root, FIREFOX_BUILD, 'manifest.json'))) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
