/** Keys in `browser.storage.local`. Only the background worker writes them. */
export const KEYS = {
  onboarding: 'onboarding',
  settings: 'settings',
  /** Stored values that could not be read, kept aside for export; `{ at, key, problem, raw }[]`. */
  quarantine: 'quarantine',
  /** One-shot "fill the ticket form" request; lives in storage.session. */
  ticketRequest: 'ticketRequest',
} as const;
