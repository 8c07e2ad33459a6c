import * as z from 'zod/mini';
import { OnboardingStateSchema, migrate } from '../onboarding/schema';
import type { OnboardingState } from '../onboarding/state';
import { SettingsSchema, withLaterFields } from '../settings/schema';
import type { Settings } from '../settings/defaults';
import { validEntries, type QuarantineEntry } from './quarantine';

export const EXPORT_FORMAT = 'livegang-assistent';

const ExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  exportedAt: z.optional(z.number()),
  onboarding: z.unknown(),
  settings: SettingsSchema,
  /** Kept-aside values; imported entries that are not well-formed are left out. */
  quarantine: z.optional(z.unknown()),
});

export function buildExport(all: { state: OnboardingState; settings: Settings }, quarantine: QuarantineEntry[], now: number) {
  return { format: EXPORT_FORMAT, exportedAt: now, onboarding: all.state, settings: all.settings, quarantine };
}

/** The JSON file "export" writes and "import" reads back. */
export type ExportFile = ReturnType<typeof buildExport>;

export type ImportResult = { ok: true; state: OnboardingState; settings: Settings; quarantine: QuarantineEntry[] } | { ok: false; reason: string };

/** Validates an imported file. On any problem nothing is applied and the reason says where. */
export function parseImport(data: unknown): ImportResult {
  // An export made before the opt-in sites existed imports with their defaults.
  const outer = ExportSchema.safeParse(data && typeof data === 'object' ? { ...data, settings: withLaterFields((data as { settings?: unknown }).settings) } : data);
  if (!outer.success) return { ok: false, reason: describe(outer.error) };
  const state = OnboardingStateSchema.safeParse(migrate(outer.data.onboarding));
  if (!state.success) return { ok: false, reason: `onboarding: ${describe(state.error)}` };
  // The copies come back too (their notices were seen before the export).
  const quarantine = validEntries(outer.data.quarantine).map((e) => ({ ...e, seen: true }));
  return { ok: true, state: state.data, settings: outer.data.settings, quarantine };
}

function describe(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const where = first.path.map(String).join('.') || '(root)';
  return `${where}: ${first.code}`;
}
