/**
 * The help center's ticket form, as the content script sees and fills it.
 *
 * Salesforce renders the form with Lightning base components in synthetic shadow (plain light
 * DOM from a content script), native shadow (open roots we walk) or both; some org setups use a
 * rich-text editor for the description, Aura `ui:input*` fields or a plain HTML form. Fields are
 * found by label, `name`, role and structure — never by id (see shared/domain/otto.md).
 *
 * Filling: the prototype's value setter, then `input` (bubbles, composed), `change`, `keyup`
 * (Aura binds on it), blur. A plain `.value = …` would show the text while the component reports
 * the field empty. Comboboxes: open, wait a frame, click the option whose `data-value` matches.
 */
import { deepQueryAll, isOwnHost } from './query';
import { TICKET_FORM_SELECTORS as S } from './anchors/ticket';

export type FieldRole = 'category' | 'subcategory' | 'subject' | 'description';
export type FieldKind = 'text' | 'multiline' | 'richtext' | 'combobox' | 'select';

export interface TicketField {
  role: FieldRole;
  kind: FieldKind;
  /** The element that holds the value (input, textarea, select, editor, combobox trigger). */
  control: HTMLElement;
  /** Label text as the merchant reads it (asterisks stripped). */
  label: string;
}

export interface TicketFormHandle {
  /** Closest element containing every field found (crossing shadow roots). */
  container: Element;
  /** Where our UI goes: right before this element, above the form. */
  placeBefore: Element;
  fields: Partial<Record<FieldRole, TicketField>>;
}

export interface ChoiceOption {
  value: string;
  label: string;
  selected: boolean;
}

// ---------------------------------------------------------------------------------------------
// Walking the composed tree

/** Parent across shadow boundaries (a shadow root's parent is its host). */
export function composedParent(node: Node): Node | null {
  const p = node.parentNode;
  if (p && p.nodeType === 11 && (p as ShadowRoot).host) return (p as ShadowRoot).host;
  return p;
}

function composedAncestors(el: Element): Element[] {
  const out: Element[] = [];
  let n: Node | null = el;
  while (n) {
    if (n.nodeType === 1) out.push(n as Element);
    n = composedParent(n);
  }
  return out;
}

function closestComposed(el: Element, selector: string): Element | null {
  for (const a of composedAncestors(el)) {
    try {
      if (a.matches(selector)) return a;
    } catch {
      return null;
    }
  }
  return null;
}

/** Queries `el` itself (its light DOM), its own shadow root and every open root below. */
function deepWithin<E extends Element = Element>(el: Element, selector: string): E[] {
  const out: E[] = [];
  const push = (found: E[]) => {
    for (const f of found) if (!out.includes(f)) out.push(f);
  };
  try {
    push(deepQueryAll<E>(el, selector));
    if (el.shadowRoot) push(deepQueryAll<E>(el.shadowRoot, selector));
  } catch {
    /* selector unsupported by this engine */
  }
  return out;
}

