// @vitest-environment-options {"url": "https://account.otto.market/s/ticketanlegen"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTicket } from '../../lib/features/ticket/init';
import { featureContext } from '../support/feature-context';
import type { Message, Reply } from '../../lib/messaging/protocol';
import { defaultSettings, type Settings } from '../../lib/settings/defaults';
import { findTicketForm } from '../../lib/otto/ticket/fields';
import { editableText } from '../../lib/otto/ticket/fill';
import { fakeStore } from '../support/fake-store';
import { loadFixture } from '../support/load-fixture';
import { BODY, NAME, SUBJECT } from '../support/ticket-text';
import helpChunk from '../../entrypoints/help-ui';
import { fakeSend } from '../support/fake-send';

/**
 * The ticket assistant on the non-LWC variants of the form (the LWC variants run in real
 * browsers: test/e2e/ticket*.spec.ts): a rich-text description, an Aura `ui:input*` form and a
 * plain HTML form. Drives the feature's real code through its UI; asserts on what the page's own
 * listeners (Aura binds on change/keyup) and the form's submission data receive.
 */

// The feature's strings, as the help center's chunk registers them (entrypoints/help-ui.ts).
helpChunk.main();

const tick = () => new Promise((r) => setTimeout(r, 20));

let stop: AbortController;
let sent: Message[];
beforeEach(() => {
  stop = new AbortController();
  sent = [];
});
afterEach(() => stop.abort());

function start(opts: { settings?: Partial<Settings>; requested?: boolean } = {}) {
  const store = fakeStore({ settings: { ...defaultSettings(), ...opts.settings } });
  let request = opts.requested ?? false;
  const send = vi.fn(async (m: Message): Promise<Reply> => {
    sent.push(m);
    if (m.type === 'ticket/consume') {
      const fresh = request;
      request = false;
      return { ok: true, data: fresh };
    }
    return { ok: true };
  });
  const ctx = featureContext({ signal: stop.signal, page: 'hc-ticket-form', store, send: fakeSend(send) });
  return { ctx, store, run: () => initTicket(ctx) };
}

const host = () => document.querySelector('lga-ticket-assist') as HTMLElement;
const inUi = <E extends Element = HTMLElement>(sel: string) => host().shadowRoot!.querySelector<E>(sel);
const click = (sel: string) => {
  const el = inUi<HTMLButtonElement>(sel);
  if (!el) throw new Error(`no ${sel} in the assistant`);
  el.click();
};
const state = () => host()?.getAttribute('data-state');

describe('rich-text description (contenteditable editor)', () => {
  beforeEach(() => loadFixture('account/ticket-richtext.html'));

  it('finds subject and editor by label and structure; mounts above the page component', () => {
    const form = findTicketForm(document)!;
    expect(form.fields.description?.kind).toBe('richtext');
    expect(form.fields.description?.control.classList.contains('ql-editor')).toBe(true);
    expect(form.fields.subject?.control.getAttribute('name')).toBe('subject');
    expect(form.fields.category?.kind).toBe('select');
    expect(form.placeBefore.tagName).toBe('C-CREATE-TICKET');
  });

  it('fills the editor (input event, paragraphs), says that no category fits, and undo puts back the exact nodes', async () => {
    const editor = document.querySelector<HTMLElement>('.ql-editor')!;
    const typed = '<p>Hallo <strong>Team</strong>,</p><p>meine Frage …</p>';
    editor.innerHTML = typed;
    const inputs: string[] = [];
    editor.addEventListener('input', () => inputs.push(editableText(editor)));
    const categoryChanges: string[] = [];
    document.querySelector('select[name="category"]')!.addEventListener('change', (e) => categoryChanges.push((e.target as HTMLSelectElement).value));

    await start({ settings: { name: NAME } }).run();
    expect(state()).toBe('offer');
    click('[data-action="insert"]');
    // Typed text: asks first, writes nothing.
    await vi.waitFor(() => expect(inUi('[data-conflict]')).not.toBeNull(), { timeout: 3000, interval: 20 });
    expect(inUi('[data-conflict]')!.textContent).toContain('Beschreibung');
    expect(editor.innerHTML).toBe(typed);
    expect(inputs).toEqual([]);

    click('[data-action="overwrite"]');
    await vi.waitFor(() => expect(state()).toBe('filled'), { timeout: 3000, interval: 20 });
    expect(editableText(editor)).toBe(BODY(NAME));
    expect(inputs.at(-1)).toBe(BODY(NAME));
    expect(editor.querySelectorAll('p').length).toBe(6);
    expect((document.querySelector('input[name="subject"]') as HTMLInputElement).value).toBe(SUBJECT);
    expect(categoryChanges).toEqual([]);
    expect(inUi('[data-notes]')!.textContent).toContain('Keine passende Kategorie');

    click('[data-action="undo"]');
    await vi.waitFor(() => expect(state()).toBe('offer'), { timeout: 3000, interval: 20 });
    expect(editor.innerHTML).toBe(typed);
    expect(inputs.at(-1)).toBe('Hallo Team,\nmeine Frage …');
    expect((document.querySelector('input[name="subject"]') as HTMLInputElement).value).toBe('');
  });
});

