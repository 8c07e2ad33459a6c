import type { AnchorName } from '../otto/selectors';
import type { PageKind } from '../otto/pages';
import type { RecognitionCounts } from '../otto/recognise';
import type { Store } from '../content/store';
import type { Send } from '../messaging/protocol';
import type { AreaName } from '../i18n';

/**
 * Every feature, by id: each feature's `index.ts` adds itself here (`declare module '../types'`),
 * so the ids and the switches are typed from the declarations (lib/features/registry.ts).
 */
export interface Features {}

export type FeatureId = keyof Features & string;
/** Features with a switch in the options (`setting` in their declaration). */
export type SwitchableFeature = { [K in FeatureId]: Features[K] extends { setting: object } ? K : never }[FeatureId];

/**
 * A feature declares itself once, in lib/features/<id>/index.ts: where it runs and what it waits
 * for (read by the content-script entry), the strings area its UI uses and its switch. Its code
 * is `init<Id>` in lib/features/<id>/init.ts(x), built into the UI chunk of every page kind it
 * runs on (lib/content/chunks.ts groups page kinds into chunks), so the entry stays small.
 * Every table is derived from these declarations (lib/features/tables.ts).
 */
export interface FeatureSpec {
  /** The feature's folder in lib/features. */
  id: FeatureId;
  /** Pages the feature runs on (they decide its host and its chunks). */
  pages: readonly PageKind[];
  /** Anchors that must exist before `init` runs; the runner waits for them. */
  anchors: readonly AnchorName[];
  /** Runs in the tab's top page only, never in the portal's frames (one checklist per tab). */
  topOnly?: boolean;
  /** The strings area of its UI (lib/i18n/strings/<area>.ts), registered by its chunks. */
  strings?: AreaName;
  /** A switch in the options, on or off by default (the options list them in the registry's order). */
  setting?: { default: boolean };
}

export interface FeatureContext {
  /** Aborted when the page navigates away, the feature is switched off, or the extension is reloaded. */
  signal: AbortSignal;
  page: PageKind;
  url: URL;
  /** The anchors the feature declared, found on the page. */
  anchors: Partial<Record<AnchorName, Element>>;
  store: Store;
  send: Send;
  /** Record an anchor the feature looked for later (found or missing) for the diagnostics. */
  noteAnchor: (name: AnchorName, found: boolean) => void;
}

export type FeatureInit = (ctx: FeatureContext) => void | Promise<void>;
export type FeatureInits = Partial<Record<FeatureId, FeatureInit>>;

export type FeatureStatus = 'off' | 'waiting' | 'running' | 'missing-anchors' | 'failed';

export interface FeatureDiagnostics {
  status: FeatureStatus;
  anchors: Partial<Record<AnchorName, 'found' | 'missing'>>;
  /** Error class name only: messages could echo page content. */
  error?: string;
}

export interface Diagnostics {
  page: PageKind;
  features: Partial<Record<FeatureId, FeatureDiagnostics>>;
  /** What the site adapter recognises on the page now, in counts (absent before the page's UI chunk loaded). */
  recognition?: RecognitionCounts;
}

export const defineFeature = <const F extends FeatureSpec>(f: F): F => f;
