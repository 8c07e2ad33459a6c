import { autosteps } from './autosteps';
import { checklist, checklistHelp } from './checklist';
import { contact } from './contact';
import { deeplinks } from './deeplinks';
import { ticket } from './ticket';
import { switches } from './tables';
import type { FeatureSpec, SwitchableFeature } from './types';

/**
 * Every feature's declaration (lib/features/<id>/index.ts): the one list, plain imports so that
 * every context can read it (bundles, unit tests, the browser tests' Node side).
 * test/unit/features.test.ts fails when a folder's declarations are missing here; every other
 * table is computed from this list (lib/features/tables.ts; the UI chunks' code and strings at
 * build time, lib/build/feature-chunks.ts). Its order is the options' order of the switches.
 */
export const FEATURES: readonly FeatureSpec[] = [autosteps, checklist, checklistHelp, deeplinks, contact, ticket];

/** The options' switches in their order, with each default. */
export const SWITCHES = switches(FEATURES) as ReadonlyArray<{ id: SwitchableFeature; default: boolean }>;
