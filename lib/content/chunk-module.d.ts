/** Tables generated at build time from the features' declarations (tools/feature-chunks.ts). */

/** A UI chunk's tables. */
declare module 'virtual:lga-chunk/*' {
  /** The code of every feature that runs on the chunk's page kinds. */
  export const INITS: import('../features/types').FeatureInits;
  /** The string areas those features declare. */
  export const AREAS: import('../i18n').StringArea[];
}

/** What the content-script entries and the settings read: plain data. */
declare module 'virtual:lga-features' {
  type FeatureSpec = import('../features/types').FeatureSpec;
  /** Features of the Partner Connect content script (portal.otto.market). */
  export const PORTAL_FEATURES: readonly FeatureSpec[];
  /** Features of the help-center content script (account.otto.market). */
  export const HELP_FEATURES: readonly FeatureSpec[];
  /** The options' switches in their order, with each default. */
  export const SWITCHES: ReadonlyArray<{ id: import('../features/types').SwitchableFeature; default: boolean }>;
}
