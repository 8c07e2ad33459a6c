import { ContactWarning, CONTACT_WARNING_CSS } from '../../../components/ContactWarning';
import type { Classification } from '../../contact/classify';
import { translator, type Lang } from '../../i18n';
import { composedParent } from '../../otto/query';
import { LINKS } from '../../otto/urls';
import { mountUi, type Mounted } from '../../ui/mount';
import { fitAfter } from '../../ui/placement';

/** How long the copy reminder stays. */
export const REMINDER_MS = 8000;

/** One `<lga-contact-warning>` beside one contact value; used on OPC order pages and on opt-in sites. */
export interface Warning {
  id: string;
  target: Element | Text;
  /** Found in a tooltip shown on hover (the warning stays beside the trigger). */
  sticky: boolean;
  ui: Mounted;
  cls: Classification;
  isPlaced: () => boolean;
  place: () => void;
  /** Re-decide whether the warning floats over free space or takes room (after moves and resizes). */
  refit: () => void;
  update: (cls: Classification) => void;
  remind: () => void;
  close: () => void;
  dispose: () => void;
}

export interface WarningOptions {
  id: string;
  /** The node the warning goes right after. */
  target: Element | Text;
  sticky?: boolean;
  cls: Classification;
  /** The feature's lifetime; the warning also ends with `dispose()`. */
  signal: AbortSignal;
  store: LangSource;
}

/** Where the UI gets the merchant's language from (the content store, or an opt-in site's settings view). */
export interface LangSource {
  get: () => { lang: Lang };
  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe: (fn: () => void) => () => void;
}

/**
 * Mounts the warning right after `target` (a text node: at the end of its parent) and keeps it
 * drawn in the merchant's language. Buyer data (the classification's key) stays in memory.
 */
export function createWarning({ id, target, sticky = false, cls: first, signal, store }: WarningOptions): Warning {
  const own = new AbortController();
  const stop = () => own.abort();
  signal.addEventListener('abort', stop, { once: true });
  const isText = !(target instanceof Element);
  const anchor = isText ? (composedParent(target) ?? target.ownerDocument!.body) : target;
  const ui = mountUi({
    tag: 'lga-contact-warning',
    anchor,
    placement: isText ? 'append' : 'after',
    signal: own.signal,
    css: CONTACT_WARNING_CSS,
    attrs: { 'data-kind': first.kind, 'data-channel': first.channel, 'data-fit': 'overlay' },
    key: first.key,
  });
  let cls = first;
  let expanded = false;
  let reminder = false;
  let alignEnd = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refit = () => {
    if (own.signal.aborted || !ui.host.isConnected) return;
    // Measure with the label shown and the host taking no room: this changes nothing on the page.
    // (These queries look into our own shadow root, not into the page's markup.)
    ui.setAttrs({ 'data-fit': 'overlay' });
    const pill = ui.root.querySelector('.pill')?.getBoundingClientRect().width ?? 0;
    const icon = ui.root.querySelector('[data-part="icon"]')?.getBoundingClientRect().width ?? 0;
    const gap = 6 + 2; // the warning's left margin plus a little air
    ui.setAttrs({ 'data-fit': pill ? fitAfter(ui.host, { full: pill + gap, compact: icon + 12 + gap }) : 'inline' });
  };
  const place = () => {
    if (target.isConnected && target.nextSibling !== ui.host) {
      target.after(ui.host);
      refit();
    }
  };
  place();
  // An open rule or reminder must float above the neighbouring warnings (hosts share one z-index).
  const raise = () => ui.host.style.setProperty('z-index', expanded || reminder ? '2147483001' : '2147483000', 'important');
  const draw = () => {
    if (own.signal.aborted) return;
    raise();
    ui.render(
      <ContactWarning
        kind={cls.kind}
        channel={cls.channel}
        t={translator(store.get().lang)}
        articleUrl={LINKS.contactArticle}
        expanded={expanded}
        alignEnd={alignEnd}
        onToggle={(open) => {
          if (open) alignEnd = opensOffscreen(ui.host);
          expanded = open;
          draw();
        }}
        reminder={reminder}
        onDismissReminder={() => {
          reminder = false;
          clearTimeout(timer);
          draw();
        }}
        matchesOrder={cls.matchesOrder}
      />,
    );
  };
  draw();
  refit();
  const unsubscribe = store.subscribe(() => {
    draw();
    refit();
  });
  return {
    id,
    target,
    sticky,
    ui,
    get cls() {
      return cls;
    },
    isPlaced: () => ui.host.isConnected && target.nextSibling === ui.host,
    place,
    refit,
    update: (next) => {
      if (next.kind === cls.kind && next.matchesOrder === cls.matchesOrder) return;
      cls = next;
      ui.setAttrs({ 'data-kind': cls.kind, 'data-channel': cls.channel });
      draw();
      refit();
    },
    remind: () => {
      reminder = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        reminder = false;
        draw();
      }, REMINDER_MS);
      draw();
    },
    close: () => {
      if (!expanded) return;
      expanded = false;
      draw();
    },
    dispose: () => {
      clearTimeout(timer);
      unsubscribe();
      own.abort();
      signal.removeEventListener('abort', stop);
    },
  };
}

/** The rule opens to the left when it would run past the window's right edge. */
function opensOffscreen(host: Element): boolean {
  const view = host.ownerDocument.defaultView;
  if (!view) return false;
  const rect = host.getBoundingClientRect();
  return rect.left + Math.min(352, view.innerWidth * 0.8) > view.innerWidth - 8;
}

/** What should be warned now, by warning id: the node the warning goes after, and the value's class. */
export type DesiredWarnings = Map<string, { hit: { target: Element | Text; sticky?: boolean }; cls: Classification }>;

/**
 * Makes `warnings` match `desired`: a warning whose value is gone, moved to another node or whose
 * host the page removed goes (unless `keep` says it stays, e.g. a tooltip's value); one that is
 * still wanted is placed again if the page moved it and redrawn for its class; a new one is made.
 */
export function reconcileWarnings(
  warnings: Map<string, Warning>,
  desired: DesiredWarnings,
  make: (options: Pick<WarningOptions, 'id' | 'target' | 'sticky' | 'cls'>) => Warning,
  keep: (w: Warning) => boolean = () => false,
): void {
  for (const [id, w] of warnings) {
    const want = desired.get(id);
    if (!want && keep(w)) continue;
    if (!want || want.hit.target !== w.target || !w.target.isConnected || !w.ui.host.isConnected) {
      w.dispose();
      warnings.delete(id);
    }
  }
  for (const [id, { hit, cls }] of desired) {
    const w = warnings.get(id);
    if (w) {
      if (!w.isPlaced()) w.place();
      w.update(cls);
    } else warnings.set(id, make({ id, target: hit.target, sticky: !!hit.sticky, cls }));
  }
}
