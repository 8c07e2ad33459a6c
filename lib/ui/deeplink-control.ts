/**
 * The deeplink control (`<lga-deeplink data-status=…>`): "open on otto.de" (a real link, new
 * tab) and "copy link", emphasised for restricted products.
 *
 * A product list can hold thousands of rows, so this control is built without Preact and
 * without per-host observers or inline styles (the only per-host listeners are the shared event
 * isolation of lib/ui/host.ts isolateHost, one function for every host): each host is a clone of one prepared
 * shadow tree (made once with createElement, never from HTML strings) sharing one style sheet,
 * plus a handful of attribute and text writes. Clicks are handled by one delegated listener per page
 * (`controlAction`). Page data (the product name) is only ever written as text or attribute value.
 */
import { ownHosts, isOwnHost } from '../otto/query';
import type { ProductStatus } from '../otto/products/status';
import type { Translate } from '../i18n';
import { BASE_CSS, HOST_RESET } from './theme';
import { hostGuardStyle, isolateHost } from './host';

export const DEEPLINK_CSS = `
/* Contained: the page's table re-layouts and repaints skip our controls' insides. */
:host { contain: content !important; position: static !important; z-index: auto !important; vertical-align: middle !important; margin: 0 0 0 8px !important; }
a:focus-visible, button:focus-visible { outline-offset: -3px; }
.lga-root { display: inline; font-size: 12px; line-height: 1.5; white-space: nowrap; }
a, button { display: inline-block; padding: 1px 7px; border-radius: 5px; border: 1px solid var(--lga-border); background: var(--lga-bg); color: var(--lga-link); text-decoration: none; font-size: 12px; line-height: 1.5; }
button { margin-left: 4px; }
a:hover, button:hover { text-decoration: underline; }
:host([data-status="restricted"]) .open { background: var(--lga-accent); border-color: var(--lga-accent); color: var(--lga-accent-fg); font-weight: 600; }
/* Overlay and compact (lib/features/deeplinks/init.ts): float over the free space after the product
   name and take no room, so the page's table keeps its column widths and re-lays out cheaply. */
:host([data-fit="overlay"]), :host([data-fit="compact"]) { position: absolute !important; }
`;

/**
 * Where a control sits: `overlay` floats over free space after the anchor, `compact` does the
 * same with short labels ("↗ otto.de", "Kopieren") where the full ones do not fit, `inline`
 * takes room in the flow, also with the short labels (a list keeps one look when some of its
 * controls have to take room, and takes as little as it can). Only a standalone control (the
 * product page's, beside the title) shows the full labels in the flow.
 */
export type DeeplinkFit = 'overlay' | 'compact' | 'inline';

export type CopyState = 'copied' | 'failed' | null;

export interface DeeplinkView {
  /** Always a checked `https://www.otto.de/…` URL (lib/otto/urls.ts safeShopUrl). */
  url: string;
  status: ProductStatus;
  /** The product's name from the page: text only. */
  name: string;
}

export interface DeeplinkControl extends DeeplinkView {
  host: HTMLElement;
  copy: CopyState;
  /** Writes a new view (recycled rows) and/or language; touches only what changed. */
  update: (view: DeeplinkView, t: Translate) => void;
  setCopy: (state: CopyState, t: Translate) => void;
  fit: DeeplinkFit;
  setFit: (fit: DeeplinkFit) => void;
  remove: () => void;
}

interface Parts {
  root: HTMLElement;
  open: HTMLAnchorElement;
  openText: Text;
  copy: HTMLButtonElement;
  live: HTMLElement | null;
}

const templates = new Map<string, DocumentFragment>();
const controls = new WeakMap<Element, DeeplinkControl>();
let css: string | null = null;
/** One constructed style sheet shared by every control's shadow root; `null` where that fails. */
let sheet: CSSStyleSheet | null | undefined;

/**
 * Styles: the host guard of lib/ui/mount.ts as `:host { … !important }` (important rules of the
 * shadow tree beat every page rule, inline ones included), then reset, theme and control styles.
 */
