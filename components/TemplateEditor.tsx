import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import { DEFAULT_TEMPLATES, renderTemplate, validateTemplate, type TemplateProblem, type TemplateValues, type TicketLang } from '../lib/ticket/template';

export interface TemplateEditorProps {
  /** The stored template; `null` = the default of `lang`. */
  template: string | null;
  lang: TicketLang;
  values: TemplateValues;
  t: Translate;
  onSave: (template: string | null, lang: TicketLang) => void;
}

/** Ticket template: language, text, placeholder validation, live preview, reset to default. */
export function TemplateEditor({ template, lang, values, t, onSave }: TemplateEditorProps) {
  const [draft, setDraft] = useState(template ?? DEFAULT_TEMPLATES[lang]);
  useEffect(() => setDraft(template ?? DEFAULT_TEMPLATES[lang]), [template, lang]);
  const check = validateTemplate(draft);
  const problems = check.ok ? [] : check.problems;
  // The preview shows "[Ihr Name]" etc. where the options do not (yet) hold a value.
  const previewValues: TemplateValues = {
    name: values.name || t('options.template.namePlaceholder'),
    company: values.company || t('options.template.companyPlaceholder'),
    partnerId: values.partnerId || t('options.template.partnerIdPlaceholder'),
  };
  const preview = renderTemplate(draft, previewValues);
  const isDefault = template === null && draft === DEFAULT_TEMPLATES[lang];
  const save = () => {
    if (!check.ok) return;
    onSave(draft === DEFAULT_TEMPLATES[lang] ? null : draft, lang);
  };
  return (
    <div class="template">
      <div class="field">
        <label for="opt-template-lang">{t('options.template.lang')}</label>
        <select
          id="opt-template-lang"
          name="templateLang"
          value={lang}
          onChange={(e) => {
            const next = (e.currentTarget as HTMLSelectElement).value as TicketLang;
            // A default template follows the language; an own template stays as written.
            onSave(template, next);
          }}
        >
          <option value="de">{t('options.language.de')}</option>
          <option value="en">{t('options.language.en')}</option>
        </select>
      </div>
      <div class="field">
        <label for="opt-template">{t('options.template')}</label>
        <textarea
          id="opt-template"
          name="template"
          rows={8}
          maxLength={4000}
          value={draft}
          aria-invalid={problems.length ? 'true' : 'false'}
          aria-describedby="opt-template-hint opt-template-problems"
          onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
          onBlur={save}
        />
        <p class="hint" id="opt-template-hint">
          {t('options.template.hint')}
        </p>
        <ul id="opt-template-problems" class="problems" aria-live="polite">
          {problems.map((p) => (
            <li key={p.code}>{problemText(p, t)}</li>
          ))}
        </ul>
      </div>
      <div class="row">
        <button type="button" disabled={!check.ok} onClick={save}>
          {t('options.template.save')}
        </button>
        <button type="button" disabled={isDefault} onClick={() => onSave(null, lang)}>
          {t('options.template.reset')}
        </button>
      </div>
      <h3 class="preview-h" id="opt-template-preview-h">
        {t('options.template.preview')}
      </h3>
      <pre class="preview" aria-labelledby="opt-template-preview-h" data-preview="">
        {preview.ok ? preview.text : t('options.template.noPreview')}
      </pre>
    </div>
  );
}

function problemText(p: TemplateProblem, t: Translate): string {
  switch (p.code) {
    case 'empty':
      return t('options.template.problem.empty');
    case 'too-long':
      return t('options.template.problem.too-long', { count: p.max });
    case 'missing-name':
      return t('options.template.problem.missing-name');
    case 'unknown-placeholder':
      return t('options.template.problem.unknown-placeholder', { placeholder: `{${p.placeholder}}` });
    case 'stray-brace':
      return t('options.template.problem.stray-brace');
    case 'contains-xy':
      return t('options.template.problem.contains-xy');
  }
}

export const TEMPLATE_CSS = `
.template textarea { width: 100%; font: 13px/1.45 ui-monospace, monospace; }
.problems { color: var(--lga-accent); margin: 4px 0; padding-left: 18px; font-weight: 600; }
.problems:empty { display: none; }
.preview-h { font-size: 14px; margin: 12px 0 4px; }
.preview { white-space: pre-wrap; background: var(--lga-warn-bg); color: var(--lga-warn-fg); border-radius: 6px; padding: 8px 10px; font: 13px/1.45 system-ui, sans-serif; margin: 0; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
`;
