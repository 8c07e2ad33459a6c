import { TicketAssist, TICKET_ASSIST_CSS, type NamePrompt, type TicketAssistState } from '../../../components/TicketAssist';
import { mountUi, type Mounted } from '../../ui/mount';
import { isForged, watchUserInput } from '../../ui/trusted';
import { translator, type Translate } from '../../i18n';
import { findAnchor } from '../../otto/anchors';
import { textOf } from '../../otto/query';
import { HELP_ORIGIN } from '../../otto/urls';
import {
  choose,
  findTicketForm,
  isCreatedCaseUrl,
  isDisabled,
  isSubmitControl,
  readChoices,
  readText,
  restoreText,
  selectedValue,
  snapshotText,
  successMessages,
  whenEnabled,
  writeText,
  type TextSnapshot,
  type TicketFormHandle,
} from '../../otto/ticket-form';
import { pickFitting } from '../../ticket/category';
import { checkName, containsConfirmation, effectiveTemplate, isValidTemplate, renderSubject, renderTemplate, type Placeholder } from '../../ticket/template';
import type { FeatureInit } from '../types';

type ChoiceRole = 'category' | 'subcategory';
type TextRole = 'subject' | 'description';
type ChoiceOutcome = { outcome: 'set'; label: string } | { outcome: 'kept' | 'no-fit' | 'absent' | 'failed' };

interface Snapshot {
  texts: TextSnapshot[];
  /** The value each choice field had before (only for fields we looked at). */
  choices: Partial<Record<ChoiceRole, string>>;
}

/** Per form, kept across re-runs of the feature on the same page (URL changes, re-renders). */
interface FormState {
  state: TicketAssistState;
  busy: boolean;
  snapshot: Snapshot | null;
  inserted: Record<TextRole, string> | null;
  conflict: TextRole[] | null;
  notes: Array<{ key: Parameters<Translate>[0]; vars?: Record<string, string> }>;
  consumed: boolean;
  autoPending: boolean;
  confirmedName: string | null;
  rejectedMenuName: boolean;
  draft: string;
}

const forms = new WeakMap<Element, FormState>();

function stateFor(key: Element): FormState {
  let st = forms.get(key);
  if (!st) {
    st = {
      state: 'offer',
      busy: false,
      snapshot: null,
      inserted: null,
      conflict: null,
      notes: [],
      consumed: false,
      autoPending: false,
      confirmedName: null,
      rejectedMenuName: false,
      draft: '',
    };
    forms.set(key, st);
  }
  return st;
}

const NOT_A_NAME = /^(men(ü|u)|profil|mein profil|my profile|konto|mein konto|my account|account|anmelden|abmelden|login|log in|logout|sign in|sign out|hilfe|help|gast|guest)$/i;

/** The signed-in user's name from the help center's user menu, if it looks like a name. */
function menuName(): string | null {
  const hit = findAnchor('helpUserName');
  const raw = hit ? textOf(hit.element, 200) : '';
  const c = checkName(raw);
  if (!c.ok || c.name.length < 2 || c.name.length > 80 || /[\d@/\\<>]/.test(c.name) || NOT_A_NAME.test(c.name)) return null;
  return c.name;
}

