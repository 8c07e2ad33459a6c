import { ownHosts } from '../otto/query';
import { observeTree } from '../otto/observe';
import { BASE_CSS, HOST_RESET } from './theme';
import { refuseForgedInput } from './trusted';

/** Host element names of the UI contract (spec: "UI contract"). */
export type HostTag = 'lga-checklist' | 'lga-deeplink' | 'lga-contact-warning' | 'lga-contact-rules' | 'lga-ticket-assist' | 'lga-sender-warning' | 'lga-otto-guide';

export type Placement = 'before' | 'after' | 'prepend' | 'append';

export interface MountOptions {
  tag: HostTag;
  /** Element the UI belongs to; one host per (anchor, tag, key). */
  anchor: Element;
  placement: Placement;
  signal: AbortSignal;
  css?: string;
  attrs?: Record<string, string>;
  /** Distinguishes several hosts of one tag on one anchor (e.g. one warning per contact value). */
  key?: string;
  /** Sit in a line (inline-block) although the tag is usually a block (the rules pill on opt-in sites). */
  inline?: boolean;
}

export interface MountedHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** The `.lga-root` element the UI is drawn into. */
  container: HTMLElement;
  setAttrs: (attrs: Record<string, string>) => void;
  /** Runs `fn` when the host is removed (before it leaves the page): unmount the UI drawn into it. */
  onRemove: (fn: () => void) => void;
  remove: () => void;
}

/** Hosts that sit in a line of text (beside a value) rather than taking a block of their own. */
const INLINE_HOSTS = new Set<string>(['lga-deeplink', 'lga-contact-warning', 'lga-sender-warning']);

const registry = new WeakMap<Element, Map<string, MountedHost>>();

/** How often a host removed by the page is put back before we give up. */
const MAX_REINSERTS = 50;

/** Styles on the host that page CSS must not override (inline + !important wins the cascade). */
const HOST_GUARD: Record<string, string> = {
  display: 'block',
  visibility: 'visible',
  opacity: '1',
  position: 'relative',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
  'pointer-events': 'auto',
  'z-index': '2147483000',
  'max-width': '100%',
  'min-width': '0',
  width: 'auto',
  height: 'auto',
  'max-height': 'none',
  'min-height': '0',
  overflow: 'visible',
  inset: 'auto',
  margin: '0',
  float: 'none',
  'font-size': '16px',
  // Our text is never part of the page's selection, so it is never in what the merchant copies.
  'user-select': 'none',
  '-webkit-user-select': 'none',
};

/** Events that stay inside our hosts: the page's handlers never see them (listeners on each host, bubble phase). */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'];
const POINTER_EVENTS = ['click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend'];
/** Our own controls whose default action is theirs (following our link, ticking our checkbox). */
const OWN_DEFAULTS = 'a[href], input, select, textarea, label';

function keepInside(e: Event) {
  e.stopPropagation();
  if (e.type !== 'click' && e.type !== 'auxclick') return;
  // A host inside the page's link: the browser would follow that link for a click anywhere in
  // our UI, also on our buttons (whose own default is nothing). Only our links and fields keep theirs.
  const path = e.composedPath();
  const inside = path.slice(0, Math.max(0, path.indexOf(e.currentTarget as Element)));
  if (!inside.some((n) => n instanceof Element && n.matches(OWN_DEFAULTS))) e.preventDefault();
}

/**
 * Keeps a host's events to itself, the same for every host (mountUi and the deeplink controls):
 * key, click, pointer and mouse events inside it do not reach the page's listeners around it, and
 * a click inside it never follows a page link it sits in (a link, a hash-router link, a
 * `javascript:` link) or runs a clickable card's handler; our own buttons and links still work.
 * Listeners run at the host, after our own ones inside. (Capture listeners of the page on
 * window/document run before anything can stop them; page code cannot be kept from those.)
 */