describe('Aura ui:input* form', () => {
  beforeEach(() => loadFixture('account/ticket-aura.html'));

  it('fills select, text and textarea so that Aura’s change/keyup bindings see the values', async () => {
    const seen: Record<string, string[]> = {};
    for (const el of document.querySelectorAll('.uiInput select, .uiInput input, .uiInput textarea')) {
      for (const type of ['change', 'keyup']) {
        el.addEventListener(type, (e) => {
          const t = e.target as HTMLInputElement;
          (seen[`${type}:${t.className}`] ??= []).push(t.value);
        });
      }
    }
    await start({ settings: { name: NAME } }).run();
    click('[data-action="insert"]');
    await vi.waitFor(() => expect(state()).toBe('filled'), { timeout: 3000, interval: 20 });
    expect(seen['change:select']).toEqual(['Golive']);
    expect(seen['change:input']?.at(-1)).toBe(SUBJECT);
    expect(seen['keyup:input']?.at(-1)).toBe(SUBJECT);
    expect(seen['change:textarea']?.at(-1)).toBe(BODY(NAME));
    expect(seen['keyup:textarea']?.at(-1)).toBe(BODY(NAME));
    expect(inUi('[data-notes]')!.textContent).toContain('Kategorie gewählt: Livegang / Freischaltung');
    // The search box in the header is not a ticket field.
    expect((document.querySelector('.search-input') as HTMLInputElement).value).toBe('');
    // Mounted above the form component, once.
    expect(document.querySelectorAll('lga-ticket-assist')).toHaveLength(1);
    expect(host().nextElementSibling?.classList.contains('forceCommunityCaseCreate')).toBe(true);

    click('[data-action="undo"]');
    await vi.waitFor(() => expect(state()).toBe('offer'), { timeout: 3000, interval: 20 });
    expect(seen['change:select']).toEqual(['Golive', '']);
    expect(seen['change:textarea']?.at(-1)).toBe('');
  });

  it('without a name in the options: offers the user-menu name, inserts only after confirmation', async () => {
    await start().run();
    expect(inUi('[data-name-prompt="menu"]')!.textContent).toContain('Erika Musterfrau');
    expect(inUi<HTMLButtonElement>('[data-action="insert"]')!.disabled).toBe(true);
    click('[data-action="insert"]');
    await tick();
    expect((document.querySelector('textarea') as HTMLTextAreaElement).value).toBe('');
    click('[data-action="use-menu-name"]');
    await vi.waitFor(() => expect(inUi<HTMLButtonElement>('[data-action="insert"]')!.disabled).toBe(false), { timeout: 3000, interval: 20 });
    click('[data-action="insert"]');
    await vi.waitFor(() => expect(state()).toBe('filled'), { timeout: 3000, interval: 20 });
    expect((document.querySelector('textarea') as HTMLTextAreaElement).value).toBe(BODY('Erika Musterfrau'));
  });
});

