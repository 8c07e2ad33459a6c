// The reference for `npm run bench` (bench.mjs): what the extension's UI alone costs the 100-row
// overview, the yardstick our own figures are read against.
//
// A throwaway extension that shows exactly what ours shows there and does nothing else: the same
// `<lga-checklist>` (same place, same shadow tree and styles) and one `<lga-deeplink>` per row in
// view (same place, markup and styles), written with plain DOM calls after one message round trip
// to its service worker, the row controls read after the next paint as ours are (so no forced
// layout). No framework, no stored state, no row reading, no observers. Its markup and styles are
// copied from our own build on the fixture page, so it follows every change of ours. bench.mjs
// measures it in the same session and the same way as ours (interleaved with the page without
// any extension, paired differences): its figures are the least this UI costs on that machine, and
// ours minus its figures is what our code costs.
//
// Also the floor (`buildFloor`): the same extension without any UI, one message round trip and
// nothing else: what any extension with a content script costs the page on that machine, so the
// reference minus the floor is what the UI itself costs.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The panel and one row control as our extension (in `browser`) shows them at `url`, on a first
 * visit (storage emptied first: the full panel, once the automatic steps are recorded) and on the
 * visit after it (what a merchant sees every day: the compact line). Leaves the browser's storage
 * in the used state.
 */
async function grab(browser, url) {
  await browser.worker.evaluate(() => chrome.storage.local.clear());
  const out = {};
  for (const visit of ['first', 'later']) {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('lga-checklist')?.shadowRoot?.querySelector('[role="region"]') && document.querySelector('#rows lga-deeplink'), null, { timeout: 20_000 });
    await page.waitForTimeout(1500);
    const ui = await page.evaluate(() => {
      const css = (root) => [...root.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).concat([...root.querySelectorAll('style')].map((s) => s.textContent)).join('\n');
      const markup = (root) => [...root.childNodes].filter((n) => n.nodeName !== 'STYLE').map((n) => n.outerHTML ?? n.textContent).join('');
      const attrs = (el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
      /** Where `el` is, as steps from the nearest ancestor with an id: child indices not counting our hosts. */
      const path = (el) => {
        const steps = [];
        for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
          if (e.id) return { id: e.id, steps };
          steps.unshift([...e.parentElement.children].filter((c) => !c.localName.startsWith('lga-')).indexOf(e));
        }
        return { id: null, steps };
      };
      const panel = document.querySelector('lga-checklist');
      const control = document.querySelector('#rows lga-deeplink');
      const row = control.closest('tr');
      const link = control.previousElementSibling;
      return {
        panel: { tag: 'lga-checklist', attrs: attrs(panel), css: css(panel.shadowRoot), html: markup(panel.shadowRoot), before: path(panel.nextElementSibling) },
        control: {
          tag: 'lga-deeplink',
          attrs: attrs(control),
          css: css(control.shadowRoot),
          html: markup(control.shadowRoot),
          linkIndex: [...row.querySelectorAll('a')].indexOf(link),
          name: link.textContent,
        },
      };
    });
    await page.close();
    out[visit] = ui;
  }
  return out;
}

/** The reference extension's content script: the grabbed UI, put in place with plain DOM calls. */
function contentScript(ui) {
  return `(() => {
const UI = ${JSON.stringify(ui)};
const sheets = new Map();
function host(spec) {
  const el = document.createElement(spec.tag);
  for (const [k, v] of Object.entries(spec.attrs)) el.setAttribute(k, v);
  const root = el.attachShadow({ mode: 'open' });
  let s = sheets.get(spec);
  if (!s) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(spec.css);
    const tpl = document.createElement('template');
    tpl.innerHTML = spec.html; // our own markup, copied from our build (never page data)
    sheets.set(spec, (s = { sheet, tpl }));
  }
  root.adoptedStyleSheets = [s.sheet];
  root.append(s.tpl.content.cloneNode(true));
  return el;
}
function at(where) {
  let el = where.id ? document.getElementById(where.id) : document.documentElement;
  for (const i of where.steps) el = el && el.children[i];
  return el;
}
chrome.runtime.sendMessage({ type: 'state/get' }).then(() => {
  at(UI.panel.before)?.before(host(UI.panel));
  // Rows in view, read after the next paint (no forced layout), as the extension does.
  requestAnimationFrame(() => setTimeout(() => {
    const rows = [];
    for (const row of document.querySelectorAll('#rows tr')) {
      const r = row.getBoundingClientRect();
      if (r.top > innerHeight) break;
      if (r.bottom >= 0) rows.push(row);
    }
    // All positions read first: a write between two reads would force a layout per row.
    for (const row of rows) {
      const link = row.querySelectorAll('a')[UI.control.linkIndex];
      if (!link) continue;
      const el = host(UI.control);
      // Per row: its own link and name, as ours shows them.
      for (const n of el.shadowRoot.querySelectorAll('[href]')) n.setAttribute('href', link.href);
      for (const n of el.shadowRoot.querySelectorAll('[aria-label]')) n.setAttribute('aria-label', n.getAttribute('aria-label').replace(UI.control.name, link.textContent));
      link.after(el);
    }
  }));
});
})();
`;
}

/** Writes a throwaway extension for portal.otto.market with `script` as its content script; returns its directory. */
function writeExtension(dir, name, script) {
  rmSync(dir, { recursive: true, force: true });
  const ext = join(dir, 'chrome-mv3');
  mkdirSync(join(ext, 'content-scripts'), { recursive: true });
  const manifest = {
    manifest_version: 3,
    name,
    version: '0.0.1',
    background: { service_worker: 'background.js' },
    permissions: ['storage'],
    host_permissions: ['https://portal.otto.market/*'],
    content_scripts: [{ matches: ['https://portal.otto.market/*'], js: ['content-scripts/portal.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify(manifest, null, 2));
  // One storage read per request, like ours (our worker validates and answers from storage).
  writeFileSync(join(ext, 'background.js'), `chrome.runtime.onMessage.addListener((m, s, reply) => { chrome.storage.local.get(null).then(() => reply({ ok: true })); return true; });\n`);
  writeFileSync(join(ext, 'content-scripts/portal.js'), script);
  return ext;
}

/**
 * Copies the UI from our extension (a `launch(true)` browser of bench.mjs) at `url` and writes two
 * reference extensions: `first` (the full panel of a first visit) to `dir-first` and `later` (the
 * compact line of every later visit) to `dir-later`; returns the directories of their Chrome
 * packages.
 */
export async function buildReference(browser, url, dir) {
  const ui = await grab(browser, url);
  if (!ui.first || !ui.later) throw new Error('the extension showed no panel or no row control on the fixture');
  return {
    first: writeExtension(`${dir}-first`, 'Livegang-Assistent reference, first visit (benchmark only)', contentScript(ui.first)),
    later: writeExtension(`${dir}-later`, 'Livegang-Assistent reference (benchmark only)', contentScript(ui.later)),
  };
}

/**
 * The floor: an extension whose content script makes the same one message round trip as the
 * reference and shows nothing. What any extension with a content script costs the page (its
 * isolated world, the injection, the extension API, one message), whatever it does after.
 */
export function buildFloor(dir) {
  return writeExtension(dir, 'Livegang-Assistent floor (benchmark only)', `chrome.runtime.sendMessage({ type: 'state/get' });\n`);
}