export function isolateHost(host: HTMLElement): void {
  for (const type of KEY_EVENTS) host.addEventListener(type, keepInside);
  for (const type of POINTER_EVENTS) host.addEventListener(type, keepInside, { passive: type !== 'click' && type !== 'auxclick' });
}

/**
 * Mounts an open shadow root under one of our host elements, with our styles and an empty
 * `.lga-root` container for the UI (plain DOM, or Preact through lib/ui/mount.ts mountUi). Idempotent: the
 * same (anchor, tag, key) returns the existing host while it is still in the page. The host is
 * removed when `signal` aborts. Key, click, pointer and mouse events stay inside (isolateHost),
 * and our text is never part of the page's selection or copies.
 */
export function mountHost(opts: MountOptions): MountedHost {
  const id = `${opts.tag}|${opts.key ?? ''}`;
  let byAnchor = registry.get(opts.anchor);
  const existing = byAnchor?.get(id);
  if (existing && existing.host.isConnected && !opts.signal.aborted) {
    if (opts.attrs) existing.setAttrs(opts.attrs);
    return existing;
  }
  existing?.remove();

  const doc = opts.anchor.ownerDocument;
  const host = doc.createElement(opts.tag);
  ownHosts.add(host);
  const inline = opts.inline ?? INLINE_HOSTS.has(opts.tag);
  for (const [prop, value] of Object.entries(HOST_GUARD)) {
    host.style.setProperty(prop, prop === 'display' && inline ? 'inline-block' : value, 'important');
  }
  const root = host.attachShadow({ mode: 'open' });
  refuseForgedInput(root);
  const style = doc.createElement('style');
  style.textContent = HOST_RESET + BASE_CSS + (opts.css ?? '');
  root.append(style);
  const container = doc.createElement('div');
  container.className = 'lga-root';
  root.append(container);
  isolateHost(host);

  const setAttrs = (attrs: Record<string, string>) => {
    for (const [k, v] of Object.entries(attrs)) if (host.getAttribute(k) !== v) host.setAttribute(k, v);
  };
  if (opts.attrs) setAttrs(opts.attrs);

  // Placement names the anchor's own insertion method (before, after, prepend, append).
  const place = () => opts.anchor[opts.placement](host);
  place();

  // If the page removes our host but keeps the anchor, put the host back (once per frame, and
  // not forever: a page fighting us gets its way after MAX_REINSERTS). If the anchor itself is
  // gone, the feature's runner starts over on the page's new markup.
  let reinserts = 0;
  let guard: AbortController | null = null;
  const watchParent = () => {
    guard?.abort();
    guard = new AbortController();
    if (host.parentNode) observeTree(host.parentNode, restore, { signal: guard.signal, subtree: false });
  };
  const restore = () => {
    if (opts.signal.aborted || host.isConnected) return;
    if (!opts.anchor.isConnected || ++reinserts > MAX_REINSERTS) {
      guard?.abort();
      return;
    }
    place();
    watchParent();
  };
  watchParent();

  const cleanups = new Set<() => void>();
  const mounted: MountedHost = {
    host,
    root,
    container,
    setAttrs,
    onRemove: (fn) => void cleanups.add(fn),
    remove: () => {
      guard?.abort();
      for (const fn of [...cleanups]) fn();
      cleanups.clear();
      host.remove();
      registry.get(opts.anchor)?.delete(id);
    },
  };
  if (!byAnchor) registry.set(opts.anchor, (byAnchor = new Map()));
  byAnchor.set(id, mounted);
  opts.signal.addEventListener('abort', mounted.remove, { once: true });
  return mounted;
}

/**
 * The same host guard as one `style` attribute value, for hosts created without `mountUi`
 * (the per-row deeplink controls, lib/ui/deeplink-control.ts: one attribute write per host).
 */
export function hostGuardStyle(tag: HostTag): string {
  const inline = INLINE_HOSTS.has(tag);
  return Object.entries(HOST_GUARD)
    .map(([prop, value]) => `${prop}: ${prop === 'display' && inline ? 'inline-block' : value} !important`)
    .join('; ');
}
