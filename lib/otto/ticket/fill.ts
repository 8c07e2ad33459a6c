/**
 * Filling the ticket form's text fields the way Lightning components register input: the
 * prototype's value setter, then `input` (bubbles, composed), `change`, `keyup` (Aura binds on
 * it), blur. A plain `.value = …` would show the text while the component reports the field empty.
 * Rich-text editors get `insertText`, or new paragraphs where that does not take.
 */
import type { FieldRole, TicketField } from './fields';

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

/** Sets a form control's value through its prototype's setter (what frameworks watch). */
export function setNativeValue(el: HTMLElement, value: string): void {
  const view = (el.ownerDocument.defaultView ?? globalThis) as typeof globalThis;
  const proto =
    el.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement.prototype : el.tagName === 'SELECT' ? view.HTMLSelectElement.prototype : view.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else (el as HTMLInputElement).value = value;
}

/** Dispatches the event typing or a click would, in the element's own window. */
export function fire(el: Element, type: string, init: EventInit & { key?: string } = {}): void {
  const view = (el.ownerDocument.defaultView ?? globalThis) as typeof globalThis;
  let event: Event;
  if (type === 'input' || type === 'beforeinput') event = new view.InputEvent(type, { bubbles: true, composed: true, inputType: 'insertText', ...init });
  else if (type === 'keyup' || type === 'keydown') event = new view.KeyboardEvent(type, { bubbles: true, composed: true, key: 'Unidentified', ...init });
  else event = new view.Event(type, { bubbles: true, ...init });
  el.dispatchEvent(event);
}

export function focusQuietly(el: HTMLElement): void {
  try {
    el.focus({ preventScroll: true });
  } catch {
    /* not focusable */
  }
}

/** Leaves a field so commit-on-blur fields commit, also without window focus. */
export function leave(el: HTMLElement): void {
  try {
    el.blur();
  } catch {
    /* ignore */
  }
  // Without window focus the browser fires no blur event: send one so commit-on-blur fields commit.
  if (el.ownerDocument.activeElement !== el) fire(el, 'focusout', { composed: true });
}

const normalize = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();

/** Writes a text field the way typing would reach Salesforce components. True when it holds `value` afterwards. */
export function writeText(field: TicketField, value: string): boolean {
  const c = field.control;
  focusQuietly(c);
  if (field.kind === 'richtext') {
    writeEditable(c, value);
  } else {
    setNativeValue(c, value);
    fire(c, 'input');
    fire(c, 'change');
    fire(c, 'keyup');
  }
  leave(c);
  return normalize(readText(field)) === normalize(value);
}

function writeEditable(el: HTMLElement, value: string): void {
  const doc = el.ownerDocument;
  let done = false;
  try {
    const selection = doc.getSelection();
    if (selection && typeof doc.execCommand === 'function') {
      const range = doc.createRange();
      range.selectNodeContents(el);
      selection.removeAllRanges();
      selection.addRange(range);
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

/** What a text field held before we wrote it, so that undo can put back exactly that. */
export interface TextBefore {
  role: FieldRole;
  text: string;
  /** Rich text: the editor's nodes as they were. */
  nodes?: Node[];
}

export function keepText(field: TicketField): TextBefore {
  return {
    role: field.role,
    text: readText(field),
    nodes: field.kind === 'richtext' ? Array.from(field.control.childNodes).map((n) => n.cloneNode(true)) : undefined,
  };
}

export function restoreText(field: TicketField, before: TextBefore): boolean {
  if (field.kind === 'richtext' && before.nodes) {
    const c = field.control;
    focusQuietly(c);
    c.replaceChildren(...before.nodes.map((n) => n.cloneNode(true)));
    fire(c, 'input');
    fire(c, 'change');
    fire(c, 'keyup');
    leave(c);
    return normalize(readText(field)) === normalize(before.text);
  }
  return writeText(field, before.text);
}
