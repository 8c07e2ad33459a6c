import { render, type ComponentChild } from 'preact';
import { ownHosts } from '../otto/query';
import { BASE_CSS, HOST_RESET } from './theme';
import { refuseForgedInput } from './trusted';

/** Host element names of the UI contract (spec: "UI contract"). */
export type HostTag = 'lga-checklist' | 'lga-deeplink' | 'lga-contact-warning' | 'lga-contact-rules' | 'lga-ticket-assist';

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
}

export interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  render: (ui: ComponentChild) => void;
  setAttrs: (attrs: Record<string, string>) => void;
  remove: () => void;
}

const registry = new WeakMap<Element, Map<string, Mounted>>();

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
};

/**
 * Mounts Preact UI into an open shadow root under one of our host elements. Idempotent: the
 * same (anchor, tag, key) returns the existing host while it is still in the page. The host is
 * removed when `signal` aborts. Key events stay inside, so page shortcuts do not fire while the
 * merchant types in our UI.
 */
export function mountUi(opts: MountOptions): Mounted {
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
  const inline = opts.tag === 'lga-deeplink' || opts.tag === 'lga-contact-warning';
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
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());

  const setAttrs = (attrs: Record<string, string>) => {
    for (const [k, v] of Object.entries(attrs)) if (host.getAttribute(k) !== v) host.setAttribute(k, v);
  };
  if (opts.attrs) setAttrs(opts.attrs);

  const place = () => {
    switch (opts.placement) {
      case 'before':
        opts.anchor.before(host);
        break;
      case 'after':
        opts.anchor.after(host);
        break;
      case 'prepend':
        opts.anchor.prepend(host);
        break;
      case 'append':
        opts.anchor.append(host);
        break;
    }
  };
  place();

  // If the page removes our host but keeps the anchor, put the host back (once per frame, and
  // not forever: a page fighting us gets its way after MAX_REINSERTS). If the anchor itself is
  // gone, the feature's runner starts over on the page's new markup.
  let reinserts = 0;
  let frame = 0;
  const guard = new MutationObserver(() => {
    if (!frame) frame = requestAnimationFrame(restore);
  });
  const watchParent = () => {
    guard.disconnect();
    if (host.parentNode) guard.observe(host.parentNode, { childList: true });
  };
  const restore = () => {
    frame = 0;
    if (opts.signal.aborted || host.isConnected) return;
    if (!opts.anchor.isConnected || ++reinserts > MAX_REINSERTS) {
      guard.disconnect();
      return;
    }
    place();
    watchParent();
  };
  watchParent();

  const mounted: Mounted = {
    host,
    root,
    render: (ui) => {
      if (!opts.signal.aborted) render(ui, container);
    },
    setAttrs,
    remove: () => {
      guard.disconnect();
      cancelAnimationFrame(frame);
      render(null, container);
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
  const inline = tag === 'lga-deeplink' || tag === 'lga-contact-warning';
  return Object.entries(HOST_GUARD)
    .map(([prop, value]) => `${prop}: ${prop === 'display' && inline ? 'inline-block' : value} !important`)
    .join('; ');
}

/** The host we mounted for (anchor, tag, key), if it is still in the page. */
export function mountedOn(anchor: Element, tag: HostTag, key = ''): Mounted | null {
  const m = registry.get(anchor)?.get(`${tag}|${key}`);
  return m && m.host.isConnected ? m : null;
}
