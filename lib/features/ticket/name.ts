/**
 * Whose name signs the confirmation: the options' name, else the help center's user-menu name
 * once the merchant confirmed it, else what the merchant types. Pure: the caller passes what the
 * page and the merchant said.
 */
import type { NamePrompt } from '../../../components/TicketAssist';
import { checkName } from '../../ticket/template';

/** What decides the name, as the feature knows it right now. */
export interface NameInputs {
  /** The name in the options (may be empty or unusable). */
  fromSettings: string;
  /** The user-menu name the merchant confirmed, if any. */
  confirmed: string | null;
  /** The user-menu name on the page, or `null` (none, or not a name). */
  fromMenu: string | null;
  /** The merchant said the menu name is not theirs. */
  menuRejected: boolean;
  /** What the merchant typed into our name field. */
  draft: string;
}

const NOT_A_NAME = /^(men(ü|u)|profil|mein profil|my profile|konto|mein konto|my account|account|anmelden|abmelden|login|log in|logout|sign in|sign out|hilfe|help|gast|guest)$/i;

/** The user menu's text as a name, if it looks like one (not "Mein Konto", no digits, no e-mail). */
export function nameFromMenuText(raw: string): string | null {
  const checked = checkName(raw);
  if (!checked.ok) return null;
  const { name } = checked;
  if (name.length < 2 || name.length > 80 || /[\d@/\\<>]/.test(name) || NOT_A_NAME.test(name)) return null;
  return name;
}

/** What our UI asks about the name: nothing, "is this you?", or "please type it". */
export function namePrompt(inputs: NameInputs): NamePrompt {
  if (checkName(inputs.fromSettings).ok || inputs.confirmed) return { status: 'ok' };
  const menu = inputs.menuRejected ? null : inputs.fromMenu;
  if (menu) return { status: 'confirm-menu', menuName: menu };
  return { status: 'ask', draft: inputs.draft, invalid: inputs.draft.trim() !== '' && !checkName(inputs.draft).ok };
}

/** The name to sign with, or `null` while it is not settled (nothing is inserted then). */
export function nameToSign(inputs: NameInputs): string | null {
  const fromSettings = checkName(inputs.fromSettings);
  if (fromSettings.ok) return fromSettings.name;
  if (inputs.confirmed) return inputs.confirmed;
  if (namePrompt(inputs).status === 'ask') {
    const typed = checkName(inputs.draft);
    if (typed.ok) return typed.name;
  }
  return null;
}
