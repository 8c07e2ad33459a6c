/**
 * The ticket assistant's state per form, in signals: the view redraws whenever one changes. Kept
 * across re-runs of the feature on the same page (URL changes, re-renders of the form).
 */
import { signal, type Signal } from '@preact/signals';
import type { TicketAssistState } from '../../../components/TicketAssist';
import type { FillRecord, Note, TextRole } from './fill';

export interface FormState {
  phase: Signal<TicketAssistState>;
  /** A fill or undo is under way. */
  busy: Signal<boolean>;
  /** What the form held before our last fill (undo is possible while there is one). */
  record: Signal<FillRecord | null>;
  /** The texts we wrote last (a submission carrying them counts). */
  inserted: Signal<Record<TextRole, string> | null>;
  /** Text fields that hold other text: the overwrite question is open. */
  conflict: Signal<TextRole[] | null>;
  notes: Signal<Note[]>;
  /** The one-shot "fill the ticket" request was asked for (once per form). */
  requestConsumed: boolean;
  /** That request was there: fill as soon as the name is settled. */
  autoFillPending: Signal<boolean>;
  /** The user-menu name the merchant confirmed. */
  confirmedName: Signal<string | null>;
  menuRejected: Signal<boolean>;
  /** What the merchant typed into our name field. */
  draft: Signal<string>;
}

const forms = new WeakMap<Element, FormState>();

export function formState(key: Element): FormState {
  let state = forms.get(key);
  if (!state) {
    state = {
      phase: signal('offer'),
      busy: signal(false),
      record: signal(null),
      inserted: signal(null),
      conflict: signal(null),
      notes: signal([]),
      requestConsumed: false,
      autoFillPending: signal(false),
      confirmedName: signal(null),
      menuRejected: signal(false),
      draft: signal(''),
    };
    forms.set(key, state);
  }
  return state;
}
