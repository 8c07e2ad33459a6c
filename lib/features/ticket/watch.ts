import { HELP_ORIGIN } from '../../otto/urls';
import { isCreatedCaseUrl, successMessages } from '../../otto/ticket/submission';

/**
 * Watches for the outcome of one submission: the page's success message or the navigation to the
 * created case. Outlives the feature's run on purpose (that run ends when the page navigates to
 * the case) but is bounded in time. A submission that fails validation shows neither: nothing
 * happens, and the next click starts a new watch.
 */
let currentWatch: { stop: () => void; extend: (onSuccess: () => void) => void } | null = null;
const WATCH_MS = 30_000;

/** Forgets the running watch: the submission now under way does not carry the confirmation. */
export function stopSubmissionWatch(): void {
  currentWatch?.stop();
}

export function watchSubmission(onSuccess: () => void): void {
  // A second signal of the same submission (click, then the form's submit event) or a retry after
  // a failed validation keeps the first watch: its baseline predates any new success message.
  if (currentWatch) return currentWatch.extend(onSuccess);
  const baseline = new Set(successMessages());
  let startedAt = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    if (currentWatch === watch) currentWatch = null;
  };
  const check = () => {
    const navigated = isCreatedCaseUrl(location.href, HELP_ORIGIN);
    const fresh = successMessages().some((m) => !baseline.has(m));
    if (navigated || fresh) {
      stop();
      onSuccess();
      return;
    }
    if (Date.now() - startedAt > WATCH_MS) return stop();
    timer = setTimeout(check, 150);
  };
  const watch = {
    stop,
    extend: (next: () => void) => {
      startedAt = Date.now();
      // The latest run of the feature (e.g. after the page re-rendered the form) shows the result.
      onSuccess = next;
    },
  };
  currentWatch = watch;
  timer = setTimeout(check, 100);
}
