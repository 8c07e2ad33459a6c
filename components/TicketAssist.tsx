import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Translate } from '../lib/i18n';

export type TicketAssistState = 'offer' | 'filled' | 'submitted';

export type NamePrompt =
  | { status: 'ok' }
  | { status: 'confirm-menu'; menuName: string }
  | { status: 'ask'; draft: string; invalid: boolean };

export interface TicketAssistProps {
  t: Translate;
  state: TicketAssistState;
  /** The text as it would be inserted (the name line shows a marker while the name is missing). */
  preview: { subject: string; body: string };
  name: NamePrompt;
  /** Insert is possible (a name is settled and the form is there). */
  canInsert: boolean;
  canUndo: boolean;
  busy: boolean;
  /** Labels of fields that already hold text; asks before replacing them. */
  conflict: string[] | null;
  /** Status lines (what was filled, what the merchant must do). */
  notes: string[];
  onInsert: () => void;
  onUndo: () => void;
  onConfirmOverwrite: () => void;
  onCancelOverwrite: () => void;
  onUseMenuName: () => void;
  onOtherName: () => void;
  onNameInput: (value: string) => void;
  idPrefix?: string;
}

/** The ticket assistant above the help center's ticket form: preview, insert, undo. */
export function TicketAssist(props: TicketAssistProps) {
  const { t } = props;
  const id = props.idPrefix ?? 'lga-ticket';
  const section = useRef<HTMLElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  const hadConflict = useRef(false);
  const hasConflict = !!props.conflict;
  // The overwrite question takes the focus (on its harmless answer) when it appears. When a
  // re-render removes the control that had the focus (question answered, undo done) and the
  // focus is not somewhere else by now, it moves to the insert button (or to the heading while
  // that is disabled) instead of getting lost.
  useLayoutEffect(() => {
    const root = section.current;
    if (!root) return;
    const appeared = hasConflict && !hadConflict.current;
    hadConflict.current = hasConflict;
    if (appeared) {
      root.querySelector<HTMLElement>('[data-action="cancel"]')?.focus();
      return;
    }
    const last = lastFocused.current;
    if (!last || last.isConnected) return;
    lastFocused.current = null;
    const shadow = root.getRootNode() as ShadowRoot | Document;
    const active = root.ownerDocument.activeElement;
    const focusLost = !shadow.activeElement && (!active || active === root.ownerDocument.body || ('host' in shadow && active === shadow.host));
    if (!focusLost) return;
    const insert = root.querySelector<HTMLButtonElement>('[data-action="insert"]');
    (insert && !insert.disabled ? insert : root.querySelector<HTMLElement>('.title'))?.focus();
  });
  return (
    <section
      class="ticket"
      role="region"
      aria-labelledby={`${id}-title`}
      ref={section}
      onFocusIn={(e) => (lastFocused.current = e.target as HTMLElement)}
    >
      <h2 id={`${id}-title`} class="title" tabIndex={-1}>
        {t('ticket.title')}
      </h2>
      {props.state !== 'submitted' && <p class="intro">{t('ticket.intro')}</p>}

      {props.state !== 'submitted' && props.name.status === 'confirm-menu' && (
        <div class="name" data-name-prompt="menu">
          <p>{t('ticket.nameFromMenu', { name: props.name.menuName })}</p>
          <Choice yes={{ action: 'use-menu-name', label: t('ticket.nameUse'), run: props.onUseMenuName }} no={{ action: 'other-name', label: t('ticket.nameOther'), run: props.onOtherName }} />
        </div>
      )}
      {props.state !== 'submitted' && props.name.status === 'ask' && (
        <div class="name" data-name-prompt="ask">
          <p>{t('ticket.nameMissing')}</p>
          <label class="field">
            <span>{t('ticket.nameLabel')}</span>
            <input
              type="text"
              name="lga-ticket-name"
              autocomplete="name"
              maxLength={120}
              value={props.name.draft}
              aria-invalid={props.name.invalid ? 'true' : 'false'}
              aria-describedby={`${id}-name-hint`}
              onInput={(e) => props.onNameInput((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <p id={`${id}-name-hint`} class={props.name.invalid ? 'hint error' : 'hint'}>
            {props.name.invalid ? t('ticket.nameInvalid') : t('ticket.nameHint')}
          </p>
        </div>
      )}

      {props.state !== 'submitted' && (
        <figure class="preview">
          <figcaption>{t('ticket.previewLabel')}</figcaption>
          <p class="subject" data-preview-subject>
            <strong>{t('ticket.subjectLabel')}:</strong> {props.preview.subject}
          </p>
          <pre class="body" data-preview tabIndex={0}>
            {props.preview.body}
          </pre>
        </figure>
      )}

      {props.conflict && (
        <div
          class="conflict"
          role="alertdialog"
          aria-labelledby={`${id}-conflict`}
          data-conflict
          onKeyDown={(e) => {
            if (e.key === 'Escape') props.onCancelOverwrite();
          }}
        >
          <p id={`${id}-conflict`}>{t('ticket.conflict', { fields: props.conflict.join(', ') })}</p>
          <Choice yes={{ action: 'overwrite', label: t('ticket.overwrite'), run: props.onConfirmOverwrite }} no={{ action: 'cancel', label: t('ticket.cancel'), run: props.onCancelOverwrite }} />
        </div>
      )}

      {props.state !== 'submitted' && (
        <div class="row actions">
          <button type="button" class="primary" data-action="insert" disabled={!props.canInsert || props.busy || !!props.conflict} onClick={props.onInsert}>
            {props.busy ? t('ticket.busy') : props.state === 'filled' ? t('ticket.insertAgain') : t('ticket.insert')}
          </button>
          {props.canUndo && (
            <button type="button" data-action="undo" disabled={props.busy} onClick={props.onUndo}>
              {t('ticket.undo')}
            </button>
          )}
        </div>
      )}
      <div class="notes" role="status" aria-live="polite" data-notes>
        {props.state === 'submitted' && <p class="ok">{t('ticket.submitted')}</p>}
        {props.notes.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </div>
    </section>
  );
}

export const TICKET_ASSIST_CSS = `
.lga-root { margin: 0 0 16px; max-width: 820px; }
.ticket { background: var(--lga-bg); border: 1px solid var(--lga-border); border-left: 4px solid var(--lga-accent); border-radius: 6px; padding: 12px 16px; }
.title { font-size: 16px; margin: 0 0 6px; }
.intro, .hint { color: var(--lga-muted); margin: 0 0 8px; }
.hint.error { color: var(--lga-accent); }
.preview { margin: 8px 0; }
.preview figcaption { font-weight: 600; margin-bottom: 4px; }
.subject { margin: 0 0 4px; }
.body { white-space: pre-wrap; font: inherit; margin: 0; padding: 8px; border: 1px solid var(--lga-border); border-radius: 4px; max-height: 16em; overflow: auto; }
.row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0 0; }
button { border: 1px solid var(--lga-border); background: var(--lga-bg); border-radius: 4px; padding: 6px 12px; }
button.primary { background: var(--lga-accent); color: var(--lga-accent-fg); border-color: var(--lga-accent); }
button[disabled] { opacity: .6; cursor: not-allowed; }
.name, .conflict { background: var(--lga-warn-bg); color: var(--lga-warn-fg); border-radius: 4px; padding: 8px; margin: 8px 0; }
.name p, .conflict p { margin: 0 0 6px; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field input { font: inherit; padding: 6px 8px; border: 1px solid var(--lga-border); border-radius: 4px; color: var(--lga-fg); background: var(--lga-bg); max-width: 360px; }
.notes p { margin: 6px 0 0; }
.notes .ok { color: var(--lga-ok); font-weight: 600; }
`;

interface ChoiceButton {
  /** `data-action`, what tests and the keyboard walk name the button by. */
  action: string;
  label: string;
  run: () => void;
}

/** A question's two answers side by side: the suggested one first and marked primary. */
function Choice({ yes, no }: { yes: ChoiceButton; no: ChoiceButton }) {
  return (
    <div class="row">
      <button type="button" class="primary" data-action={yes.action} onClick={yes.run}>
        {yes.label}
      </button>
      <button type="button" data-action={no.action} onClick={no.run}>
        {no.label}
      </button>
    </div>
  );
}
