import type { EvidenceCode } from '../../onboarding/steps';
import type { FeatureContext } from '../types';

export type Report = (code: EvidenceCode, count?: number) => void;

export interface EvidenceBatch {
  report: Report;
  /** The page's first reading is done: what is queued goes out now (later reports batch per frame). */
  release: () => void;
}

/** How long the first message waits for the list's first reading at most (a list that never shows). */
export const FIRST_READING_CAP_MS = 3000;

/**
 * Evidence of one page view in one message (issue 16): on the overview's first visit "logged in"
 * waits for the list's first reading, so it and "products with stock" and "products online" go
 * out as one message, one storage write and one re-render of the checklist instead of two or
 * three. After that first message, what is reported within one frame goes out together.
 */
export function evidenceBatch({ send, signal }: Pick<FeatureContext, 'send' | 'signal'>, capMs = FIRST_READING_CAP_MS): EvidenceBatch {
  let items: Array<{ code: EvidenceCode; count?: number }> = [];
  let held = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let cap: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const [first, ...also] = items;
    items = [];
    if (!first || signal.aborted) return;
    void send(also.length ? { type: 'evidence', ...first, also } : { type: 'evidence', ...first });
  };
  const release = () => {
    if (!held) return;
    held = false;
    clearTimeout(cap);
    // A task later: reports of the same reading (the same frame callback) join.
    if (items.length && timer === undefined) timer = setTimeout(flush);
  };
  signal.addEventListener('abort', () => (cancelAnimationFrame(frame), clearTimeout(timer), clearTimeout(cap)), { once: true });
  const report: Report = (code, count) => {
    items.push(count === undefined ? { code } : { code, count });
    if (held) {
      cap ??= setTimeout(release, capMs);
      return;
    }
    if (frame || timer !== undefined) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      timer = setTimeout(flush);
    });
  };
  return { report, release };
}