/** Text as rendered, including content inside open shadow roots (e.g. native combobox items). */
export function deepText(node: Node, max = 500): string {
  let out = '';
  const walk = (n: Node) => {
    if (out.length > max) return;
    if (n.nodeType === 3) {
      out += n.nodeValue ?? '';
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 11) return;
    const el = n as Element;
    if (n.nodeType === 1 && (el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || el.tagName === 'TEMPLATE')) return;
    const root = n.nodeType === 1 ? el.shadowRoot : null;
    for (const c of Array.from((root ?? n).childNodes)) walk(c);
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim().slice(0, max);
}

const cleanLabel = (s: string) => s.replace(/\*/g, ' ').replace(/\s+/g, ' ').replace(/[:\s]+$/, '').trim();

/** The label the merchant sees for a control. */
export function labelOf(control: HTMLElement): string {
  const labels = (control as HTMLInputElement).labels;
  if (labels && labels.length) {
    const t = cleanLabel(Array.from(labels).map((l) => deepText(l)).join(' '));
    if (t) return t;
  }
  const by = control.getAttribute('aria-labelledby');
  if (by) {
    const root = control.getRootNode() as Document | ShadowRoot;
    const t = cleanLabel(
      by
        .split(/\s+/)
        .map((id) => {
          const el = root.getElementById?.(id) ?? null;
          return el ? deepText(el) : '';
        })
        .join(' '),
    );
    if (t) return t;
  }
  const aria = cleanLabel(control.getAttribute('aria-label') ?? '');
  if (aria) return aria;
  const container = closestComposed(control, S.fieldContainers);
  if (container) {
    for (const l of deepWithin(container, S.labels)) {
      const t = cleanLabel(deepText(l));
      if (t) return t;
    }
  }
  return cleanLabel(control.getAttribute('placeholder') ?? control.getAttribute('title') ?? '');
}

function kindOf(control: HTMLElement): FieldKind | null {
  const tag = control.tagName;
  const role = control.getAttribute('role');
  if (tag === 'SELECT') return 'select';
  if (role === 'combobox') return 'combobox';
  if (tag === 'TEXTAREA') return 'multiline';
  if (tag === 'INPUT') return 'text';
  const ce = control.getAttribute('contenteditable');
  if (ce === '' || ce === 'true') return 'richtext';
  return null;
}

const LABEL_RX: Record<FieldRole, RegExp> = {
  subcategory: /unter\s*-?\s*kategorie|sub\s*-?\s*kategorie|sub\s*-?\s*categor|unterthema|sub\s*-?\s*topic|detailgrund/i,
  category: /kategorie|categor|thema|topic|anliegensart|art des anliegens|bereich|grund|reason|\btyp(e)?\b/i,
  subject: /betreff|subject|titel|title|überschrift|kurzbeschreibung/i,
  description: /beschreibung|description|nachricht|message|anliegen|details?|kommentar|comment|frage|inhalt|\btext\b/i,
};
const NAME_RX: Record<FieldRole, RegExp> = {
  subcategory: /sub_?categ|subcateg|unterkateg|sub_?topic/i,
  category: /categ|kategorie|topic|reason|type/i,
  subject: /subject|betreff|title|titel/i,
  description: /descr|beschreib|body|message|comment|nachricht/i,
};
const matches = (role: FieldRole, label: string, name: string) => LABEL_RX[role].test(label) || (!!name && NAME_RX[role].test(name));

/** Every candidate control in document order, outside our own UI. */
function controls(root: Document | Element | ShadowRoot): HTMLElement[] {
  let found: HTMLElement[];
  try {
    found = deepQueryAll<HTMLElement>(root, S.controls);
  } catch {
    found = deepQueryAll<HTMLElement>(root, 'input, textarea, select, [role="combobox"], [contenteditable]');
  }
  return found.filter((el) => {
    if (isOwnHost(el)) return false;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (el.tagName === 'INPUT' && type && !['text', 'search'].includes(type) && el.getAttribute('role') !== 'combobox') return false;
    // Only the outermost editable element of a rich-text editor.
    const parent = composedParent(el);
    if (kindOf(el) === 'richtext' && parent && parent.nodeType === 1 && closestComposed(parent as Element, '[contenteditable="true"], [contenteditable=""]')) return false;
    return true;
  });
}

/** Finds the ticket form's fields. `null` when there is no description field. */
export function findTicketForm(root: Document | Element | ShadowRoot = document): TicketFormHandle | null {
  const fields: Partial<Record<FieldRole, TicketField>> = {};
  const multiline: TicketField[] = [];
  for (const control of controls(root)) {
    const kind = kindOf(control);
    if (!kind) continue;
    const label = labelOf(control);
    const name = control.getAttribute('name') ?? '';
    const take = (role: FieldRole) => {
      if (!fields[role]) fields[role] = { role, kind, control, label };
    };
    if (kind === 'combobox' || kind === 'select') {
      if (matches('subcategory', label, name)) take('subcategory');
      else if (matches('category', label, name)) take('category');
    } else if (kind === 'text') {
      if (control.hasAttribute('readonly') || (control as HTMLInputElement).disabled) continue;
      if (matches('subject', label, name)) take('subject');
    } else {
      multiline.push({ role: 'description', kind, control, label });
      if (matches('description', label, name)) take('description');
    }
  }
  // A form with a single multi-line field: that is the description, whatever its label.
  if (!fields.description && multiline.length === 1) fields.description = multiline[0];
  if (!fields.description) return null;
  const container = commonAncestor(Object.values(fields).map((f) => f!.control));
  return { container, placeBefore: placementFor(container, fields.description.control), fields };
}

function commonAncestor(els: Element[]): Element {
  const chain = composedAncestors(els[0]!);
  let best = 0;
  for (const el of els.slice(1)) {
    const set = new Set(composedAncestors(el));
    while (best < chain.length && !set.has(chain[best]!)) best++;
  }
  return chain[Math.min(best, chain.length - 1)]!;
}

/**
 * Where the assistant goes: before the innermost page component (custom element that is not a
 * base component) holding the form, else before the `<form>`, else before the fields' container.
 * Never inside a base component's template, so re-renders of the fields do not touch it.
 */
function placementFor(container: Element, description: Element): Element {
  const tooBig = (el: Element) => el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'MAIN';
  let start = container;
  if (tooBig(start)) start = closestComposed(description, S.fieldContainers) ?? description;
  for (const a of composedAncestors(start)) {
    if (tooBig(a)) break;
    const tag = a.tagName.toLowerCase();
    if (tag.includes('-') && !tag.startsWith('lightning-') && !isOwnHost(a)) return a;
  }
  return closestComposed(start, 'form') ?? start;
}

// ---------------------------------------------------------------------------------------------
// Reading and writing text

const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TR|TABLE|SECTION|ARTICLE)$/;

