import type { EvidenceCode } from '../../onboarding/steps';
import type { FeatureContext } from '../types';

export type Report = (code: EvidenceCode, count?: number) => void;

/**
 * Evidence of one page view in one message (issue 16): what is reported until the frame after
 * the first report has been painted goes out together — on the overview's first visit "logged in",
 * "products with stock" and "products online" become one message, one storage write and one
 * re-render of the checklist instead of three of each.
 */
export function evidenceBatch({ send, signal }: Pick<FeatureContext, 'send' | 'signal'>): Report {
  let items: Array<{ code: EvidenceCode; count?: number }> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  const flush = () => {
    timer = undefined;
    const [first, ...also] = items;
    items = [];
    if (!first || signal.aborted) return;
    void send(also.length ? { type: 'evidence', ...first, also } : { type: 'evidence', ...first });
  };
  signal.addEventListener('abort', () => (cancelAnimationFrame(frame), clearTimeout(timer)), { once: true });
  return (code, count) => {
    items.push(count === undefined ? { code } : { code, count });
    if (frame || timer !== undefined) return;
    // After the frame: the rows' first report (scheduled for that frame) joins this message.
    frame = requestAnimationFrame(() => {
      frame = 0;
      timer = setTimeout(flush);
    });
  };
}
