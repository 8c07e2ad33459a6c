/** How long the deeplinks wait for the list or title before reporting it missing (it may still come). */
export const ANCHOR_TIMEOUT = 10_000;