/** The text of a contenteditable editor, with line breaks for blocks and `<br>`. */
export function editableText(el: Element): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      out += n.nodeValue ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (e.tagName === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCK.test(e.tagName);
    if (block && out && !out.endsWith('\n')) out += '\n';
    for (const c of Array.from(e.childNodes)) walk(c);
    if (block && !out.endsWith('\n')) out += '\n';
  };
  for (const c of Array.from(el.childNodes)) walk(c);
  return out.replace(/\u00a0/g, ' ').replace(/\n$/, '');
}

/** The current text of a text field (subject / description). */
export function readText(field: TicketField): string {
  const c = field.control;
  if (field.kind === 'richtext') return editableText(c);
  if (field.kind === 'text' || field.kind === 'multiline') return (c as HTMLInputElement).value ?? '';
  return '';
}

function setNativeValue(el: HTMLElement, value: string): void {
  const view = el.ownerDocument.defaultView ?? globalThis;
  const proto =
    el.tagName === 'TEXTAREA'
      ? (view as typeof globalThis).HTMLTextAreaElement.prototype
      : el.tagName === 'SELECT'
        ? (view as typeof globalThis).HTMLSelectElement.prototype
        : (view as typeof globalThis).HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else (el as HTMLInputElement).value = value;
}

function fire(el: Element, type: string, init: EventInit & { key?: string } = {}): void {
  const view = (el.ownerDocument.defaultView ?? globalThis) as typeof globalThis;
  let event: Event;
  if (type === 'input' || type === 'beforeinput') event = new view.InputEvent(type, { bubbles: true, composed: true, inputType: 'insertText', ...init });
  else if (type === 'keyup' || type === 'keydown') event = new view.KeyboardEvent(type, { bubbles: true, composed: true, key: 'Unidentified', ...init });
  else event = new view.Event(type, { bubbles: true, ...init });
  el.dispatchEvent(event);
}

function focus(el: HTMLElement): void {
  try {
    el.focus({ preventScroll: true });
  } catch {
    /* not focusable */
  }
}

function blur(el: HTMLElement): void {
  try {
    el.blur();
  } catch {
    /* ignore */
  }
  // Without window focus the browser fires no blur event: send one so commit-on-blur fields commit.
  if (el.ownerDocument.activeElement !== el) fire(el, 'focusout', { composed: true });
}

/** Writes a text field the way typing would reach Salesforce components. True when it holds `value` afterwards. */
export function writeText(field: TicketField, value: string): boolean {
  const c = field.control;
  focus(c);
  if (field.kind === 'richtext') {
    writeEditable(c, value);
  } else {
    setNativeValue(c, value);
    fire(c, 'input');
    fire(c, 'change');
    fire(c, 'keyup');
  }
  blur(c);
  return normalize(readText(field)) === normalize(value);
}

const normalize = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();

