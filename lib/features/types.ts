import type { AnchorName } from '../otto/selectors';
import type { PageKind } from '../otto/pages';
import type { RecognitionCounts } from '../otto/recognise';
import type { SwitchableFeature } from '../settings/defaults';
import type { Store } from '../content/store';
import type { Send } from '../messaging/protocol';

export type FeatureId = SwitchableFeature | 'autosteps';

/**
 * What the content-script entry knows of a feature: where it runs and what it waits for.
 * Its code (`FeatureInit`) lives in the lazily imported UI chunk of its pages
 * (lib/features/portal-products.ts, portal-orders.ts, help-ui.ts), so the entry stays small.
 */
export interface FeatureSpec {
  id: FeatureId;
  /** Pages the feature runs on. */
  pages: readonly PageKind[];
  /** Anchors that must exist before `init` runs; the runner waits for them. */
  anchors: readonly AnchorName[];
  /** Runs in the tab's top page only, never in the portal's frames (one checklist per tab). */
  topOnly?: boolean;
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

export const defineFeature = (f: FeatureSpec): FeatureSpec => f;
