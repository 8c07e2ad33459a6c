import type { AnchorSpec } from '../selectors';

/** Anchors every page kind may use: login marker, loading indicator, article body. */
export const CORE_ANCHORS = {
  /** A logged-in OPC page: the sign-out link or a user menu. */
  portalLoggedIn: {
    selectors: ['a[href="/oauth2/sign_out"]', 'a[href$="/oauth2/sign_out"]', 'a[href*="sign_out"]', 'a[href*="logout"]'],
  },
  /** Loading indicator while the list renders. */
  spinner: {
    selectors: ['.obc_spinner', '[role="progressbar"]', '[aria-busy="true"]'],
  },
  /** The page's main heading ("Produktübersicht"): where the checklist docks on the overview before the list is recognised. */
  pageHeading: {
    selectors: ['main h1', '[role="main"] h1', 'h1', '[role="heading"][aria-level="1"]'],
  },
  /** The page's main content area (landmark), the last place to dock the checklist above the content. */
  pageMain: {
    selectors: ['main', '[role="main"]'],
  },
  /** Help-center article body (Salesforce Experience Cloud). */
  articleBody: {
    selectors: ['article', '.slds-rich-text-editor__output', '[data-region-name="content"]', 'main'],
  },
} as const satisfies Record<string, AnchorSpec>;
