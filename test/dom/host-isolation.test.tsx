import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountUi, type HostTag } from '../../lib/ui/mount';
import { createDeeplink } from '../../lib/ui/deeplink-control';
import { registerStrings, translator } from '../../lib/i18n';
import * as deeplinks from '../../lib/i18n/strings/deeplinks';

/**
 * Issue 17 item 2, for every kind of host (the e2e tests click real warnings and rules in both
 * browsers): events from inside a host never reach the page's listeners around it, a click in our
 * UI is kept from following the page's link it sits in, and our own links and fields keep their
 * default actions. Also: the host guard keeps our text out of the page's selection (item 3).
 */

registerStrings(deeplinks);

// Clicks on our own links are not prevented: keep happy-dom from loading their pages.
const nav = (window as unknown as { happyDOM?: { settings: { navigation: Record<string, boolean> } } }).happyDOM?.settings.navigation;
if (nav) Object.assign(nav, { disableMainFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true });

let seen: string[] = [];
let ctl: AbortController;
const TYPES = ['click', 'auxclick', 'dblclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown'];

/** A page link (hash router) inside a clickable card, with listeners everywhere; returns the spot our UI goes into. */
function clickablePage(): HTMLElement {
  document.body.innerHTML = '<div id="card"><a id="link" href="#/details/x/articles"><span id="value">max@example.org</span></a></div>';
  for (const type of TYPES) {
    for (const id of ['card', 'link']) document.getElementById(id)!.addEventListener(type, () => seen.push(`${id}:${type}`));
    document.addEventListener(type, () => seen.push(`document:${type}`), { signal: ctl.signal });
  }
  return document.getElementById('value')!;
}

/** Fires `type` from `target` (inside a shadow root) the way the browser does: bubbling, composed, cancelable. */
function fire(target: Element, type: string): Event {
  const event = type === 'keydown' ? new KeyboardEvent(type, { bubbles: true, composed: true, cancelable: true, key: 'a' }) : new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, button: type === 'auxclick' ? 1 : 0 });
  target.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  seen = [];
  ctl = new AbortController();
});
afterEach(() => ctl.abort());

describe('our hosts keep their events (every host)', () => {
  const tags: HostTag[] = ['lga-contact-warning', 'lga-contact-rules', 'lga-checklist', 'lga-ticket-assist'];
  for (const tag of tags) {
    it(`${tag} (mountUi) inside a page link in a clickable card`, () => {
      const spot = clickablePage();
      const ui = mountUi({ tag, anchor: spot, placement: 'after', signal: ctl.signal });
      let ours = 0;
      ui.render(
        <span>
          <span class="text">Regel</span>
          <button type="button" class="own" onClick={() => ours++}>ok</button>
          <a class="article" href="https://account.otto.market/s/article/x" target="_blank">Artikel</a>
          <input type="checkbox" class="tick" />
        </span>,
      );
      const q = (sel: string) => ui.root.querySelector(sel)!;
      for (const type of TYPES) fire(q('.text'), type);
      expect(seen).toEqual([]);
      // A click on our text or our button is kept from following the page's link; our button still runs.
      expect(fire(q('.text'), 'click').defaultPrevented).toBe(true);
      expect(fire(q('.text'), 'auxclick').defaultPrevented).toBe(true);
      expect(fire(q('.own'), 'click').defaultPrevented).toBe(true);
      expect(ours).toBe(1);
      // Our own link and checkbox keep their default actions.
      expect(fire(q('.article'), 'click').defaultPrevented).toBe(false);
      expect(fire(q('.tick'), 'click').defaultPrevented).toBe(false);
      expect(seen).toEqual([]);
      expect(ui.host.style.getPropertyValue('user-select')).toBe('none');
    });
  }

  it('lga-deeplink (its own host creation) inside a page link in a clickable card', () => {
    const spot = clickablePage();
    const c = createDeeplink(document, { url: 'https://www.otto.de/p/x', status: 'restricted', name: 'X' }, translator('de'), 'inline');
    spot.after(c.host);
    const root = c.host.shadowRoot!;
    for (const type of TYPES) fire(root.querySelector('.copy')!, type);
    expect(seen).toEqual([]);
    expect(fire(root.querySelector('.copy')!, 'click').defaultPrevented).toBe(true);
    expect(fire(root.querySelector('.lga-root')!, 'click').defaultPrevented).toBe(true);
    expect(fire(root.querySelector('.open')!, 'click').defaultPrevented).toBe(false);
    expect(seen).toEqual([]);
    // The page's own elements still get their events (the control: the same click outside our host).
    fire(document.getElementById('value')!, 'click');
    expect(seen).toEqual(['link:click', 'card:click', 'document:click']);
  });
});
