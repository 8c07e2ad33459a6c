import * as z from 'zod/mini';

import { isValidTemplate } from '../ticket/template';
import { isPlaceholderDomain, isRelayDomain, parseEmail } from '../contact/email';
import { MAX_CUSTOM_SITES, normaliseOrigin, SITE_SERVICE_IDS } from '../sites/catalog';
import { defaultSettings, LANGUAGE_PREFS, SWITCHABLE_FEATURES, type Settings, type SwitchableFeature } from './defaults';

const shortText = (max: number) => z.string().check(z.maxLength(max));
const FeaturesSchema = () =>
  z.object(Object.fromEntries(SWITCHABLE_FEATURES.map((f) => [f, z.boolean()])) as Record<SwitchableFeature, z.ZodMiniBoolean>);

export const SettingsSchema = z.object({
  version: z.literal(1),
  language: z.enum(LANGUAGE_PREFS),
  name: shortText(120),
  company: shortText(160),
  partnerId: shortText(40),
  /** `null` = the built-in default template of the chosen ticket language. */
  template: z.nullable(z.string().check(z.maxLength(4000), z.refine(isValidTemplate, { message: 'invalid ticket template' }))),
  templateLang: z.enum(['de', 'en']),
  features: FeaturesSchema(),
  hideChecklistWhenLive: z.boolean(),
  checklistCollapsed: z.boolean(),
  checklistExpanded: z.boolean(),
  // --- Opt-in sites (lib/sites) ---
  senderAddress: z.string().check(z.maxLength(254), z.refine(isSenderAddress, { message: 'invalid sender address' })),
  siteServices: z.array(z.enum(SITE_SERVICE_IDS)).check(z.maxLength(SITE_SERVICE_IDS.length), z.refine(unique, { message: 'duplicate site' })),
  siteOrigins: z
    .array(z.string().check(z.maxLength(300), z.refine((o) => normaliseOrigin(o) === o, { message: 'invalid site' })))
    .check(z.maxLength(MAX_CUSTOM_SITES), z.refine(unique, { message: 'duplicate site' })),
});

/** '' (not given) or one plain address that is neither a relay nor a placeholder address. */
export function isSenderAddress(value: string): boolean {
  if (value === '') return true;
  const e = parseEmail(value);
  return !!e && e.address === value.toLowerCase() && !isRelayDomain(e.domain) && !isPlaceholderDomain(e.domain);
}
/**
 * Fields added after settings were first stored (the compact checklist, the opt-in sites): absent
 * in stored settings and older exports, they take their defaults; that is no problem to report.
 */
const LATER_FIELDS = ['checklistExpanded', 'senderAddress', 'siteServices', 'siteOrigins'] as const satisfies readonly (keyof Settings)[];
export function withLaterFields(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const defaults = defaultSettings();
  return { ...Object.fromEntries(LATER_FIELDS.map((k) => [k, defaults[k]])), ...(raw as object) };
}
function unique(list: readonly string[]): boolean {
  return new Set(list).size === list.length;
}
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<z.infer<typeof SettingsSchema>, Settings> = true;
void _sameShape;

/**
 * Reads stored settings field by field: a broken field falls back to its default and the rest
 * survives. `problem` is set when anything had to be replaced.
 */
export function loadSettings(stored: unknown): { settings: Settings; problem: boolean } {
  const defaults = defaultSettings();
  if (stored === undefined) return { settings: defaults, problem: false };
  const raw = withLaterFields(stored);
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, problem: false };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { settings: defaults, problem: true };
  const merged: Record<string, unknown> = { ...defaults };
  const src = raw as Record<string, unknown>;
  for (const key of Object.keys(defaults) as Array<keyof Settings>) {
    if (key === 'features') {
      const f = src.features && typeof src.features === 'object' ? (src.features as Record<string, unknown>) : {};
      merged.features = Object.fromEntries(
        SWITCHABLE_FEATURES.map((id) => [id, typeof f[id] === 'boolean' ? f[id] : defaults.features[id]]),
      );
      continue;
    }
    const candidate = { ...defaults, [key]: src[key] };
    if (src[key] !== undefined && SettingsSchema.safeParse(candidate).success) merged[key] = src[key];
  }
  const settled = SettingsSchema.safeParse(merged);
  return { settings: settled.success ? settled.data : defaults, problem: true };
}

/** A partial update sent to the background; validated against the same schema after merging. */
export const SettingsPatchSchema = z.extend(z.partial(z.omit(SettingsSchema, { version: true, features: true })), {
  features: z.optional(z.partial(FeaturesSchema())),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
