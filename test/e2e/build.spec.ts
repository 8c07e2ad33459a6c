import { expect, test } from '../support/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/browsers';

/**
 * Checks of the built packages: the manifests match the README's manifest facts, and the bundles
 * contain no eval-like code, no remote script, and no network API at all.
 */
const root = resolve(import.meta.dirname, '../..');
const builds = [CHROME_BUILD, FIREFOX_BUILD].map((d) => resolve(root, d));

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

function readmeFacts() {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const block = /<!-- manifest-facts:begin -->\s*```json\s*([\s\S]*?)```\s*<!-- manifest-facts:end -->/.exec(readme);
  if (!block) throw new Error('README has no manifest-facts block');
  return JSON.parse(block[1]!);
}

test('the built manifests grant exactly what the README says', () => {
  const facts = readmeFacts();
  for (const dir of builds) {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const firefox = dir.endsWith('firefox-mv3');
    expect(m.permissions ?? []).toEqual(facts.permissions);
    expect(m.host_permissions ?? []).toEqual(facts.host_permissions);
    expect(m.optional_permissions ?? []).toEqual([]);
    // Opt-in sites and www.otto.de (companion): asked for one at a time when the merchant turns one on, never at install.
    expect(m.optional_host_permissions ?? []).toEqual(facts.optional_host_permissions);
    expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual([...facts.content_scripts].sort());
    expect(m.content_scripts.every((c: { world?: string }) => c.world !== 'MAIN')).toBe(true);
    // Frames only on the portal (micro-frontends in same-origin frames); never the main world.
    expect(m.content_scripts.filter((c: { all_frames?: boolean }) => c.all_frames).flatMap((c: { matches: string[] }) => c.matches)).toEqual(facts.all_frames);
    if (firefox) expect(m.externally_connectable).toBeUndefined();
    else expect(m.externally_connectable).toEqual(facts.externally_connectable);
    const war = (m.web_accessible_resources ?? []).map((w: Record<string, unknown>) => ({ resources: w.resources, matches: w.matches }));
    expect(war).toEqual(facts.web_accessible_resources);
    if (!firefox) expect(m.web_accessible_resources.every((w: { use_dynamic_url?: boolean }) => w.use_dynamic_url === true)).toBe(true);
    // `scripting` only registers the opt-in sites' and the companion's scripts, for their granted sites.
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*|"tabs"|"webRequest/);
    expect(m.content_security_policy).toBeUndefined(); // the browsers' strict MV3 default applies
  }
});

/** The matched text with some context, or null: keeps failure messages short. */
function hit(code: string, pattern: RegExp): string | null {
  const m = pattern.exec(code);
  return m ? code.slice(Math.max(0, m.index - 60), m.index + 60) : null;
}

/** Remote addresses that may appear in the code as text (link targets and XML namespaces). */
const ALLOWED_URL = /^https:\/\/(portal\.otto\.market|account\.otto\.market|www\.otto\.de|www\.otto\.market)(\/|$)|^http:\/\/www\.w3\.org\//;

test('the bundles contain no eval, no remote script and no network API', () => {
  for (const dir of builds) {
    const scripts = files(dir, '.js');
    expect(scripts.length).toBeGreaterThan(4);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      const name = file.slice(dir.length + 1);
      expect(hit(code, /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]|set(?:Timeout|Interval)\s*\(\s*["'`]/), `${name}: eval-like code`).toBeNull();
      expect(hit(code, /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection/), `${name}: network API`).toBeNull();
      expect(hit(code, /import\s*\(\s*["'`]https?:|importScripts\s*\(/), `${name}: remote import`).toBeNull();
      const urls = code.match(/https?:\/\/[^\s"'`)<>\\]+/g) ?? [];
      // Besides OTTO's addresses: the opt-in sites' match patterns (lib/sites/catalog.ts), as the manifest lists them.
      const sitePatterns: string[] = readmeFacts().optional_host_permissions;
      // `https://${host}` is how an added site's origin is written (lib/sites/catalog.ts): a template, no address.
      for (const url of urls) if (!sitePatterns.includes(url) && !/^https:\/\/\$\{\w+\}$/.test(url)) expect(url, `${name}: unexpected remote address`).toMatch(ALLOWED_URL);
    }
    for (const html of files(dir, '.html')) {
      const text = readFileSync(html, 'utf8');
      expect(text).not.toMatch(/<script[^>]+src=["']https?:/);
    }
  }
});

/**
 * Issue 16: the overview's first path carries no UI framework. Preact's production build keeps
 * its internal fields as `__k` (a vnode's children) in every bundle that renders with it; the
 * products chunk draws the compact line and the row controls in plain DOM and leaves Preact to
 * the checklist's panel part (lib/content/chunks.ts PARTS), which must have it.
 */
test('the products chunk has no Preact; the checklist panel part has it', () => {
  for (const dir of builds) {
    const preact = (file: string) => /\.__k\b/.test(readFileSync(join(dir, file), 'utf8'));
    expect(preact('checklist-panel.js'), `${dir}: checklist-panel.js`).toBe(true);
    expect(preact('portal-products.js'), `${dir}: portal-products.js`).toBe(false);
  }
});
