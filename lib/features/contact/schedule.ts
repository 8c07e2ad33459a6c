import { observeTree } from '../../otto/observe';
import { insideOwnUi, ownHosts } from '../../otto/query';

/** Minimum pause between two scans; longer when the page keeps changing. */
const MIN_GAP_MS = 80;
const BUSY_GAP_MS = 800;

export interface ScanOptions {
  signal: AbortSignal;
  /** Also watch form fields' typing (`input` events do not show up as mutations). */
  input?: boolean;
  /** Only changes this accepts make a scan (a cheap look at what changed before the whole page is looked at). */
  filter?: (change: MutationRecord[] | Event) => boolean;
  /** Watch open shadow roots, also those attached later (default true; a timer looks for new ones). */
  shadowRoots?: boolean;
}

/**
 * Runs `scan` now and again after the page changes: batched, throttled (more when the page keeps
 * changing), ignoring our own hosts, through the page's open shadow roots. A failing scan is
 * reported by its error class only, never with page content. Returns "scan soon".
 */
export function scanOnChanges(doc: Document, scan: () => void, opts: ScanOptions): () => void {
  const { signal } = opts;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let lastScan = 0;
  let recent: number[] = [];
  const run = () => {
    pending = undefined;
    const now = Date.now();
    lastScan = now;
    recent = recent.filter((t) => now - t < 2000);
    recent.push(now);
    try {
      if (!signal.aborted) scan();
    } catch (error) {
      console.warn('[livegang-assistent] contact: scan failed:', error instanceof Error ? error.name : 'error');
    }
  };
  const schedule = () => {
    if (pending || signal.aborted) return;
    const gap = recent.length > 20 ? BUSY_GAP_MS : MIN_GAP_MS;
    pending = setTimeout(run, Math.max(0, lastScan + gap - Date.now()));
  };
  const relevant = (records: MutationRecord[]) =>
    records.some((r) => {
      if (insideOwnUi(r.target)) return false;
      if (r.type !== 'childList') return true;
      // Our own hosts arriving is no news; anything else (including our host being removed) is.
      return r.removedNodes.length > 0 || Array.from(r.addedNodes).some((n) => !(n instanceof Element && ownHosts.has(n)));
    });
  const accept = opts.filter ?? (() => true);
  observeTree(doc.body ?? doc.documentElement, (records) => {
    if (relevant(records) && accept(records)) schedule();
  }, { signal, characterData: true, shadowRoots: opts.shadowRoots ?? true });
  if (opts.input) doc.addEventListener('input', (e) => accept(e) && schedule(), { capture: true, passive: true, signal });
  signal.addEventListener('abort', () => clearTimeout(pending), { once: true });
  run();
  return schedule;
}
