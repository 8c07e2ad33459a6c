// @vitest-environment-options {"url": "https://portal.otto.market/products/#productoverview"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeLeftovers, startLifetime } from '../../lib/content/lifetime';
import { mountUi } from '../../lib/ui/mount';
import { isForged, watchUserInput } from '../../lib/ui/trusted';
import { initAutosteps } from '../../lib/features/autosteps/init';
import { productPageEvidence } from '../../lib/features/autosteps/products';
import { initChecklist } from '../../lib/features/checklist/init';
import type { FeatureContext } from '../../lib/features/types';
import type { Message, Reply } from '../../lib/messaging/protocol';
import { defaultState, type OnboardingState, type StepState } from '../../lib/onboarding/state';
import { STEP_IDS } from '../../lib/onboarding/steps';
import { defaultSettings } from '../../lib/settings/defaults';
import { fakeStore } from '../support/fake-store';
import { loadFixture } from '../support/load-fixture';
import portalChunk from '../../entrypoints/portal-products';
import checklistPanel from '../../entrypoints/checklist-panel';
import { featureContext } from '../support/feature-context';
import { fakeSend } from '../support/fake-send';

/**
 * Issue 17, items 1 and 8, at the level of the code that decides: what a page script can make us
 * do with events it dispatches and markup it plants. happy-dom does not implement `isTrusted`;
 * a forged event is marked here the way a browser marks it (`isTrusted: false`).
 */

portalChunk.main();
// The checklist's full panel (a part imported when shown, lib/content/chunks.ts PARTS), as the built file publishes it.
checklistPanel.main();

const forged = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: false });
const tick = () => new Promise((r) => setTimeout(r, 20));

let stop: AbortController;
let sent: Message[];
beforeEach(() => {
  stop = new AbortController();
  sent = [];
  document.body.replaceChildren();
});
afterEach(() => stop.abort());

function ctxFor(page: FeatureContext['page'], store = fakeStore()): FeatureContext {
  return featureContext({
    signal: stop.signal,
    page,
    store,
    send: fakeSend((m) => {
      sent.push(m);
      return { ok: true };
    }),
  });
}

describe('this copy stays live until the extension is gone, whatever the page dispatches', () => {
  const NAME = 'ext-id:portal:wxt:content-script-started';

  it('ignores the started event in every shape while the extension is there; stops at once on it when orphaned', () => {
    let gone = false;
    const signal = startLifetime({ orphaned: () => gone, cues: [NAME], interval: 60_000 });
    for (const detail of [{ contentScriptName: 'portal', messageId: 'x' }, { contentScriptName: 'portal' }, null, undefined, 'portal']) {
      for (const target of [document, document.documentElement, document.body]) target.dispatchEvent(new CustomEvent(NAME, { detail, bubbles: true }));
    }
    document.dispatchEvent(new Event(NAME));
    expect(signal.aborted).toBe(false);
    // The extension is reloaded: the newer copy's announcement (any shape) ends the old one now.
    gone = true;
    document.dispatchEvent(new Event(NAME));
    expect(signal.aborted).toBe(true);
  });

  it('notices orphaning by itself, without any event', async () => {
    let gone = false;
    const signal = startLifetime({ orphaned: () => gone, cues: [], interval: 10 });
    await tick();
    expect(signal.aborted).toBe(false);
    gone = true;
    await tick();
    expect(signal.aborted).toBe(true);
  });
});

describe('a new copy replaces what a dead copy left (Firefox ends old copies without cleanup)', () => {
  it('removes our hosts with a shadow root, also in the page\'s shadow roots; keeps the page\'s look-alikes and our own', () => {
    document.body.innerHTML = '<div id="app"></div><lga-deeplink><a href="https://evil.example/">page-made</a></lga-deeplink>';
    const stale = (tag: string, parent: ParentNode) => {
      const el = document.createElement(tag);
      el.attachShadow({ mode: 'open' }).textContent = 'old copy';
      parent.append(el);
      return el;
    };
    const app = document.getElementById('app')!;
    stale('lga-checklist', document.body);
    stale('lga-deeplink', app);
    const pageRoot = app.attachShadow({ mode: 'open' });
    stale('lga-contact-warning', pageRoot);
    const mine = mountUi({ tag: 'lga-contact-rules', anchor: document.body, placement: 'append', signal: stop.signal });
    expect(removeLeftovers()).toBe(3);
    expect(document.querySelectorAll('lga-checklist')).toHaveLength(0);
    expect(pageRoot.querySelectorAll('lga-contact-warning')).toHaveLength(0);
    expect(document.querySelector('lga-deeplink')?.textContent).toBe('page-made');
    expect(mine.host.isConnected).toBe(true);
    expect(removeLeftovers()).toBe(0);
  });
});