describe('plain HTML form', () => {
  beforeEach(() => loadFixture('account/ticket-plain.html'));

  const submitted = () => Object.fromEntries(new FormData(document.querySelector('form.ticket-form') as HTMLFormElement).entries());

  it('fills topic, subject and message; the form data carry them; e-mail and search stay untouched', async () => {
    await start({ settings: { name: NAME, company: 'Beispiel GmbH', partnerId: '12345' } }).run();
    click('[data-action="insert"]');
    await vi.waitFor(() => expect(state()).toBe('filled'), { timeout: 3000, interval: 20 });
    expect(submitted()).toEqual({
      topic: 'golive',
      subject: 'Bestätigung für den Livegang – Beispiel GmbH (Partner-ID 12345)',
      email: 'erika.musterfrau@example.com',
      message: BODY(NAME),
    });
    expect((document.querySelector('input[name="q"]') as HTMLInputElement).value).toBe('');
  });

  it('fills automatically once when the one-shot request is there; never submits; a second run only offers', async () => {
    let submits = 0;
    document.querySelector('form.ticket-form')!.addEventListener('submit', (e) => {
      submits++;
      e.preventDefault();
    });
    const first = start({ settings: { name: NAME }, requested: true });
    await first.run();
    await vi.waitFor(() => expect(state()).toBe('filled'), { timeout: 3000, interval: 20 });
    expect(inUi('[data-notes]')!.textContent).toContain('Automatisch eingefügt');
    expect(submitted().message).toBe(BODY(NAME));
    expect(sent.filter((m) => m.type === 'ticket/consume')).toHaveLength(1);
    expect(submits).toBe(0);

    // A later visit (fresh page, request consumed): only the offer.
    stop.abort();
    stop = new AbortController();
    loadFixture('account/ticket-plain.html');
    const second = start({ settings: { name: NAME }, requested: false });
    await second.run();
    await tick();
    await tick();
    expect(state()).toBe('offer');
    expect(submitted().message).toBe('');
  });

  it('reports the step only after a submission that succeeded, not after one that failed validation', async () => {
    const form = document.querySelector('form.ticket-form') as HTMLFormElement;
    form.addEventListener('submit', (e) => e.preventDefault());
    await start({ settings: { name: NAME } }).run();
    click('[data-action="insert"]');
    await vi.waitFor(() => expect(state()).toBe('filled'), { timeout: 3000, interval: 20 });

    // The merchant sends; the page answers with a validation error.
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const error = document.createElement('div');
    error.setAttribute('role', 'alert');
    error.textContent = 'Bitte füllen Sie alle Pflichtfelder aus.';
    form.append(error);
    await new Promise((r) => setTimeout(r, 600));
    expect(sent.some((m) => m.type === 'evidence')).toBe(false);
    expect(state()).toBe('filled');

    // Second try: the page shows its success message.
    error.remove();
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const ok = document.createElement('div');
    ok.className = 'slds-notify slds-notify_toast slds-theme_success';
    ok.setAttribute('role', 'status');
    ok.textContent = 'Ihr Ticket wurde erfolgreich erstellt.';
    document.body.append(ok);
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'evidence')).toBe(true), { timeout: 3000, interval: 20 });
    expect(sent.filter((m) => m.type === 'evidence')).toEqual([{ type: 'evidence', code: 'ticket-submitted' }]);
    await vi.waitFor(() => expect(state()).toBe('submitted'), { timeout: 3000, interval: 20 });
  });

  it('forged sends (a script\'s click or submit, requestSubmit without the merchant\'s press) do not complete the step', async () => {
    // Browsers mark events a script dispatched `isTrusted: false`; happy-dom lacks the flag.
    const forged = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: false });
    const form = document.querySelector('form.ticket-form') as HTMLFormElement;
    form.addEventListener('submit', (e) => e.preventDefault());
    await start({ settings: { name: NAME } }).run();
    click('[data-action="insert"]');
    await vi.waitFor(() => expect(state()).toBe('filled'), { timeout: 3000, interval: 20 });
    const send = form.querySelector('button[type="submit"]') as HTMLButtonElement;
    send.dispatchEvent(forged(new MouseEvent('click', { bubbles: true, composed: true })));
    form.dispatchEvent(forged(new Event('submit', { bubbles: true, cancelable: true })));
    // What requestSubmit() makes: a submit the browser marks trusted, with no press of the merchant.
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const ok = document.createElement('div');
    ok.setAttribute('role', 'status');
    ok.textContent = 'Ihr Ticket wurde erfolgreich erstellt.';
    document.body.append(ok);
    await new Promise((r) => setTimeout(r, 600));
    expect(sent.some((m) => m.type === 'evidence')).toBe(false);
    expect(state()).toBe('filled');

    // The merchant presses Enter in the form: that submission counts.
    ok.remove();
    form.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    document.body.append(ok);
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'evidence')).toBe(true), { timeout: 3000, interval: 20 });
    expect(sent.filter((m) => m.type === 'evidence')).toEqual([{ type: 'evidence', code: 'ticket-submitted' }]);
  });

  it('a ticket without the confirmation text does not complete the step', async () => {
    const form = document.querySelector('form.ticket-form') as HTMLFormElement;
    form.addEventListener('submit', (e) => e.preventDefault());
    await start({ settings: { name: NAME } }).run();
    (form.querySelector('textarea') as HTMLTextAreaElement).value = 'Frage zu einer Rechnung';
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const ok = document.createElement('div');
    ok.setAttribute('role', 'status');
    ok.textContent = 'Ihr Ticket wurde erfolgreich erstellt.';
    document.body.append(ok);
    await new Promise((r) => setTimeout(r, 600));
    expect(sent.some((m) => m.type === 'evidence')).toBe(false);
  });
});
