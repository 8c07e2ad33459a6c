import { waitForProductList } from '../products/list';
import { WAIT_UNLIMITED } from '../anchors';
import { childController, untilGone } from '../../ui/presence';

export interface ListLoopOptions {
  signal: AbortSignal;
  /** After this many ms without a list, `note(false)` reports it missing (it may still come); `note(true)` once found. */
  timeout?: number;
  note?: (found: boolean) => void;
}

/**
 * Each product list the page shows, one after another: `onList` runs with a signal that aborts
 * when that list leaves the page (the app replaced it, a new page of results), then the next
 * list is awaited — until `signal` aborts. The one wait/report/restart loop of the features.
 */
export async function eachProductList(opts: ListLoopOptions, onList: (list: Element, signal: AbortSignal) => void): Promise<void> {
  const { signal, note } = opts;
  while (!signal.aborted) {
    let list = await waitForProductList({ signal, timeout: note ? (opts.timeout ?? 10_000) : WAIT_UNLIMITED });
    if (!list && !signal.aborted && note) {
      note(false);
      list = await waitForProductList({ signal, timeout: WAIT_UNLIMITED });
    }
    if (!list || signal.aborted) return;
    note?.(true);
    const ctl = childController(signal);
    onList(list, ctl.signal);
    await untilGone(list, ctl.signal);
    ctl.abort();
  }
}