export const initTicket: FeatureInit = async (ctx) => {
  const { signal, store, send, noteAnchor } = ctx;
  const handle = findTicketForm(document);
  if (!handle) {
    noteAnchor('ticketDescription', false);
    return;
  }
  noteAnchor('helpUserName', !!findAnchor('helpUserName'));
  const st = stateFor(handle.placeBefore);
  let ui: Mounted | null = mountUi({
    tag: 'lga-ticket-assist',
    anchor: handle.placeBefore,
    placement: 'before',
    signal,
    css: TICKET_ASSIST_CSS,
    attrs: { 'data-state': st.state },
  });
  signal.addEventListener('abort', () => (ui = null), { once: true });

  const t = () => translator(store.get().lang);

  /** The name to sign with, or null while it is not settled. */
  const nameForInsert = (): string | null => {
    const fromSettings = checkName(store.get().settings.name);
    if (fromSettings.ok) return fromSettings.name;
    if (st.confirmedName) return st.confirmedName;
    if (namePrompt().status === 'ask') {
      const typed = checkName(st.draft);
      if (typed.ok) return typed.name;
    }
    return null;
  };
  const namePrompt = (): NamePrompt => {
    if (checkName(store.get().settings.name).ok || st.confirmedName) return { status: 'ok' };
    const m = st.rejectedMenuName ? null : menuName();
    if (m) return { status: 'confirm-menu', menuName: m };
    return { status: 'ask', draft: st.draft, invalid: st.draft.trim() !== '' && !checkName(st.draft).ok };
  };

  /** Subject and body for `name`; `body` is null when something is missing (nothing gets inserted then). */
  const texts = (name: string | null) => {
    const { settings } = store.get();
    const lang = settings.templateLang;
    const template = effectiveTemplate(settings.template, lang);
    const values = { name: name ?? '', company: settings.company, partnerId: settings.partnerId };
    const rendered = renderTemplate(template, values);
    const preview = renderTemplate(template, { ...values, name: name ?? t()('ticket.namePlaceholderPreview') });
    const missing: Placeholder[] = !rendered.ok && rendered.reason === 'missing-values' ? rendered.missing : [];
    return {
      subject: renderSubject(lang, values),
      body: rendered.ok ? rendered.text : null,
      preview: preview.ok ? preview.text : template,
      missingOptional: missing.filter((m) => m !== 'name'),
      templateInvalid: settings.template != null && !isValidTemplate(settings.template),
    };
  };

  const redraw = () => {
    if (!ui || signal.aborted) return;
    const tr = t();
    const name = nameForInsert();
    const tx = texts(name);
    const notes = st.notes.map((n) => tr(n.key, n.vars));
    if (tx.templateInvalid) notes.unshift(tr('ticket.templateInvalid'));
    if (tx.missingOptional.length) notes.push(tr('ticket.valueMissing', { fields: tx.missingOptional.join(', ') }));
    if (st.autoPending && !name) notes.push(tr('ticket.nameWaiting'));
    const labelOf = (r: TextRole) => findTicketForm(document)?.fields[r]?.label || tr(r === 'subject' ? 'ticket.subjectLabel' : 'ticket.previewLabel');
    ui.setAttrs({ 'data-state': st.state });
    ui.render(
      <TicketAssist
        t={tr}
        state={st.state}
        preview={{ subject: tx.subject, body: tx.preview }}
        name={namePrompt()}
        canInsert={!!tx.body}
        canUndo={!!st.snapshot}
        busy={st.busy}
        conflict={st.conflict ? st.conflict.map(labelOf) : null}
        notes={notes}
        onInsert={() => void insert(false)}
        onUndo={() => void undo()}
        onConfirmOverwrite={() => {
          st.conflict = null;
          void insert(true);
        }}
        onCancelOverwrite={() => {
          st.conflict = null;
          st.autoPending = false;
          redraw();
        }}
        onUseMenuName={() => {
          st.confirmedName = menuName();
          redraw();
          maybeAutoFill();
        }}
        onOtherName={() => {
          st.rejectedMenuName = true;
          redraw();
        }}
        onNameInput={(value) => {
          st.draft = value;
          redraw();
        }}
      />,
    );
  };

  const fillChoice = async (role: ChoiceRole, snap: Snapshot, afterCategorySet: boolean): Promise<ChoiceOutcome> => {
    const find = () => findTicketForm(document)?.fields[role];
    let field = find();
    if (!field) return { outcome: 'absent' };
    // A dependent sub-category is enabled only once its category is chosen.
    if (isDisabled(field)) field = afterCategorySet ? await whenEnabled(find) : field;
    if (!field || isDisabled(field)) return { outcome: 'no-fit' };
    const options = await readChoices(field);
    const current = selectedValue(options);
    snap.choices[role] = current;
    if (current) return { outcome: 'kept' };
    const pick = pickFitting(options);
    if (!pick) return { outcome: 'no-fit' };
    return (await choose(field, pick.value)) ? { outcome: 'set', label: pick.label } : { outcome: 'failed' };
  };

  /** Whether the keyboard focus is in our UI (filling moves it through the page's fields). */
  const focusIsOurs = () => !!ui?.root.activeElement;
  /** Gives the focus back to the insert button after a fill or undo the merchant started from our UI. */
  const returnFocus = (wasOurs: boolean) => {
    if (wasOurs && ui && !signal.aborted) ui.root.querySelector<HTMLElement>('[data-action="insert"]')?.focus();
  };

  async function insert(overwrite: boolean) {
    if (st.busy || signal.aborted) return;
    const hadFocus = focusIsOurs();
    const name = nameForInsert();
    const tx = texts(name);
    if (!tx.body) return redraw();
    const form = findTicketForm(document);
    if (!form) {
      st.notes = [{ key: 'ticket.formGone' }];
      return redraw();
    }
    const wanted: Record<TextRole, string> = { subject: tx.subject, description: tx.body };
    if (!overwrite) {
      const conflicts = (['subject', 'description'] as const).filter((r) => {
        const f = form.fields[r];
        const current = f ? readText(f) : '';
        return current.trim() !== '' && current.trim() !== wanted[r].trim();
      });
      if (conflicts.length) {
        st.conflict = conflicts;
        return redraw();
      }
    }
    const auto = st.autoPending;
    st.autoPending = false;
    st.busy = true;
    st.conflict = null;
    redraw();
    try {
      const snap: Snapshot = { texts: [], choices: {} };
      for (const r of ['subject', 'description'] as const) {
        const f = form.fields[r];
        if (f) snap.texts.push(snapshotText(f));
      }
      const notes: FormState['notes'] = [];
      const cat = await fillChoice('category', snap, false);
      const sub = await fillChoice('subcategory', snap, cat.outcome === 'set');
      if (cat.outcome === 'set') notes.push({ key: 'ticket.categorySet', vars: { label: cat.label } });
      else if (cat.outcome === 'kept') notes.push({ key: 'ticket.categoryKept' });
      else if (cat.outcome === 'no-fit') notes.push({ key: 'ticket.categoryNoFit' });
      else if (cat.outcome === 'failed') notes.push({ key: 'ticket.categoryFailed' });
      if (sub.outcome === 'set') notes.push({ key: 'ticket.subcategorySet', vars: { label: sub.label } });
      else if (sub.outcome === 'no-fit' && cat.outcome === 'set') notes.push({ key: 'ticket.subcategoryNoFit' });
      else if (sub.outcome === 'failed') notes.push({ key: 'ticket.categoryFailed' });

      // Text fields last: a re-render after the category choice must not wipe them.
      const now = findTicketForm(document) ?? form;
      let ok = true;
      for (const r of ['subject', 'description'] as const) {
        const f = now.fields[r];
        if (f) ok = writeText(f, wanted[r]) && ok;
        else if (r === 'description') ok = false;
      }
      st.snapshot = snap;
      st.inserted = wanted;
      st.state = 'filled';
      notes.unshift({ key: ok ? (auto ? 'ticket.filledAuto' : 'ticket.filled') : 'ticket.fillFailed' });
      st.notes = notes;
    } finally {
      st.busy = false;
      redraw();
      returnFocus(hadFocus);
    }
  }

  async function undo() {
    const snap = st.snapshot;
    if (!snap || st.busy) return;
    const hadFocus = focusIsOurs();
    st.busy = true;
    redraw();
    const failed: string[] = [];
    try {
      for (const role of ['category', 'subcategory'] as const) {
        if (!(role in snap.choices)) continue;
        const prev = snap.choices[role] ?? '';
        const find = () => findTicketForm(document)?.fields[role];
        let field = find();
        if (!field) continue;
        if (isDisabled(field)) {
          if (prev === '') continue; // a dependent field emptied and disabled by its category: as before
          field = await whenEnabled(find);
          if (!field) continue;
        }
        if (selectedValue(await readChoices(field)) === prev) continue;
        if (!(await choose(field, prev))) failed.push(field.label);
      }
      const form = findTicketForm(document);
      for (const s of snap.texts) {
        const f = form?.fields[s.role];
        if (!f || !restoreText(f, s)) failed.push(f?.label ?? s.role);
      }
      st.snapshot = null;
      st.inserted = null;
      st.state = 'offer';
      st.notes = failed.length ? [{ key: 'ticket.undoPartial', vars: { fields: failed.join(', ') } }] : [{ key: 'ticket.undone' }];
    } finally {
      st.busy = false;
      redraw();
      returnFocus(hadFocus);
    }
  }

  function maybeAutoFill() {
    if (st.autoPending && !st.busy && nameForInsert()) void insert(false);
  }

  // Submission: the merchant clicks the form's send button; we never do.
  const onAttempt = () => {
    const form = findTicketForm(document);
    const desc = form?.fields.description;
    if (!desc || !containsConfirmation(readText(desc), st.inserted?.description)) {
      // This submission does not carry the confirmation: an earlier watch must not count it.
      currentWatch?.stop();
      return;
    }
    watchSubmission(() => {
      st.state = 'submitted';
      st.snapshot = null;
      st.notes = [];
      void send({ type: 'evidence', code: 'ticket-submitted' });
      redraw();
    });
  };
  // Only the merchant's own press counts: a page script's click() or dispatched click is forged,
  // and the trusted `submit` a script can still cause (requestSubmit) counts only right after the
  // merchant's own key or pointer press in that form.
  const input = watchUserInput(signal);
  const onSubmit = (event: Event) => {
    if (!isForged(event) && event.target instanceof Node && input.pressedIn(event.target)) onAttempt();
  };
  const onClick = (event: Event) => {
    if (isForged(event)) return;
    const path = event.composedPath() as Node[];
    if (ui && path.includes(ui.host)) return;
    const button = path.find((n) => n.nodeType === 1 && isSubmitControl(n as Element)) as Element | undefined;
    if (!button) return;
    const form = findTicketForm(document);
    if (!form) return;
    const inForm = path.includes(form.placeBefore) || path.includes(form.container) || path.some((n) => n.nodeType === 1 && (n as Element).tagName === 'FORM' && (n as Element).contains(form.container));
    if (inForm) onAttempt();
  };
  document.addEventListener('click', onClick, { capture: true, signal });
  document.addEventListener('submit', onSubmit, { capture: true, signal });

  const off = store.subscribe(() => {
    redraw();
    maybeAutoFill();
  });
  signal.addEventListener('abort', off, { once: true });
  redraw();

  // The one-shot request from "open confirmation ticket": consumed once, fills once.
  if (!st.consumed) {
    st.consumed = true;
    const reply = await send({ type: 'ticket/consume' });
    if (signal.aborted) return;
    if (reply.ok && reply.data === true && st.state === 'offer' && !st.snapshot) st.autoPending = true;
    redraw();
    maybeAutoFill();
  }
};

