/** After the merchant sends the ticket form: what a send control is, and what success looks like. */
import { deepQueryAll, deepText } from '../query';
import { TICKET_FORM_SELECTORS } from '../anchors/ticket';

const SUCCESS_TEXT = /erfolgreich|wurde (erstellt|angelegt|übermittelt|gesendet|versendet|eingereicht)|vielen dank|danke für|success|created|submitted|thank you/i;
const ERROR_TEXT = /fehler|error|pflicht|required|ungültig|invalid|nicht (erstellt|gesendet|möglich)|fehlgeschlagen|failed|bitte (füllen|geben|wählen)/i;

/** Texts of success notices currently on the page (toasts, status regions). */
export function successMessages(root: Document | Element = document): string[] {
  return deepQueryAll(root, TICKET_FORM_SELECTORS.notices)
    .map((el) => deepText(el, 300))
    .filter((text) => SUCCESS_TEXT.test(text) && !ERROR_TEXT.test(text));
}

/** The page of a created case: `/s/case/<id>…`, `/s/detail/500…`, `/s/ticket/<id>`. */
export function isCreatedCaseUrl(href: string, helpOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.origin !== helpOrigin) return false;
  return /^\/s\/(case|cases|ticket|tickets|detail|meine-tickets)\/(500[a-z0-9]{12}([a-z0-9]{3})?)(\/|$)/i.test(url.pathname);
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