describe('forged input', () => {
  it('is told apart by isTrusted (unknown, as in test DOMs, is not forged)', () => {
    expect(isForged(forged(new MouseEvent('click')))).toBe(true);
    expect(isForged(Object.defineProperty(new MouseEvent('click'), 'isTrusted', { value: true }))).toBe(false);
  });

  it('a page script cannot press buttons in our open shadow roots; the merchant can', () => {
    const onClick = vi.fn();
    const ui = mountUi({ tag: 'lga-checklist', anchor: document.body, placement: 'append', signal: stop.signal });
    ui.render(<button type="button" onClick={onClick}>x</button>);
    const button = ui.root.querySelector('button')!;
    const fake = forged(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    button.dispatchEvent(fake);
    for (const type of ['keydown', 'input', 'change']) button.dispatchEvent(forged(new Event(type, { bubbles: true, composed: true })));
    expect(onClick).not.toHaveBeenCalled();
    expect(fake.defaultPrevented).toBe(true);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('a forged click on the portal\'s product link does not tick deeplink-opened; the merchant\'s does', async () => {
    document.body.innerHTML = '<a class="obc_link" href="https://www.otto.de/p/gartenstuhl-aus-teak-1234567890/">Gartenstuhl</a>';
    await initAutosteps(ctxFor('opc-other'));
    const link = document.querySelector('a')!;
    link.addEventListener('click', (e) => e.preventDefault());
    link.dispatchEvent(forged(new MouseEvent('click', { bubbles: true, cancelable: true })));
    link.dispatchEvent(forged(new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 })));
    expect(sent.filter((m) => m.type === 'evidence' && m.code === 'deeplink-portal-link')).toEqual([]);
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(sent.filter((m) => m.type === 'evidence' && m.code === 'deeplink-portal-link')).toHaveLength(1);
  });

  it('a trusted event counts as the merchant\'s press only right after their own press inside that element', () => {
    document.body.innerHTML = '<form><textarea></textarea><button type="submit">Senden</button></form><div id="elsewhere"></div>';
    const form = document.querySelector('form')!;
    const input = watchUserInput(stop.signal);
    expect(input.pressedIn(form)).toBe(false);
    document.getElementById('elsewhere')!.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(input.pressedIn(form)).toBe(false);
    form.querySelector('textarea')!.dispatchEvent(forged(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(input.pressedIn(form)).toBe(false);
    form.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(input.pressedIn(form)).toBe(true);
    expect(input.pressedIn(form, -1)).toBe(false);
  });
});

const allDone = (live: StepState): OnboardingState => {
  const s = defaultState();
  for (const id of STEP_IDS) s.steps[id] = { done: true, how: 'manual', at: 1, evidence: null };
  s.steps.live = live;
  return s;
};

describe('"hide once live" only for a live ticked by hand or seen on the product list', () => {
  const cases: Array<[string, StepState, boolean]> = [
    ['ticked by hand', { done: true, how: 'manual', at: 1, evidence: null }, true],
    ['the product list showed products online', { done: true, how: 'auto', at: 1, evidence: { code: 'products-online', count: 3 } }, true],
    ['a product page showed "online"', { done: true, how: 'auto', at: 1, evidence: { code: 'product-page-online', count: 1 } }, false],
  ];
  for (const [name, live, hides] of cases) {
    it(`${name}: ${hides ? 'hidden for good' : 'stays'}`, async () => {
      const store = fakeStore({ state: allDone(live), settings: { ...defaultSettings(), hideChecklistWhenLive: true } });
      await initChecklist(ctxFor('opc-other', store));
      expect(document.querySelectorAll('lga-checklist')).toHaveLength(hides ? 0 : 1);
    });
  }

  it('the product page proves live under its own code', () => {
    loadFixture('portal/products-page.html');
    const badge = document.querySelector('main .obc_label')!;
    badge.className = 'obc_label obc_label--success';
    badge.textContent = 'Online';
    productPageEvidence(ctxFor('opc-product-page'));
    // The page also shows "Bestand: 12": that is stock evidence, not the product list's `live`.
    expect(sent).toEqual([
      { type: 'evidence', code: 'product-page-online', count: 1 },
      { type: 'evidence', code: 'products-with-stock', count: 1 },
    ]);
  });
});