/**
 * Watches for the outcome of one submission: the page's success message or the navigation to the
 * created case. Outlives the feature's run on purpose (that run ends when the page navigates to
 * the case) but is bounded in time. A submission that fails validation shows neither: nothing
 * happens, and the next click starts a new watch.
 */
let currentWatch: { stop: () => void; extend: (onSuccess: () => void) => void } | null = null;
const WATCH_MS = 30_000;

function watchSubmission(onSuccess: () => void) {
  // A second signal of the same submission (click, then the form's submit event) or a retry after
  // a failed validation keeps the first watch: its baseline predates any new success message.
  if (currentWatch) return currentWatch.extend(onSuccess);
  const baseline = new Set(successMessages());
  let startedAt = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    if (currentWatch === watch) currentWatch = null;
  };
  const check = () => {
    const navigated = isCreatedCaseUrl(location.href, HELP_ORIGIN);
    const fresh = successMessages().some((m) => !baseline.has(m));
    if (navigated || fresh) {
      stop();
      onSuccess();
      return;
    }
    if (Date.now() - startedAt > WATCH_MS) return stop();
    timer = setTimeout(check, 150);
  };
  const watch = {
    stop,
    extend: (next: () => void) => {
      startedAt = Date.now();
      // The latest run of the feature (e.g. after the page re-rendered the form) shows the result.
      onSuccess = next;
    },
  };
  currentWatch = watch;
  timer = setTimeout(check, 100);
}