function styles(): string {
  return (css ??= `${HOST_RESET}:host { ${hostGuardStyle('lga-deeplink')}; }\n${BASE_CSS}${DEEPLINK_CSS}`);
}

/** Shares one parsed sheet (Chrome; Firefox may refuse sheets made in a content script: then `<style>`). */
function adoptStyles(root: ShadowRoot): boolean {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(styles());
    } catch {
      sheet = null;
    }
  }
  if (!sheet) return false;
  try {
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return true;
  } catch {
    /* fall through */
  }
  sheet = null;
  return false;
}

function template(doc: Document, withStyle: boolean): DocumentFragment {
  const key = withStyle ? 'style' : 'adopted';
  let tpl = templates.get(key);
  if (tpl && tpl.ownerDocument === doc) return tpl;
  tpl = doc.createDocumentFragment();
  if (withStyle) {
    const style = doc.createElement('style');
    style.textContent = styles();
    tpl.append(style);
  }
  // Three elements per control: every extra one is layout work in each re-layout of the table.
  const root = doc.createElement('span');
  root.className = 'lga-root';
  const open = doc.createElement('a');
  open.className = 'open';
  open.target = '_blank';
  open.rel = 'noopener noreferrer';
  open.append(doc.createTextNode(''));
  const copy = doc.createElement('button');
  copy.type = 'button';
  copy.className = 'copy';
  root.append(open, copy);
  tpl.append(root);
  templates.set(key, tpl);
  return tpl;
}

const widths = new Map<string, number>();

/**
 * The width (px) a control needs in `fit`, from its labels, paddings and borders (DEEPLINK_CSS),
 * estimated without layout and on the safe side (7.2 px per character of 12 px text, 7.8 bold;
 * common UI fonts average nearer 6.5): one that does not fit after all is caught after rendering.
 */
export function deeplinkWidth(t: Translate, status: ProductStatus, fit: DeeplinkFit = 'overlay'): number {
  const text = labels(t, isShort(fit, false), null);
  // The copy button's label while "copied" shows may be the longer one.
  const copy = Math.max(text.copy.length, labels(t, isShort(fit, false), 'copied').copy.length);
  const bold = status === 'restricted';
  const key = `${bold}|${text.open}|${copy}`;
  let width = widths.get(key);
  if (width === undefined) {
    // margin 8 + (padding 14 + border 2 + open label) + 4 + (16 + copy label)
    width = Math.ceil(8 + 16 + text.open.length * (bold ? 7.8 : 7.2) + 4 + 16 + copy * 7.2);
    widths.set(key, width);
  }
  return width;
}

/** Short labels: everywhere but in `overlay` and on a standalone control (see DeeplinkFit). */
function isShort(fit: DeeplinkFit, standalone: boolean): boolean {
  return !standalone && fit !== 'overlay';
}

/** The visible labels, short or full (the accessible names always stay full). */
function labels(t: Translate, short: boolean, copy: CopyState): { open: string; copy: string } {
  return {
    open: `↗ ${t(short ? 'deeplink.openShort' : 'deeplink.open')}`,
    copy: copy === 'copied' ? t(short ? 'deeplink.copiedShort' : 'deeplink.copied') : t(short ? 'deeplink.copyShort' : 'deeplink.copy'),
  };
}

/**
 * Creates a control (not yet in the page: the caller places `host`). `standalone`: a single
 * control with room of its own (the product page), always with the full labels.
 */
