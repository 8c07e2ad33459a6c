import { isOwnHost } from './query';

/** Frames a read waits at most for a page that keeps changing itself (then it reads anyway). */
export const MAX_WAITS = 8;

export interface PaintedRead {
  /** Reads after the next painted frame (once, however often it is asked for before that). */
  schedule: () => void;
  /** Drops a scheduled read. */
  cancel: () => void;
}

/** A record about our own UI only (a host we added, moved or changed): it does not move the page's layout. */
const aboutOurUi = (r: MutationRecord) =>
  (r.target.nodeType === 1 && isOwnHost(r.target as Element)) ||
  (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeType === 1 && isOwnHost(n as Element)));

/**
 * Reads the page's layout (positions, sizes) where that costs no layout of its own: in a task
 * queued from requestAnimationFrame, which runs after the frame's layout and paint. Unless a task
 * of the page ran first (a timer of a busy app) and changed the document: its change is not laid
 * out yet, and reading now would force that layout at once — for a 2,000-row table 15–20 ms, and
 * again in the next frame when the page changes more (issue #16, measured in the bench's traces).
 * A MutationObserver on the document that lives only from the frame to the task tells; the read
 * then waits for the next frame, at most `MAX_WAITS` frames (a page that changes itself every
 * frame is still read). Changes to our own hosts do not count (the frame laid them out).
 *
 * A MutationObserver on the document sees nothing inside shadow roots: `roots` names the shadow
 * roots where the page's changes matter to this read (the one the list lives in, those inside its
 * rows; `shadowRootsAround`), asked for at each frame and observed alongside the document.
 */
export function paintedRead(read: () => void, signal: AbortSignal, roots?: () => Iterable<Node>): PaintedRead {
  let frame = 0;
  let task: ReturnType<typeof setTimeout> | undefined;
  let waits = 0;
  let watching = false;
  let changed = false;
  const note = (records: MutationRecord[]) => {
    if (!changed && !records.every(aboutOurUi)) changed = true;
  };
  // One observer per read, connected only from the frame to the task.
  const watcher = new MutationObserver(note);
  const unwatch = () => {
    if (!watching) return;
    watching = false;
    note(watcher.takeRecords());
    watcher.disconnect();
  };
  const cancel = () => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
    frame = 0;
    task = undefined;
    waits = 0;
    unwatch();
  };
  const schedule = () => {
    if (frame || task !== undefined || signal.aborted) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      changed = false;
      watching = true;
      const all = { subtree: true, childList: true, attributes: true, characterData: true };
      watcher.observe(document, all);
      if (roots) for (const root of roots()) if (root !== document) watcher.observe(root, all);
      task = setTimeout(() => {
        task = undefined;
        unwatch();
        if (signal.aborted) return;
        if (changed && waits < MAX_WAITS) {
          waits++;
          return schedule();
        }
        waits = 0;
        read();
      });
    });
  };
  signal.addEventListener('abort', cancel, { once: true });
  return { schedule, cancel };
}

/**
 * The shadow roots around `nodes` (each one's root node, that root's host's root node, … up to the
 * document): where a change by the page can move them without the document's observer hearing it.
 */
export function shadowRootsAround(nodes: Iterable<Node>): Set<ShadowRoot> {
  const out = new Set<ShadowRoot>();
  for (const node of nodes) {
    for (let root = node.getRootNode(); root instanceof ShadowRoot && !out.has(root); root = root.host.getRootNode()) out.add(root);
  }
  return out;
}