function writeEditable(el: HTMLElement, value: string): void {
  const doc = el.ownerDocument;
  let done = false;
  try {
    const sel = doc.getSelection();
    if (sel && typeof doc.execCommand === 'function') {
      const range = doc.createRange();
      range.selectNodeContents(el);
      sel.removeAllRanges();
      sel.addRange(range);
      done = doc.execCommand('insertText', false, value) && normalize(editableText(el)) === normalize(value);
    }
  } catch {
    done = false;
  }
  if (!done) {
    // Editors built on DOM observation (e.g. Quill in lightning-input-rich-text) pick this up.
    el.replaceChildren(
      ...value.split('\n').map((line) => {
        const p = doc.createElement('p');
        if (line) p.textContent = line;
        else p.append(doc.createElement('br'));
        return p;
      }),
    );
    fire(el, 'input');
  }
  fire(el, 'change');
  fire(el, 'keyup');
}

/** What a text field held, so that undo can put back exactly that. */
export interface TextSnapshot {
  role: FieldRole;
  text: string;
  /** Rich text: the editor's nodes as they were. */
  nodes?: Node[];
}

export function snapshotText(field: TicketField): TextSnapshot {
  return {
    role: field.role,
    text: readText(field),
    nodes: field.kind === 'richtext' ? Array.from(field.control.childNodes).map((n) => n.cloneNode(true)) : undefined,
  };
}

export function restoreText(field: TicketField, snap: TextSnapshot): boolean {
  if (field.kind === 'richtext' && snap.nodes) {
    const c = field.control;
    focus(c);
    c.replaceChildren(...snap.nodes.map((n) => n.cloneNode(true)));
    fire(c, 'input');
    fire(c, 'change');
    fire(c, 'keyup');
    blur(c);
    return normalize(readText(field)) === normalize(snap.text);
  }
  return writeText(field, snap.text);
}

// ---------------------------------------------------------------------------------------------
// Choices: Lightning comboboxes and plain selects

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** One animation frame, or 50 ms where frames are throttled (background tabs). */
export const nextFrame = () => new Promise<void>((r) => {
  let done = false;
  const go = () => {
    if (!done) {
      done = true;
      r();
    }
  };
  requestAnimationFrame(go);
  setTimeout(go, 50);
});

/** Around a combobox trigger (never the trigger itself): the most specific known wrapper. */
function comboboxScope(trigger: HTMLElement): Element {
  const parent = composedParent(trigger);
  if (parent && parent.nodeType === 1) {
    for (const sel of S.comboboxScope) {
      const hit = closestComposed(parent as Element, sel);
      if (hit) return hit;
    }
  }
  return trigger.getRootNode() as Element;
}

function comboboxItems(trigger: HTMLElement): HTMLElement[] {
  const scope = comboboxScope(trigger);
  const root = scope.nodeType === 1 ? scope : (trigger.getRootNode() as unknown as Element);
  return deepWithin<HTMLElement>(root, S.comboboxOption);
}

function isOpen(trigger: HTMLElement): boolean {
  return trigger.getAttribute('aria-expanded') === 'true';
}

function optionOf(item: HTMLElement, displayed: string): ChoiceOption {
  const label = deepText(item) || item.getAttribute('title') || item.getAttribute('aria-label') || '';
  const value = item.getAttribute('data-value') ?? item.getAttribute('value') ?? label;
  const checked = item.getAttribute('aria-checked');
  return { value, label, selected: checked === 'true' || (checked === null && (item.getAttribute('aria-selected') === 'true' || (!!displayed && label === displayed))) };
}

export function isDisabled(field: TicketField): boolean {
  const c = field.control as HTMLButtonElement;
  return c.disabled === true || c.getAttribute('aria-disabled') === 'true';
}

/** Opens a combobox (if needed) and lists its options. Options render only after the first open. */
async function openCombobox(trigger: HTMLElement): Promise<HTMLElement[]> {
  if (!isOpen(trigger) || !comboboxItems(trigger).length) {
    trigger.click();
    await nextFrame();
  }
  for (let i = 0; i < 20; i++) {
    const items = comboboxItems(trigger);
    if (items.length) return items;
    await wait(50);
  }
  return [];
}

