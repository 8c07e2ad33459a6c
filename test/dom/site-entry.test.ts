import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KEYS } from '../../lib/storage/keys';
import { SITE_GUARD_PART } from '../../lib/content/chunks';
import type { SiteGuardOptions } from '../../lib/sites/guard';
import { loadFixture } from '../support/load-fixture';

/**
 * The opt-in sites' small entry (lib/sites/start.ts, issue #19): it watches for an address of
 * OTTO's kinds and imports the warnings' part (SITE_GUARD_PART) only when the first one shows up.
 * The part is a stand-in here that records its starts (the e2e specs run the real one).
 */
const globals = globalThis as Record<string, unknown>;
const settings = (siteServices: string[]) => fakeBrowser.storage.local.set({ [KEYS.settings]: { language: 'de', senderAddress: '', features: { contact: true }, siteServices, siteOrigins: [] } });

function harness() {
  const imported: string[] = [];
  const starts: SiteGuardOptions[] = [];
  const importChunk = async (file: string) => {
    imported.push(file);
    globals[SITE_GUARD_PART.global] = { startSiteGuard: (o: SiteGuardOptions) => (starts.push(o), { rescan: () => {} }) };
  };
  return { imported, starts, importChunk };
}

/** A fresh copy of the entry's modules (the once-per-tab state of startSite and importPart). */
async function start(importChunk: (file: string) => Promise<void>) {
  vi.resetModules();
  const { startSite } = await import('../../lib/sites/start');
  const lifetime = new AbortController();
  startSite(lifetime.signal, importChunk as never);
  return lifetime;
}

const addText = (text: string) => document.body.append(Object.assign(document.createElement('p'), { textContent: text }));
const quiet = () => new Promise((r) => setTimeout(r, 400));

beforeEach(() => {
  fakeBrowser.reset();
  (window as unknown as { happyDOM: { setURL: (u: string) => void } }).happyDOM.setURL('https://mail.google.com/mail/u/0/#inbox');
  delete globals.__lgaSite;
  delete globals[SITE_GUARD_PART.global];
  loadFixture('sites/inbox-long.html');
});
let lifetime: AbortController | undefined;
afterEach(() => lifetime?.abort());

describe('site script entry', () => {
  it('a buyer-free inbox never loads the warnings, also while it changes; the first relay address loads them once and starts the guard', async () => {
    await settings(['gmail']);
    const h = harness();
    lifetime = await start(h.importChunk);
    await quiet();
    addText('Neue Nachricht von info@shop.example');
    await quiet();
    expect(h.imported).toEqual([]);

    addText('Antwort an h4c8z1v6@customer.otto.market');
    await vi.waitFor(() => expect(h.starts).toHaveLength(1));
    expect(h.imported).toEqual([SITE_GUARD_PART.file]);
    expect(h.starts[0]!.signal.aborted).toBe(false);
    addText('Noch eine: erika.musterfrau.1234567890@otto.magnalister.com');
    await quiet();
    expect(h.imported).toHaveLength(1);
    expect(h.starts).toHaveLength(1);

    // Gmail off: the guard stops; on again: it starts anew from the part already loaded.
    await settings([]);
    await vi.waitFor(() => expect(h.starts[0]!.signal.aborted).toBe(true));
    await settings(['gmail']);
    await vi.waitFor(() => expect(h.starts).toHaveLength(2));
    expect(h.imported).toHaveLength(1);
  });

  it('a typed placeholder address counts as the first one', async () => {
    await settings(['gmail']);
    const h = harness();
    const field = document.body.appendChild(document.createElement('input'));
    lifetime = await start(h.importChunk);
    await quiet();
    expect(h.imported).toEqual([]);
    field.value = 'erika.musterfrau.1234567890@otto.magnalister.com';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await vi.waitFor(() => expect(h.starts).toHaveLength(1));
  });

  it('on a site the merchant did not enable, a relay address loads nothing', async () => {
    await settings(['outlook']);
    const h = harness();
    addText('Antwort an h4c8z1v6@customer.otto.market');
    lifetime = await start(h.importChunk);
    await quiet();
    expect(h.imported).toEqual([]);
    expect(h.starts).toEqual([]);
  });
});
