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
import { isolateHost } from './host';
import { adoptStyles, template } from './deeplink-style';
import { isShort, labels, type CopyState, type DeeplinkFit } from './deeplink-labels';

export interface DeeplinkView {
  /** Always a checked `https://www.otto.de/…` URL (lib/otto/urls.ts shopUrl). */
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

const controls = new WeakMap<Element, DeeplinkControl>();

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
