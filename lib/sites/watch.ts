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
  const watching = new AbortController();
  signal.addEventListener('abort', () => watching.abort(), { once: true });
  const scan = () => {
    if (watching.signal.aborted || !mayHoldBuyerAddress(rootsOf(doc))) return;
    watching.abort();
    onFound();
  };
  if (signal.aborted) return;
  scanOnChanges(doc, scan, { signal: watching.signal, input: true, filter: changeMayHoldBuyerAddress, shadowRoots: rootsOf(doc).length > 1 });
}
