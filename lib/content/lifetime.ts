import { browser } from 'wxt/browser';
import { STARTED_EVENT } from './script-context';
import { openShadowRoots, ownHosts } from '../otto/query';

/**
 * How long this copy of our content script stays live in the page ("am I the live copy?").
 *
 * WXT's own context aborts its `ctx.signal` when any script dispatches its "content script
 * started" event on the document with a plausible `detail`; the name derives from the public
 * extension id, and a page's CustomEvent is indistinguishable from ours in the isolated world. So
 * a page could switch us off with one line. Our builds do not carry that context at all
 * (script-context.ts stands in for it): a copy ends only when the extension that injected it is
 * gone (reloaded, updated, disabled, removed), which a page cannot cause or fake: in our isolated
 * world `runtime.id` disappears exactly then. Our "started" event (script-context.ts) and any
 * other cue merely make us check now, so a genuinely newer copy injected after a reload still
 * replaces the orphaned one before it draws.
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
   * Default: our "content script started" event (a newer copy, or a page pretending to be one).
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
  for (const type of opts.cues ?? [STARTED_EVENT]) document.addEventListener(type, check, { capture: true, signal: ctl.signal });
  ctl.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return ctl.signal;
}
