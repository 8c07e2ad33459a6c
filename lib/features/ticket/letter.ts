/** The confirmation as it would be inserted, from the settings and the settled name. Pure. */
import type { Settings } from '../../settings/defaults';
import { effectiveTemplate, isValidTemplate, renderSubject, renderTemplate, type Placeholder } from '../../ticket/template';

export interface Letter {
  subject: string;
  /** The text to insert; `null` while something it needs is missing (nothing is inserted then). */
  body: string | null;
  /** What the merchant sees: the body, with `namePlaceholder` where the name is still missing. */
  preview: string;
  /** Optional placeholders the template uses but the options leave empty. */
  missingOptional: Placeholder[];
  /** The options hold a template that is not valid (the default is used). */
  templateInvalid: boolean;
}

export function composeLetter(settings: Settings, name: string | null, namePlaceholder: string): Letter {
  const lang = settings.templateLang;
  const template = effectiveTemplate(settings.template, lang);
  const values = { name: name ?? '', company: settings.company, partnerId: settings.partnerId };
  const rendered = renderTemplate(template, values);
  const preview = renderTemplate(template, { ...values, name: name ?? namePlaceholder });
  const missing: Placeholder[] = !rendered.ok && rendered.reason === 'missing-values' ? rendered.missing : [];
  return {
    subject: renderSubject(lang, values),
    body: rendered.ok ? rendered.text : null,
    preview: preview.ok ? preview.text : template,
    missingOptional: missing.filter((m) => m !== 'name'),
    templateInvalid: settings.template != null && !isValidTemplate(settings.template),
  };
}
