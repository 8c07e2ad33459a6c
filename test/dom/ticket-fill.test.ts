// @vitest-environment-options {"url": "https://account.otto.market/s/ticketanlegen"}
import { beforeEach, describe, expect, it } from 'vitest';
import { conflictingFields, fillForm, undoFill } from '../../lib/features/ticket/fill';
import { findTicketForm } from '../../lib/otto/ticket/fields';
import { loadFixture } from '../support/load-fixture';

/** Filling and undoing on the plain HTML form, without the assistant's UI. */

const value = (selector: string) => (document.querySelector(selector) as HTMLInputElement).value;
const wanted = { subject: 'Betreff X', description: 'Zeile 1\nZeile 2' };

describe('fill and undo without UI (plain HTML form)', () => {
  beforeEach(() => loadFixture('account/ticket-plain.html'));

  it('fills the fitting topic and both texts; undo puts back what was there', async () => {
    (document.querySelector('input[name="subject"]') as HTMLInputElement).value = 'Mein Betreff';
    const form = findTicketForm(document)!;
    expect(conflictingFields(form, wanted)).toEqual(['subject']);
    const { record, notes } = await fillForm(form, wanted, false);
    expect([value('select[name="topic"]'), value('input[name="subject"]'), value('textarea[name="message"]')]).toEqual(['golive', 'Betreff X', 'Zeile 1\nZeile 2']);
    expect(notes).toEqual([{ key: 'ticket.filled' }, { key: 'ticket.categorySet', vars: { label: 'Go-live / Freischaltung der Produkte' } }]);
    expect(record.choices).toEqual({ category: '' });
    expect(await undoFill(record)).toEqual([{ key: 'ticket.undone' }]);
    expect([value('select[name="topic"]'), value('input[name="subject"]'), value('textarea[name="message"]')]).toEqual(['', 'Mein Betreff', '']);
  });

  it('a topic chosen before is kept, and said so; an automatic fill says it was automatic', async () => {
    (document.querySelector('select[name="topic"]') as HTMLSelectElement).value = 'orders';
    const { notes } = await fillForm(findTicketForm(document)!, wanted, true);
    expect(value('select[name="topic"]')).toBe('orders');
    expect(notes).toEqual([{ key: 'ticket.filledAuto' }, { key: 'ticket.categoryKept' }]);
  });

  it('undo names the field it could not reset (the form lost its description meanwhile)', async () => {
    const { record } = await fillForm(findTicketForm(document)!, wanted, false);
    document.querySelector('textarea[name="message"]')!.replaceWith(document.createElement('div'));
    const notes = await undoFill(record);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.key).toBe('ticket.undoPartial');
  });
});
