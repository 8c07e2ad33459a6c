// @vitest-environment-options {"url": "https://portal.otto.market/products/#productoverview"}
import { fakeSend } from '../support/fake-send';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initChecklist } from '../../lib/features/checklist/init';
import { featureContext } from '../support/feature-context';
import type { Message, Reply } from '../../lib/messaging/protocol';
import { defaultState, nextOpenStep, type OnboardingState } from '../../lib/onboarding/state';
import { defaultSettings, type Settings } from '../../lib/settings/defaults';
import { fakeStore } from '../support/fake-store';
import { loadFixture } from '../support/load-fixture';
import portalChunk from '../../entrypoints/portal-products';
import checklistPanel from '../../entrypoints/checklist-panel';

/** Issue 16: the overview's checklist is the compact line after the first visit, unless expanded. */

portalChunk.main();
// The checklist's full panel (a part imported when shown, lib/content/chunks.ts PARTS), as the built file publishes it.
checklistPanel.main();

const tick = () => new Promise((r) => setTimeout(r, 20));
let stop: AbortController;
beforeEach(() => {
  stop = new AbortController();
  loadFixture('portal/products-overview.html');
});
afterEach(() => stop.abort());

function registered(): OnboardingState {
  const s = defaultState();
  return { ...s, steps: { ...s.steps, registered: { done: true, how: 'auto', at: 1, evidence: { code: 'portal-seen' } } } };
}

async function open(state: OnboardingState, settings: Partial<Settings> = {}) {
  const store = fakeStore({ state, settings: { ...defaultSettings(), ...settings } });
  const sent: Message[] = [];
  const ctx = featureContext({ signal: stop.signal, page: 'opc-product-overview', store, send: fakeSend((m) => (sent.push(m), { ok: true })) });
  void initChecklist(ctx);
  await tick();
  const root = document.querySelector('lga-checklist')!.shadowRoot!;
  return { store, sent, root, steps: () => root.querySelectorAll('[data-step]').length, expand: () => root.querySelector<HTMLButtonElement>('button[aria-expanded="false"]') };
}

describe('the overview checklist: full on the first visit, the compact line afterwards', () => {
  it('first visit (nothing done when the page opened): the full panel, also after the automatic steps arrive', async () => {
    const { store, steps, expand } = await open(defaultState());
    expect(steps()).toBe(8);
    expect(expand()).toBeNull();
    store.set({ state: registered() });
    await tick();
    expect(steps()).toBe(8);
  });

  it('a later visit: one line with progress, the next step and "Alle Schritte"; no steps rendered', async () => {
    const { root, steps, expand, sent } = await open(registered());
    expect(steps()).toBe(0);
    const button = expand()!;
    expect(button.textContent).toBe('Alle Schritte');
    expect(root.querySelector('[role="region"]')!.textContent).toContain('1 von 8');
    expect(root.querySelector('.next .action')).not.toBeNull();
    button.click();
    expect(sent).toEqual([{ type: 'ui/collapse', collapsed: false }]);
  });

  it('expanded by the merchant: the full panel on later visits; collapsed: the compact line even on the first', async () => {
    expect((await open(registered(), { checklistExpanded: true })).steps()).toBe(8);
    stop.abort();
    stop = new AbortController();
    loadFixture('portal/products-overview.html');
    const first = await open(defaultState(), { checklistCollapsed: true });
    expect(first.steps()).toBe(0);
    expect(first.expand()).not.toBeNull();
  });

  it('announces a step that completes by itself while the line is shown', async () => {
    const { store, root } = await open(registered());
    const status = root.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('');
    const s = registered();
    store.set({ state: { ...s, steps: { ...s.steps, 'product-with-stock': { done: true, how: 'auto', at: 2, evidence: { code: 'products-with-stock', count: 3 } } } } });
    await tick();
    expect(status.textContent).toContain('Gerade erledigt: ');
    expect(root.querySelectorAll('[data-step]').length).toBe(0);
  });
});

describe('the panel collapsed (help article, launcher) shows the same compact line', () => {
  it('one implementation: the plain-DOM line placed by Preact, heading level kept, actions and "Alle Schritte" reach the latest handlers', async () => {
    const { h, render } = await import('preact');
    const { Checklist } = await import('../../components/Checklist');
    const { registerStrings, translator } = await import('../../lib/i18n');
    registerStrings(await import('../../lib/i18n/strings/checklist'));
    const t = translator('de');
    const s = registered();
    // The next open step after "registered" with an action of the host's own (a button, not a link).
    const state: OnboardingState = { ...s, steps: { ...s.steps, 'product-with-stock': { done: true, how: 'auto', at: 2, evidence: { code: 'products-with-stock', count: 1 } } } };
    const calls: string[] = [];
    const box = document.createElement('div');
    document.body.append(box);
    const draw = (tag: string, st: OnboardingState) =>
      render(
        h(Checklist, {
          state: st,
          t,
          lang: 'de',
          onToggle: () => undefined,
          headingLevel: 3,
          collapsed: true,
          onCollapse: (c: boolean) => calls.push(`collapse:${c}:${tag}`),
          onCompanion: () => calls.push(`companion:${tag}`),
          stepButtons: { [nextOpenStep(st)!]: { label: 'Los', run: () => calls.push(`run:${tag}`) } },
        }),
        box,
      );
    draw('old', state);
    const line = box.querySelector('section.checklist.compact')!;
    expect(line.getAttribute('data-collapsed')).toBe('true');
    expect(line.querySelector('h3.title')!.textContent).toBe('Livegang-Checkliste');
    expect(line.querySelector('.progress')!.textContent).toBe('2 von 8');
    expect(box.querySelectorAll('[data-step]').length).toBe(0);
    draw('new', state);
    expect(box.querySelectorAll('section').length).toBe(1);
    box.querySelector<HTMLButtonElement>('.next button.action')!.click();
    box.querySelector<HTMLButtonElement>('button[aria-expanded="false"]')!.click();
    expect(calls).toEqual(['run:new', 'collapse:false:new']);
    render(null, box);
    expect(box.querySelector('section')).toBeNull();
  });
});
