/** A UI chunk's tables, generated at build time from the features' declarations (lib/build/feature-chunks.ts). */
declare module 'virtual:lga-chunk/*' {
  /** The code of every feature that runs on the chunk's page kinds. */
  export const INITS: import('../features/types').FeatureInits;
  /** The string areas those features declare. */
  export const AREAS: import('../i18n').StringArea[];
}

