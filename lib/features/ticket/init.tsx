import { batch, effect, signal, untracked } from '@preact/signals';
import { TicketAssist, TICKET_ASSIST_CSS } from '../../../components/TicketAssist';
import { mountUi, type Mounted } from '../../ui/mount';
import { isForged, watchUserInput } from '../../ui/trusted';
import { translator } from '../../i18n';
import { findAnchor } from '../../otto/anchors';
import { textOf } from '../../otto/query';
import { findTicketForm } from '../../otto/ticket/fields';
import { readText } from '../../otto/ticket/fill';
import { isSubmitControl } from '../../otto/ticket/submission';
import { containsConfirmation } from '../../ticket/template';
import type { FeatureInit } from '../types';
import { composeLetter } from './letter';
import { nameFromMenuText, namePrompt, nameToSign, type NameInputs } from './name';
import { conflictingFields, fillForm, undoFill, type FillRecord, type Note, type TextRole } from './fill';
import { formState } from './state';
import { stopSubmissionWatch, watchSubmission } from './watch';

/** The signed-in user's name from the help center's user menu, if it looks like a name. */
const menuName = () => nameFromMenuText(textOf(findAnchor('helpUserName')?.element, 200));

/** The ticket assistant: wiring of the form's state (./state.ts), the view, the fill (./fill.ts) and the submission watch. */
export const initTicket: FeatureInit = async (ctx) => {
  const { signal: abort, store, send, noteAnchor } = ctx;
  const handle = findTicketForm(document);
  if (!handle) {
    noteAnchor('ticketDescription', false);
    return;
  }
  noteAnchor('helpUserName', !!findAnchor('helpUserName'));
  const form = formState(handle.placeBefore);
  let ui: Mounted | null = mountUi({
    tag: 'lga-ticket-assist',
    anchor: handle.placeBefore,
    placement: 'before',
    signal: abort,
    css: TICKET_ASSIST_CSS,
    attrs: { 'data-state': form.phase.peek() },
  });
  abort.addEventListener('abort', () => (ui = null), { once: true });

  const view = signal(store.get());
  abort.addEventListener('abort', store.subscribe((next) => (view.value = next)), { once: true });

  const nameInputs = (): NameInputs => ({
    fromSettings: view.value.settings.name,
    confirmed: form.confirmedName.value,
    fromMenu: form.menuRejected.value ? null : menuName(),
    menuRejected: form.menuRejected.value,
    draft: form.draft.value,
  });
  const letterFor = (name: string | null) => composeLetter(view.value.settings, name, translator(view.value.lang)('ticket.namePlaceholderPreview'));

  /** Whether the keyboard focus is in our UI (filling moves it through the page's fields). */
  const focusIsOurs = () => !!ui?.root.activeElement;
  /** Gives the focus back to the insert button after a fill or undo the merchant started from our UI. */
  const returnFocus = (wasOurs: boolean) => {
    if (wasOurs && ui && !abort.aborted) ui.root.querySelector<HTMLElement>('[data-action="insert"]')?.focus();
  };

  /** A fill or undo: busy meanwhile; then its outcome in one step, and the focus back where the merchant was. */
  async function whileBusy(work: () => Promise<{ phase: 'filled' | 'offer'; notes: Note[]; record: FillRecord | null; inserted: Record<TextRole, string> | null }>) {
    const hadFocus = focusIsOurs();
    form.busy.value = true;
    try {
      const outcome = await work();
      batch(() => {
        form.record.value = outcome.record;
        form.inserted.value = outcome.inserted;
        form.phase.value = outcome.phase;
        form.notes.value = outcome.notes;
      });
    } finally {
      form.busy.value = false;
      returnFocus(hadFocus);
    }
  }

  async function insert(overwrite: boolean) {
    if (form.busy.peek() || abort.aborted) return;
    const letter = untracked(() => letterFor(nameToSign(nameInputs())));
    if (!letter.body) return;
    const current = findTicketForm(document);
    if (!current) return void (form.notes.value = [{ key: 'ticket.formGone' }]);
    const wanted: Record<TextRole, string> = { subject: letter.subject, description: letter.body };
    const conflicts = overwrite ? [] : conflictingFields(current, wanted);
    if (conflicts.length) return void (form.conflict.value = conflicts);
    const auto = form.autoFillPending.peek();
    batch(() => {
      form.autoFillPending.value = false;
      form.conflict.value = null;
    });
    await whileBusy(async () => {
      const { record, notes } = await fillForm(current, wanted, auto);
      return { phase: 'filled', notes, record, inserted: wanted };
    });
  }

  async function undo() {
    const record = form.record.peek();
    if (!record || form.busy.peek()) return;
    await whileBusy(async () => ({ phase: 'offer', notes: await undoFill(record), record: null, inserted: null }));
  }

  const fillIfAsked = () => untracked(() => {
    if (form.autoFillPending.value && !form.busy.value && nameToSign(nameInputs())) void insert(false);
  });

  const stopDrawing = effect(() => {
    if (!ui) return;
    const t = translator(view.value.lang);
    const name = nameToSign(nameInputs());
    const letter = letterFor(name);
    const notes = form.notes.value.map((n) => t(n.key, n.vars));
    if (letter.templateInvalid) notes.unshift(t('ticket.templateInvalid'));
    if (letter.missingOptional.length) notes.push(t('ticket.valueMissing', { fields: letter.missingOptional.join(', ') }));
    if (form.autoFillPending.value && !name) notes.push(t('ticket.nameWaiting'));
    const fieldLabel = (role: TextRole) => findTicketForm(document)?.fields[role]?.label || t(role === 'subject' ? 'ticket.subjectLabel' : 'ticket.previewLabel');
    const conflict = form.conflict.value;
    ui.setAttrs({ 'data-state': form.phase.value });
    ui.render(
      <TicketAssist
        t={t}
        state={form.phase.value}
        preview={{ subject: letter.subject, body: letter.preview }}
        name={namePrompt(nameInputs())}
        canInsert={!!letter.body}
        canUndo={!!form.record.value}
        busy={form.busy.value}
        conflict={conflict ? conflict.map(fieldLabel) : null}
        notes={notes}
        onInsert={() => void insert(false)}
        onUndo={() => void undo()}
        onConfirmOverwrite={() => {
          form.conflict.value = null;
          void insert(true);
        }}
        onCancelOverwrite={() => batch(() => {
          form.conflict.value = null;
          form.autoFillPending.value = false;
        })}
        onUseMenuName={() => {
          form.confirmedName.value = menuName();
          fillIfAsked();
        }}
        onOtherName={() => (form.menuRejected.value = true)}
        onNameInput={(value) => (form.draft.value = value)}
      />,
    );
  });
  abort.addEventListener('abort', stopDrawing, { once: true });
  abort.addEventListener('abort', view.subscribe(fillIfAsked), { once: true });

  // Submission: the merchant clicks the form's send button; we never do.
  const onAttempt = () => {
    const description = findTicketForm(document)?.fields.description;
    if (!description || !containsConfirmation(readText(description), form.inserted.peek()?.description)) {
      // This submission does not carry the confirmation: an earlier watch must not count it.
      stopSubmissionWatch();
      return;
    }
    watchSubmission(() => {
      batch(() => {
        form.phase.value = 'submitted';
        form.record.value = null;
        form.notes.value = [];
      });
      void send({ type: 'evidence', code: 'ticket-submitted' });
    });
  };
  // Only the merchant's own press counts: a page script's click() or dispatched click is forged,
  // and the trusted `submit` a script can still cause (requestSubmit) counts only right after the
  // merchant's own key or pointer press in that form.
  const input = watchUserInput(abort);
  const onSubmit = (event: Event) => {
    if (!isForged(event) && event.target instanceof Node && input.pressedIn(event.target)) onAttempt();
  };
  const onClick = (event: Event) => {
    if (isForged(event)) return;
    const path = event.composedPath() as Node[];
    if (ui && path.includes(ui.host)) return;
    const button = path.find((n) => n.nodeType === 1 && isSubmitControl(n as Element));
    if (!button) return;
    const now = findTicketForm(document);
    if (!now) return;
    const inForm = path.includes(now.placeBefore) || path.includes(now.container) || path.some((n) => n.nodeType === 1 && (n as Element).tagName === 'FORM' && (n as Element).contains(now.container));
    if (inForm) onAttempt();
  };
  document.addEventListener('click', onClick, { capture: true, signal: abort });
  document.addEventListener('submit', onSubmit, { capture: true, signal: abort });

  // The one-shot request from "open confirmation ticket": consumed once, fills once.
  if (!form.requestConsumed) {
    form.requestConsumed = true;
    const reply = await send({ type: 'ticket/consume' });
    if (abort.aborted) return;
    if (reply.ok && reply.data && form.phase.peek() === 'offer' && !form.record.peek()) form.autoFillPending.value = true;
    fillIfAsked();
  }
};
