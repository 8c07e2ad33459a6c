/** The UI chunks: one per host, built from entrypoints/<host>-ui.ts. */
export const CHUNKS = {
  portal: { file: '/portal-ui.js', global: '__lgaPortalUi' },
  help: { file: '/help-ui.js', global: '__lgaHelpUi' },
} as const;

