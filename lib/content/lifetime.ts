import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { openShadowRoots, ownHosts } from '../otto/query';

/**
 * How long this copy of our content script stays live in the page ("am I the live copy?").
 *
 * WXT aborts its `ctx.signal` when any script dispatches its "content script started" event on the
 * document with a plausible `detail`. The event's name is derived from the extension id, which is
 * public, and a page's CustomEvent is indistinguishable from ours in the isolated world (both are
 * untrusted, `detail` crosses the worlds). So a page could switch us off with one line. We do not
 * use that signal: a copy ends only when the extension that injected it is gone (reloaded, updated,
 * disabled, removed), which a page cannot cause or fake: in our isolated world `runtime.id`
 * disappears exactly then. The "started" event (and any other cue) merely makes us check now, so a
 * genuinely newer copy injected after a reload still replaces the orphaned one before it draws.
 * Two live copies of one extension do not meet in a page: the browser injects the manifest's
 * content scripts once per document, and we never inject them ourselves.
 */
export interface LifetimeOptions {
  /** True once this copy is orphaned. Default: the extension's `runtime.id` is gone. */
  orphaned?: () => boolean;
  /** How often to check without a cue (ms). */
  interval?: number;
  /**
   * Event types on `document` that make us check at once; their content is never trusted.
   * Default: WXT's "content script started" event (a newer copy, or a page pretending to be one).
   */
  cues?: readonly string[];
}

/** Default orphan test: our extension context is gone (`runtime.id` unavailable). */
export function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/** The name of WXT's "content script started" event for this entry (typed private in WXT). */
function wxtStartedEvent(): string[] {
  const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown }).SCRIPT_STARTED_MESSAGE_TYPE;
  return typeof name === 'string' ? [name] : [];
}

/** Our host elements (lib/ui/mount.ts `HostTag`). */
const HOSTS = 'lga-checklist, lga-deeplink, lga-contact-warning, lga-contact-rules, lga-ticket-assist, lga-sender-warning';

/**
 * Removes the UI a previous copy left behind. Firefox ends an extension's content scripts at once
 * when the extension is reloaded, updated or disabled: their code never runs again, so they cannot
 * clean up, and the copy Firefox then injects into the open tab would show everything twice. At
 * start no host is ours yet, so every host of our names with a shadow root is a leftover (the
 * page's own elements that merely use our names have none and stay). Looked for in the page's
 * shadow roots too, but only when the document itself holds a leftover (a one-element query on
 * every start; the checklist or its launcher sits in the document on every page that has our UI).
 */
export function removeLeftovers(doc: Document = document): number {
  const leftover = (el: Element) => !!el.shadowRoot && !ownHosts.has(el);
  if (!Array.from(doc.querySelectorAll(HOSTS)).some(leftover)) return 0;
  let removed = 0;
  for (const root of [doc, ...openShadowRoots(doc)]) {
    for (const el of Array.from(root.querySelectorAll(HOSTS))) {
      if (!leftover(el)) continue;
      el.remove();
      removed++;
    }
  }
  return removed;
}

/**
 * Starts this copy's lifetime (after clearing what a dead copy left); the returned signal aborts
 * once, when this copy is orphaned.
 */
export function startLifetime(opts: LifetimeOptions = {}): AbortSignal {
  removeLeftovers();
  const orphaned = opts.orphaned ?? extensionGone;
  const ctl = new AbortController();
  const check = () => {
    if (!ctl.signal.aborted && orphaned()) ctl.abort('orphaned');
  };
  const timer = setInterval(check, opts.interval ?? 1000);
  for (const type of opts.cues ?? wxtStartedEvent()) document.addEventListener(type, check, { capture: true, signal: ctl.signal });
  ctl.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return ctl.signal;
}