async function closeCombobox(trigger: HTMLElement): Promise<void> {
  if (!isOpen(trigger)) return;
  fire(trigger, 'keydown', { key: 'Escape' });
  await nextFrame();
  if (isOpen(trigger)) {
    trigger.click();
    await nextFrame();
  }
}

/** The options of a choice field and which one is selected (the combobox is closed again). */
export async function readChoices(field: TicketField): Promise<ChoiceOption[]> {
  if (field.kind === 'select') {
    const sel = field.control as HTMLSelectElement;
    return Array.from(sel.options).map((o) => ({ value: o.value, label: o.text.replace(/\s+/g, ' ').trim(), selected: o.selected }));
  }
  const trigger = field.control;
  const displayed = deepText(trigger);
  const items = await openCombobox(trigger);
  const options = items.map((i) => optionOf(i, displayed));
  await closeCombobox(trigger);
  return options;
}

/** The selected value of a choice field ('' when nothing is chosen). */
export function selectedValue(options: ChoiceOption[]): string {
  return options.find((o) => o.selected)?.value ?? '';
}

/** Chooses the option with API value `value`, the way a click would. True when it took. */
export async function choose(field: TicketField, value: string): Promise<boolean> {
  if (field.kind === 'select') {
    const sel = field.control as HTMLSelectElement;
    if (!Array.from(sel.options).some((o) => o.value === value)) return false;
    focus(sel);
    setNativeValue(sel, value);
    fire(sel, 'input');
    fire(sel, 'change');
    blur(sel);
    return sel.value === value;
  }
  const trigger = field.control;
  const items = await openCombobox(trigger);
  const item = items.find((i) => (i.getAttribute('data-value') ?? i.getAttribute('value') ?? deepText(i)) === value);
  if (!item) {
    await closeCombobox(trigger);
    return false;
  }
  const label = deepText(item);
  item.click();
  await nextFrame();
  await closeCombobox(trigger);
  return !label || deepText(trigger) === label || item.getAttribute('aria-checked') === 'true';
}

/** Waits (bounded) until a field is enabled, e.g. a dependent sub-category after its category. */
export async function whenEnabled(find: () => TicketField | undefined, timeout = 2000): Promise<TicketField | undefined> {
  const end = Date.now() + timeout;
  for (;;) {
    const f = find();
    if (f && !isDisabled(f)) return f;
    if (Date.now() > end) return f;
    await wait(50);
  }
}

// ---------------------------------------------------------------------------------------------
// After submitting

const SUCCESS_TEXT = /erfolgreich|wurde (erstellt|angelegt|übermittelt|gesendet|versendet|eingereicht)|vielen dank|danke für|success|created|submitted|thank you/i;
const ERROR_TEXT = /fehler|error|pflicht|required|ungültig|invalid|nicht (erstellt|gesendet|möglich)|fehlgeschlagen|failed|bitte (füllen|geben|wählen)/i;

/** Texts of success notices currently on the page (toasts, status regions). */
export function successMessages(root: Document | Element = document): string[] {
  return deepQueryAll(root, S.notices)
    .map((el) => deepText(el, 300))
    .filter((t) => SUCCESS_TEXT.test(t) && !ERROR_TEXT.test(t));
}

/** The page of a created case: `/s/case/<id>…`, `/s/detail/500…`, `/s/ticket/<id>`. */
export function isCreatedCaseUrl(href: string, helpOrigin: string): boolean {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return false;
  }
  if (u.origin !== helpOrigin) return false;
  return /^\/s\/(case|cases|ticket|tickets|detail|meine-tickets)\/(500[a-z0-9]{12}([a-z0-9]{3})?)(\/|$)/i.test(u.pathname);
}

/** Is `el` a control that sends the form (a submit button or one labelled like it)? */
export function isSubmitControl(el: Element): boolean {
  const tag = el.tagName;
  if (tag !== 'BUTTON' && !(tag === 'INPUT' && (el as HTMLInputElement).type === 'submit')) return false;
  if (el.getAttribute('role') === 'combobox') return false;
  if ((el as HTMLButtonElement).type === 'submit') return true;
  const text = deepText(el) || (el as HTMLInputElement).value || el.getAttribute('aria-label') || '';
  return /absenden|abschicken|senden|einreichen|ticket (erstellen|anlegen)|erstellen|submit|send\b|create/i.test(text);
}
