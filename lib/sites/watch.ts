import { scanOnChanges } from '../features/contact/schedule';
import { changeMayHoldBuyerAddress, mayHoldBuyerAddress, rootsOf } from './presence';

/**
 * The site script's cheap watch (its entry carries nothing else of the page reading): calls
 * `onFound` once, when the page first may hold an address of OTTO's kinds — now, after a change
 * that could bring one (text, attributes, added nodes, typed values with OTTO's domains), and
 * then stops watching. Only a change that passes the cheap look makes a scan of the page; shadow
 * roots are watched where the page has some at start. Reads in memory only.
 */
export function watchForBuyerAddress(doc: Document, signal: AbortSignal, onFound: () => void): void {
  if (signal.aborted) return;
  const watching = new AbortController();
  signal.addEventListener('abort', () => watching.abort(), { once: true });
  // The page's roots at start serve the first look too: one walk of the page, not two.
  let first: ReturnType<typeof rootsOf> | null = rootsOf(doc);
  const scan = () => {
    const roots = first ?? rootsOf(doc);
    first = null;
    if (watching.signal.aborted || !mayHoldBuyerAddress(roots)) return;
    watching.abort();
    onFound();
  };
  scanOnChanges(doc, scan, { signal: watching.signal, input: true, filter: changeMayHoldBuyerAddress, shadowRoots: first.length > 1 });
}
