/**
 * Filling the ticket form with the confirmation, and undoing it: what to write where, what the
 * form held before, and what to tell the merchant. No UI here: the feature's wiring (./init.tsx)
 * shows the notes these return.
 */
import type { MessageKey } from '../../i18n';
import { findTicketForm, isDisabled, type TicketForm } from '../../otto/ticket/fields';
import { keepText, readText, restoreText, writeText, type TextBefore } from '../../otto/ticket/fill';
import { choose, readChoices, selectedValue, whenEnabled } from '../../otto/ticket/choices';
import { pickFitting } from '../../ticket/category';

export type TextRole = 'subject' | 'description';
export type ChoiceRole = 'category' | 'subcategory';
export const TEXT_ROLES = ['subject', 'description'] as const;
const CHOICE_ROLES = ['category', 'subcategory'] as const;

/** A line for the merchant: a string key and its values. */
export interface Note {
  key: MessageKey;
  vars?: Record<string, string>;
}

/** What the form held before our fill: undo puts exactly that back. */
export interface FillRecord {
  texts: TextBefore[];
  /** The value each choice field had before (only for fields we looked at). */
  choices: Partial<Record<ChoiceRole, string>>;
}

export type ChoiceOutcome = { outcome: 'set'; label: string } | { outcome: 'kept' | 'no-fit' | 'absent' | 'failed' };

/** The form as it is now (Lightning re-renders fields; each step looks them up again). */
const currentForm = (): TicketForm | null => findTicketForm(document);

/** Text fields that already hold other text than we would write (we ask before replacing it). */
export function conflictingFields(form: TicketForm, wanted: Record<TextRole, string>): TextRole[] {
  return TEXT_ROLES.filter((role) => {
    const field = form.fields[role];
    const current = field ? readText(field) : '';
    return current.trim() !== '' && current.trim() !== wanted[role].trim();
  });
}

/** What to say about the category choices. Pure. */
export function choiceNotes(category: ChoiceOutcome, subcategory: ChoiceOutcome): Note[] {
  const notes: Note[] = [];
  if (category.outcome === 'set') notes.push({ key: 'ticket.categorySet', vars: { label: category.label } });
  else if (category.outcome === 'kept') notes.push({ key: 'ticket.categoryKept' });
  else if (category.outcome === 'no-fit') notes.push({ key: 'ticket.categoryNoFit' });
  else if (category.outcome === 'failed') notes.push({ key: 'ticket.categoryFailed' });
  if (subcategory.outcome === 'set') notes.push({ key: 'ticket.subcategorySet', vars: { label: subcategory.label } });
  else if (subcategory.outcome === 'no-fit' && category.outcome === 'set') notes.push({ key: 'ticket.subcategoryNoFit' });
  else if (subcategory.outcome === 'failed') notes.push({ key: 'ticket.categoryFailed' });
  return notes;
}

/** Chooses a fitting option in an empty choice field; a chosen value is kept. Records what was there. */
async function fillChoice(role: ChoiceRole, record: FillRecord, afterCategorySet: boolean): Promise<ChoiceOutcome> {
  const find = () => currentForm()?.fields[role];
  let field = find();
  if (!field) return { outcome: 'absent' };
  // A dependent sub-category is enabled only once its category is chosen.
  if (isDisabled(field)) field = afterCategorySet ? await whenEnabled(find) : field;
  if (!field || isDisabled(field)) return { outcome: 'no-fit' };
  const options = await readChoices(field);
  const current = selectedValue(options);
  record.choices[role] = current;
  if (current) return { outcome: 'kept' };
  const pick = pickFitting(options);
  if (!pick) return { outcome: 'no-fit' };
  return (await choose(field, pick.value)) ? { outcome: 'set', label: pick.label } : { outcome: 'failed' };
}

/**
 * Chooses category and sub-category where one fits, then writes subject and description (last:
 * a re-render after a choice must not wipe them). Returns what the form held and what to say.
 */
export async function fillForm(form: TicketForm, wanted: Record<TextRole, string>, auto: boolean): Promise<{ record: FillRecord; notes: Note[] }> {
  const record: FillRecord = { texts: [], choices: {} };
  for (const role of TEXT_ROLES) {
    const field = form.fields[role];
    if (field) record.texts.push(keepText(field));
  }
  const category = await fillChoice('category', record, false);
  const subcategory = await fillChoice('subcategory', record, category.outcome === 'set');
  const now = currentForm() ?? form;
  let ok = true;
  for (const role of TEXT_ROLES) {
    const field = now.fields[role];
    if (field) ok = writeText(field, wanted[role]) && ok;
    else if (role === 'description') ok = false;
  }
  const first: Note = { key: ok ? (auto ? 'ticket.filledAuto' : 'ticket.filled') : 'ticket.fillFailed' };
  return { record, notes: [first, ...choiceNotes(category, subcategory)] };
}

/** Puts back what `record` kept; says which fields could not be reset. */
export async function undoFill(record: FillRecord): Promise<Note[]> {
  const failed: string[] = [];
  for (const role of CHOICE_ROLES) {
    if (!(role in record.choices)) continue;
    const before = record.choices[role] ?? '';
    const find = () => currentForm()?.fields[role];
    let field = find();
    if (!field) continue;
    if (isDisabled(field)) {
      if (before === '') continue; // a dependent field emptied and disabled by its category: as before
      field = await whenEnabled(find);
      if (!field) continue;
    }
    if (selectedValue(await readChoices(field)) === before) continue;
    if (!(await choose(field, before))) failed.push(field.label);
  }
  const form = currentForm();
  for (const text of record.texts) {
    const field = form?.fields[text.role];
    if (!field || !restoreText(field, text)) failed.push(field?.label ?? text.role);
  }
  return failed.length ? [{ key: 'ticket.undoPartial', vars: { fields: failed.join(', ') } }] : [{ key: 'ticket.undone' }];
}
