/**
 * The help center's ticket form: finding its fields.
 *
 * Salesforce renders the form with Lightning base components in synthetic shadow (plain light
 * DOM from a content script), native shadow (open roots we walk) or both; some org setups use a
 * rich-text editor for the description, Aura `ui:input*` fields or a plain HTML form. Fields are
 * found by label, `name`, role and structure — never by id, which Salesforce rewrites.
 */
import { closestComposed, commonAncestorOf, composedAncestors, composedParent, deepQueryAll, deepText, deepWithin, isOwnHost, type QueryRoot } from '../query';
import { TICKET_FORM_SELECTORS } from '../anchors/ticket';

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

export interface TicketForm {
  /** Closest element containing every field found (crossing shadow roots). */
  container: Element;
  /** Where our UI goes: right before this element, above the form. */
  placeBefore: Element;
  fields: Partial<Record<FieldRole, TicketField>>;
}

const cleanLabel = (s: string) => s.replace(/\*/g, ' ').replace(/\s+/g, ' ').replace(/[:\s]+$/, '').trim();

/** The label the merchant sees for a control. */
export function labelOf(control: HTMLElement): string {
  const labels = (control as HTMLInputElement).labels;
  if (labels && labels.length) {
    const text = cleanLabel(Array.from(labels).map((l) => deepText(l)).join(' '));
    if (text) return text;
  }
  const by = control.getAttribute('aria-labelledby');
  if (by) {
    const root = control.getRootNode() as Document | ShadowRoot;
    const text = cleanLabel(
      by
        .split(/\s+/)
        .map((id) => {
          const el = root.getElementById?.(id) ?? null;
          return el ? deepText(el) : '';
        })
        .join(' '),
    );
    if (text) return text;
  }
  const aria = cleanLabel(control.getAttribute('aria-label') ?? '');
  if (aria) return aria;
  const container = closestComposed(control, TICKET_FORM_SELECTORS.fieldContainers);
  if (container) {
    for (const label of deepWithin(container, TICKET_FORM_SELECTORS.labels)) {
      const text = cleanLabel(deepText(label));
      if (text) return text;
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
  const editable = control.getAttribute('contenteditable');
  if (editable === '' || editable === 'true') return 'richtext';
  return null;
}

const LABEL_PATTERN: Record<FieldRole, RegExp> = {
  subcategory: /unter\s*-?\s*kategorie|sub\s*-?\s*kategorie|sub\s*-?\s*categor|unterthema|sub\s*-?\s*topic|detailgrund/i,
  category: /kategorie|categor|thema|topic|anliegensart|art des anliegens|bereich|grund|reason|\btyp(e)?\b/i,
  subject: /betreff|subject|titel|title|überschrift|kurzbeschreibung/i,
  description: /beschreibung|description|nachricht|message|anliegen|details?|kommentar|comment|frage|inhalt|\btext\b/i,
};
const NAME_PATTERN: Record<FieldRole, RegExp> = {
  subcategory: /sub_?categ|subcateg|unterkateg|sub_?topic/i,
  category: /categ|kategorie|topic|reason|type/i,
  subject: /subject|betreff|title|titel/i,
  description: /descr|beschreib|body|message|comment|nachricht/i,
};
const isFor = (role: FieldRole, label: string, name: string) => LABEL_PATTERN[role].test(label) || (!!name && NAME_PATTERN[role].test(name));

/** Every candidate control in document order, outside our own UI. */
function controls(root: QueryRoot): HTMLElement[] {
  let found: HTMLElement[];
  try {
    found = deepQueryAll<HTMLElement>(root, TICKET_FORM_SELECTORS.controls);
  } catch {
    found = deepQueryAll<HTMLElement>(root, 'input, textarea, select, [role="combobox"], [contenteditable]');
  }
  return found.filter((el) => {
    if (isOwnHost(el)) return false;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (el.tagName === 'INPUT' && type && !['text', 'search'].includes(type) && el.getAttribute('role') !== 'combobox') return false;
    // Only the outermost editable element of a rich-text editor.
    const parent = composedParent(el);
    if (kindOf(el) === 'richtext' && parent && closestComposed(parent, '[contenteditable="true"], [contenteditable=""]')) return false;
    return true;
  });
}

/** Finds the ticket form's fields. `null` when there is no description field. */
export function findTicketForm(root: Document | Element | ShadowRoot = document): TicketForm | null {
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
      if (isFor('subcategory', label, name)) take('subcategory');
      else if (isFor('category', label, name)) take('category');
    } else if (kind === 'text') {
      if (control.hasAttribute('readonly') || (control as HTMLInputElement).disabled) continue;
      if (isFor('subject', label, name)) take('subject');
    } else {
      multiline.push({ role: 'description', kind, control, label });
      if (isFor('description', label, name)) take('description');
    }
  }
  // A form with a single multi-line field: that is the description, whatever its label.
  if (!fields.description && multiline.length === 1) fields.description = multiline[0];
  if (!fields.description) return null;
  const container = commonAncestorOf(Object.values(fields).map((f) => f.control));
  return { container, placeBefore: placementFor(container, fields.description.control), fields };
}

/**
 * Where the assistant goes: before the innermost page component (custom element that is not a
 * base component) holding the form, else before the `<form>`, else before the fields' container.
 * Never inside a base component's template, so re-renders of the fields do not touch it.
 */
function placementFor(container: Element, description: Element): Element {
  const tooBig = (el: Element) => el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'MAIN';
  let start = container;
  if (tooBig(start)) start = closestComposed(description, TICKET_FORM_SELECTORS.fieldContainers) ?? description;
  for (const el of composedAncestors(start)) {
    if (tooBig(el)) break;
    const tag = el.tagName.toLowerCase();
    if (tag.includes('-') && !tag.startsWith('lightning-') && !isOwnHost(el)) return el;
  }
  return closestComposed(start, 'form') ?? start;
}

export function isDisabled(field: TicketField): boolean {
  const control = field.control as HTMLButtonElement;
  return control.disabled === true || control.getAttribute('aria-disabled') === 'true';
}