export function createDeeplink(doc: Document, view: DeeplinkView, t: Translate, fit: DeeplinkFit = 'inline', standalone = false): DeeplinkControl {
  const host = doc.createElement('lga-deeplink');
  host.setAttribute('data-fit', fit);
  ownHosts.add(host);
  isolateHost(host);
  const root = host.attachShadow({ mode: 'open' });
  root.append(template(doc, !adoptStyles(root)).cloneNode(true));
  const wrap = root.lastChild as HTMLElement;
  const open = wrap.firstChild as HTMLAnchorElement;
  const parts: Parts = { root: wrap, open, openText: open.firstChild as Text, copy: open.nextSibling as HTMLButtonElement, live: null };
  let lastT: Translate | null = null;

  const control: DeeplinkControl = {
    host,
    url: '',
    status: 'unknown',
    name: '',
    copy: null,
    fit,
    setFit(next) {
      if (next === control.fit) return;
      const relabel = isShort(next, standalone) !== isShort(control.fit, standalone);
      control.fit = next;
      host.setAttribute('data-fit', next);
      if (relabel && lastT) {
        const text = labels(lastT, isShort(next, standalone), control.copy);
        parts.openText.data = text.open;
        parts.copy.textContent = text.copy;
      }
    },
    update(next, tr) {
      const langChanged = tr !== lastT;
      if (next.url !== control.url) parts.open.href = next.url;
      if (next.status !== control.status || langChanged) {
        host.setAttribute('data-status', next.status);
        parts.open.title = tr(`deeplink.status.${next.status}`);
      }
      if (next.name !== control.name || langChanged) {
        parts.open.setAttribute('aria-label', next.name ? tr('deeplink.openNamed', { name: next.name }) : tr('deeplink.openNewTab'));
        parts.copy.setAttribute('aria-label', next.name ? tr('deeplink.copyNamed', { name: next.name }) : tr('deeplink.copy'));
      }
      if (langChanged) parts.openText.data = labels(tr, isShort(control.fit, standalone), null).open;
      control.name = next.name;
      if (langChanged || next.url !== control.url) control.setCopy(null, tr);
      control.url = next.url;
      control.status = next.status;
      lastT = tr;
    },
    setCopy(state, tr) {
      const wasCopied = control.copy === 'copied';
      control.copy = state;
      parts.copy.textContent = labels(tr, isShort(control.fit, standalone), state).copy;
      // The accessible name contains the visible text (WCAG 2.5.3), also while "copied" shows.
      if (state === 'copied') parts.copy.setAttribute('aria-label', control.name ? tr('deeplink.copiedNamed', { name: control.name }) : tr('deeplink.copied'));
      else if (wasCopied) parts.copy.setAttribute('aria-label', control.name ? tr('deeplink.copyNamed', { name: control.name }) : tr('deeplink.copy'));
      const message = state === 'copied' ? tr('deeplink.copied') : state === 'failed' ? tr('deeplink.copyFailed') : '';
      if (!parts.live && !message) return;
      // The live region is made on first use only (one element less per row).
      if (!parts.live) {
        const live = (parts.live = doc.createElement('span'));
        live.className = 'lga-visually-hidden';
        live.setAttribute('role', 'status');
        parts.root.append(live);
        // A region must exist before its text changes for screen readers to announce it.
        requestAnimationFrame(() => (live.textContent = control.copy === state ? message : live.textContent));
        return;
      }
      parts.live.textContent = message;
    },
    remove() {
      controls.delete(host);
      host.remove();
    },
  };
  control.update(view, t);
  controls.set(host, control);
  return control;
}

/**
 * Which control and which of its actions an event came from (`null` for anything else).
 * Works from a listener on the document: open shadow roots expose the full composed path.
 */
export function controlAction(e: Event): { control: DeeplinkControl; action: 'open' | 'copy' } | null {
  const path = e.composedPath();
  let action: 'open' | 'copy' | null = null;
  for (const n of path) {
    if (!(n instanceof Element)) continue;
    if (!action) {
      const cls = n.getAttribute('class');
      if (cls === 'open' && n.tagName === 'A') action = 'open';
      else if (cls === 'copy' && n.tagName === 'BUTTON') action = 'copy';
    }
    if (isOwnHost(n)) {
      const control = controls.get(n);
      return control && action ? { control, action } : null;
    }
  }
  return null;
}
