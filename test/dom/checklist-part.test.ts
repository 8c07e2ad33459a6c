// @vitest-environment-options {"url": "https://portal.otto.market/products/#productoverview"}
import { fakeSend } from '../support/fake-send';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { featureContext } from '../support/feature-context';
import type { UiPart } from '../../lib/content/chunks';
import { defaultState, type OnboardingState } from '../../lib/onboarding/state';
import { defaultSettings } from '../../lib/settings/defaults';
import { fakeStore } from '../support/fake-store';
import { loadFixture } from '../support/load-fixture';
import portalChunk from '../../entrypoints/portal-products';

/**
 * Issue 16, second round: the overview's compact line is plain DOM and the full panel (Preact) is
 * a part imported only when it is shown. Every request for the part is recorded here; the
 * request runs the part's entry as importing the built file does.
 */
const imported = vi.hoisted(() => [] as string[]);
vi.mock('../../lib/content/chunk', async (original) => ({
  ...(await original<typeof import('../../lib/content/chunk')>()),
  importPart: async (part: UiPart) => {
    imported.push(part.file);
    const entry = await import('../../entrypoints/checklist-panel');
    entry.default.main();
    return (globalThis as Record<string, unknown>)[part.global];
  },
}));
const { initChecklist } = await import('../../lib/features/checklist/init');

portalChunk.main();

const tick = () => new Promise((r) => setTimeout(r, 20));
let stop: AbortController;
beforeEach(() => {
  stop = new AbortController();
  imported.length = 0;
  loadFixture('portal/products-overview.html');
});
afterEach(() => stop.abort());

function registered(): OnboardingState {
  const s = defaultState();
  return { ...s, steps: { ...s.steps, registered: { done: true, how: 'auto', at: 1, evidence: { code: 'portal-seen' } } } };
}

async function open(state: OnboardingState) {
  const store = fakeStore({ state, settings: defaultSettings() });
  const ctx = featureContext({ signal: stop.signal, page: 'opc-product-overview', store, send: fakeSend(() => ({ ok: true })) });
  void initChecklist(ctx);
  await tick();
  return { store, root: document.querySelector('lga-checklist')!.shadowRoot! };
}

describe('the overview: compact line without the panel part, the part when the panel is shown', () => {
  it('a later visit draws the compact line without importing the panel part', async () => {
    const { root } = await open(registered());
    expect(root.querySelector('[role="region"] button[aria-expanded="false"]')?.textContent).toBe('Alle Schritte');
    expect(imported).toEqual([]);
  });

  it('the first visit asks for the panel part and shows the steps', async () => {
    const { root, store } = await open(defaultState());
    // The first import of the part (its entry and Preact) may take longer than one tick here.
    await vi.waitFor(() => expect(root.querySelectorAll('[data-step]').length).toBe(8));
    store.set({ state: registered() });
    await tick();
    // Asked for on every draw of the panel; importPart imports it once (test/unit/parts.test.ts).
    expect(new Set(imported)).toEqual(new Set(['/checklist-panel.js']));
  });

  it('"Alle Schritte": the panel is imported, replaces the line, and takes the focus to its collapse button; collapsing brings the line back', async () => {
    const { root, store } = await open(registered());
    root.querySelector<HTMLButtonElement>('button[aria-expanded="false"]')!.click();
    store.set({ settings: { ...defaultSettings(), checklistExpanded: true } });
    await tick();
    expect(imported).toEqual(['/checklist-panel.js']);
    expect(root.querySelectorAll('[data-step]').length).toBe(8);
    expect(root.querySelectorAll('[role="region"]').length).toBe(1);
    const collapse = root.querySelector<HTMLButtonElement>('button[aria-expanded="true"]')!;
    expect(root.activeElement).toBe(collapse);
    collapse.click();
    store.set({ settings: { ...defaultSettings(), checklistExpanded: false } });
    await tick();
    expect(root.querySelectorAll('[data-step]').length).toBe(0);
    expect(root.querySelectorAll('[role="region"]').length).toBe(1);
    expect(root.activeElement?.textContent).toBe('Alle Schritte');
  });
});
