/**
 * The go-live confirmation ticket: default texts, template validation and rendering.
 * Pure and free of libraries: used by the settings schema (background, options page) and by the
 * ticket assistant in the help center.
 *
 * Rules (spec, "The confirmation ticket"): `{name}` is required; only the known placeholders
 * `{name}`, `{company}`, `{partnerId}` exist; the literal "XY" (a common "fill in your name"
 * stand-in) never appears; a rendered text never contains an unfilled placeholder.
 */
export type TicketLang = 'de' | 'en';

export const PLACEHOLDERS = ['name', 'company', 'partnerId'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string>>;

export const MAX_TEMPLATE_LENGTH = 4000;
export const MAX_NAME_LENGTH = 120;

/** The built-in templates (`settings.template === null` means: the one of `settings.templateLang`). */
export const DEFAULT_TEMPLATES: Record<TicketLang, string> = {
  de: [
    'Liebes OTTO Team,',
    '',
    'ich würde gerne mit meinen Produkten live gehen und bestätige hiermit, dass ich die PDF-Datei "Shipment Request" gelesen und den Bestellprozess verstanden habe.',
    '',
    'Liebe Grüße',
    '{name}',
  ].join('\n'),
  en: [
    'Dear OTTO team,',
    '',
    'I would like to go live with my products and hereby confirm that I have read the PDF file "Shipment Request" and understood the order process.',
    '',
    'Kind regards',
    '{name}',
  ].join('\n'),
};

/** The ticket's subject line; company and partner id are added when the merchant set them. */
const SUBJECTS: Record<TicketLang, string> = {
  de: 'Bestätigung für den Livegang',
  en: 'Go-live confirmation',
};

export type TemplateProblem =
  | { code: 'empty' }
  | { code: 'too-long'; max: number }
  | { code: 'missing-name' }
  | { code: 'unknown-placeholder'; placeholder: string }
  | { code: 'stray-brace' }
  | { code: 'contains-xy' };

export type TemplateCheck = { ok: true } | { ok: false; problems: TemplateProblem[] };

/** "XY" as a word of its own (not inside e.g. "XYZ" or "OXY"). */
const XY = /(^|[^\p{L}\p{N}])XY(?![\p{L}\p{N}])/u;
/** Anything that looks like a placeholder: `{word}`, also with spaces or odd characters. */
const TOKEN = /\{([^{}\n]{0,40})\}/g;

/** Checks a template the merchant wrote (or the default). Reports every problem found. */
export function validateTemplate(template: string): TemplateCheck {
  const problems: TemplateProblem[] = [];
  if (!template.trim()) problems.push({ code: 'empty' });
  if (template.length > MAX_TEMPLATE_LENGTH) problems.push({ code: 'too-long', max: MAX_TEMPLATE_LENGTH });
  const seen = new Set<string>();
  let hasName = false;
  for (const m of template.matchAll(TOKEN)) {
    const inner = m[1] ?? '';
    if ((PLACEHOLDERS as readonly string[]).includes(inner)) {
      if (inner === 'name') hasName = true;
    } else if (!seen.has(inner)) {
      seen.add(inner);
      problems.push({ code: 'unknown-placeholder', placeholder: inner });
    }
  }
  if (template.trim() && !hasName) problems.push({ code: 'missing-name' });
  // Braces left after removing every placeholder-shaped token: "{name", "name}", "{{".
  if (/[{}]/.test(template.replace(TOKEN, ''))) problems.push({ code: 'stray-brace' });
  if (XY.test(template)) problems.push({ code: 'contains-xy' });
  return problems.length ? { ok: false, problems } : { ok: true };
}

export const isValidTemplate = (template: string): boolean => validateTemplate(template).ok;

/** The template in force: the merchant's own if valid, else the default of the chosen language. */
export function effectiveTemplate(template: string | null | undefined, lang: TicketLang): string {
  return template != null && isValidTemplate(template) ? template : DEFAULT_TEMPLATES[lang];
}

export type NameProblem = 'empty' | 'too-long' | 'xy' | 'braces';

/** A name we may sign with: not empty, not "XY", no braces, not overly long. */
export function checkName(raw: string | null | undefined): { ok: true; name: string } | { ok: false; problem: NameProblem } {
  const name = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!name) return { ok: false, problem: 'empty' };
  if (name.length > MAX_NAME_LENGTH) return { ok: false, problem: 'too-long' };
  if (XY.test(name) || /^x+\s*y+$/i.test(name)) return { ok: false, problem: 'xy' };
  if (/[{}]/.test(name)) return { ok: false, problem: 'braces' };
  return { ok: true, name };
}

export type RenderResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'invalid-template'; problems: TemplateProblem[] }
  | { ok: false; reason: 'missing-values'; missing: Placeholder[] };

/**
 * Fills the placeholders. Refuses (instead of leaving a gap) when the template is invalid or a
 * placeholder it uses has no value: the caller asks the merchant. Never returns text containing
 * a placeholder or "XY".
 */
export function renderTemplate(template: string, values: TemplateValues): RenderResult {
  const check = validateTemplate(template);
  if (!check.ok) return { ok: false, reason: 'invalid-template', problems: check.problems };
  const clean: TemplateValues = {};
  const missing: Placeholder[] = [];
  for (const p of PLACEHOLDERS) {
    const used = template.includes(`{${p}}`);
    if (!used) continue;
    const v = p === 'name' ? checkName(values.name) : checkValue(values[p]);
    if (v.ok) clean[p] = v.name;
    else missing.push(p);
  }
  if (missing.length) return { ok: false, reason: 'missing-values', missing };
  // One pass: a value that itself looks like "{company}" is not expanded again.
  const text = template
    .replace(TOKEN, (m, inner: string) => clean[inner as Placeholder] ?? m)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
  if (/\{[^{}\n]*\}/.test(text) || XY.test(text)) return { ok: false, reason: 'missing-values', missing: ['name'] };
  return { ok: true, text };
}

function checkValue(raw: string | undefined): { ok: true; name: string } | { ok: false } {
  const v = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!v || v.length > 160 || /[{}]/.test(v) || XY.test(v)) return { ok: false };
  return { ok: true, name: v };
}

/** The subject line, with company and partner id when known. */
export function renderSubject(lang: TicketLang, values: TemplateValues): string {
  const company = checkValue(values.company);
  const partner = checkValue(values.partnerId);
  let subject = SUBJECTS[lang];
  if (company.ok) subject += ` – ${company.name}`;
  if (partner.ok) subject += lang === 'de' ? ` (Partner-ID ${partner.name})` : ` (partner ID ${partner.name})`;
  return subject;
}

/**
 * Does a ticket text contain the confirmation? True when it holds the rendered text we inserted,
 * or the core of either default text (the merchant may have edited around it).
 */
export function containsConfirmation(text: string, inserted?: string | null): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const t = norm(text);
  if (!t) return false;
  if (inserted && t.includes(norm(inserted))) return true;
  return t.includes('shipment request') && /(bestätige|confirm)/.test(t);
}
