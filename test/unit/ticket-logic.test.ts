import { describe, expect, it } from 'vitest';
import { nameFromMenuText, namePrompt, nameToSign, type NameInputs } from '../../lib/features/ticket/name';
import { choiceNotes } from '../../lib/features/ticket/fill';
import { composeLetter } from '../../lib/features/ticket/letter';
import { defaultSettings } from '../../lib/settings/defaults';
import { BODY, NAME, SUBJECT } from '../support/ticket-text';

/** The ticket assistant's decisions without any UI or page: whose name signs, what is said after a fill. */

const nobody: NameInputs = { fromSettings: '', confirmed: null, fromMenu: null, menuRejected: false, draft: '' };

describe('the name that signs the confirmation', () => {
  it('the options win; then a confirmed menu name; then what the merchant typed', () => {
    expect(nameToSign({ ...nobody, fromSettings: NAME, confirmed: 'Erika Muster', draft: 'Typed Name' })).toBe(NAME);
    expect(nameToSign({ ...nobody, confirmed: 'Erika Muster', draft: 'Typed Name' })).toBe('Erika Muster');
    expect(nameToSign({ ...nobody, draft: '  Typed   Name ' })).toBe('Typed Name');
  });

  it('no name is settled while the menu name waits for confirmation, or the typed one is unusable', () => {
    expect(nameToSign({ ...nobody, fromMenu: 'Erika Muster', draft: 'Typed Name' })).toBeNull();
    expect(nameToSign({ ...nobody, draft: 'XY' })).toBeNull();
    expect(nameToSign(nobody)).toBeNull();
  });

  it('asks: nothing with a usable name, "is this you?" with a menu name, else for typing (invalid flagged)', () => {
    expect(namePrompt({ ...nobody, fromSettings: NAME })).toEqual({ status: 'ok' });
    expect(namePrompt({ ...nobody, fromMenu: 'Erika Muster' })).toEqual({ status: 'confirm-menu', menuName: 'Erika Muster' });
    expect(namePrompt({ ...nobody, fromMenu: 'Erika Muster', menuRejected: true, draft: '{x}' })).toEqual({ status: 'ask', draft: '{x}', invalid: true });
    expect(namePrompt({ ...nobody, draft: '' })).toEqual({ status: 'ask', draft: '', invalid: false });
  });

  it.each([
    ['Erika Muster', 'Erika Muster'],
    ['Mein Konto', null],
    ['Login', null],
    ['erika@example.com', null],
    ['Nutzer 42', null],
    ['E', null],
    ['', null],
  ])('the user menu text %j reads as the name %j', (text, name) => {
    expect(nameFromMenuText(text)).toBe(name);
  });
});

describe('what the merchant is told after a fill', () => {
  it('category chosen, sub-category without fit: both said', () => {
    expect(choiceNotes({ outcome: 'set', label: 'Livegang' }, { outcome: 'no-fit' })).toEqual([
      { key: 'ticket.categorySet', vars: { label: 'Livegang' } },
      { key: 'ticket.subcategoryNoFit' },
    ]);
  });
  it('a kept category says so; no sub-category field says nothing about it', () => {
    expect(choiceNotes({ outcome: 'kept' }, { outcome: 'absent' })).toEqual([{ key: 'ticket.categoryKept' }]);
  });
  it('a sub-category without fit is not mentioned when the category was not set by us', () => {
    expect(choiceNotes({ outcome: 'no-fit' }, { outcome: 'no-fit' })).toEqual([{ key: 'ticket.categoryNoFit' }]);
  });
  it('a choice that did not take is reported once per field', () => {
    expect(choiceNotes({ outcome: 'failed' }, { outcome: 'failed' })).toEqual([{ key: 'ticket.categoryFailed' }, { key: 'ticket.categoryFailed' }]);
  });
});

describe('the letter', () => {
  it('with a name: subject and body as the spec has them', () => {
    const letter = composeLetter(defaultSettings(), NAME, '[Name]');
    expect(letter).toMatchObject({ subject: SUBJECT, body: BODY(NAME), preview: BODY(NAME), missingOptional: [], templateInvalid: false });
  });
  it('without a name: nothing to insert, the preview shows the marker', () => {
    const letter = composeLetter(defaultSettings(), null, '[Name]');
    expect(letter.body).toBeNull();
    expect(letter.preview).toBe(BODY('[Name]'));
  });
  it('a template using {company} with no company in the options: nothing to insert, and it says which', () => {
    const letter = composeLetter({ ...defaultSettings(), template: 'Hallo,\n{company}\n{name}' }, NAME, '[Name]');
    expect(letter.body).toBeNull();
    expect(letter.missingOptional).toEqual(['company']);
  });
});
