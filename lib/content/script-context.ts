/**
 * What WXT's content-script wrapper constructs and hands to `main` in our content-script builds:
 * wxt.config.ts points `wxt/utils/content-script-context` here for them. Our entries' `main` takes
 * no context (a copy lives as long as lib/content/lifetime.ts says, not as long as WXT's
 * `ctx.signal`, which a page can abort with one forged event), so WXT's class was dead weight in
 * every OTTO page: 3 kB of the entry (with its location watcher and logger), a random id, an
 * AbortController and listeners on each page load (issue #16). This stand-in does the one thing
 * that is still wanted: it announces a newly started copy on the document, so that an orphaned
 * older copy checks at once whether it is gone (lifetime.ts listens for this event and trusts
 * nothing in it).
 */

/** Dispatched on `document` when one of our content scripts starts. Its content means nothing. */
export const STARTED_EVENT = 'lga:content-script-started';

export class ContentScriptContext {
  constructor() {
    document.dispatchEvent(new Event(STARTED_EVENT));
  }
}
