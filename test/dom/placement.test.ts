import { afterEach, describe, expect, it } from 'vitest';
import { overlayScrollsWith, roomAfter } from '../../lib/ui/placement';

/**
 * Placement rules of our inline controls (happy-dom: computed styles from inline styles, no
 * layout). An overlay (position: absolute) only moves with the rows when no scroll container
 * sits between it and its containing block.
 */
afterEach(() => document.body.replaceChildren());

function build(html: string): Element {
  const wrap = document.createElement('div');
  wrap.innerHTML = html; // test markup only
  document.body.append(wrap);
  return document.getElementById('name')!;
}

describe('overlayScrollsWith', () => {
  it('is true in a plain table in the page', () => {
    expect(overlayScrollsWith(build('<table><tbody><tr><td><a id="name" href="#">x</a></td></tr></tbody></table>'))).toBe(true);
  });

  it('is false when a scroll container sits between the cell and the containing block', () => {
    expect(overlayScrollsWith(build('<div style="overflow: auto; height: 100px"><table><tbody><tr><td><a id="name" href="#">x</a></td></tr></tbody></table></div>'))).toBe(false);
    expect(overlayScrollsWith(build('<div style="overflow-y: scroll"><p><a id="name" href="#">x</a></p></div>'))).toBe(false);
  });

  it('is false when the element sits in a flex or grid container (the box would cover it)', () => {
    expect(overlayScrollsWith(build('<div style="display: flex"><a id="name" href="#">x</a></div>'))).toBe(false);
    expect(overlayScrollsWith(build('<div style="display: inline-grid"><a id="name" href="#">x</a></div>'))).toBe(false);
  });

  it('is true when a positioned element inside the scroll container holds the box', () => {
    expect(overlayScrollsWith(build('<div style="overflow: auto"><div style="position: relative"><span><a id="name" href="#">x</a></span></div></div>'))).toBe(true);
    expect(overlayScrollsWith(build('<div style="overflow: auto"><div style="transform: translateY(40px)"><a id="name" href="#">x</a></div></div>'))).toBe(true);
  });
});

describe('roomAfter', () => {
  it('is 0 when page content follows on the same line, or nothing is laid out', () => {
    expect(roomAfter(build('<p><a id="name" href="#">x</a> <b>SKU-1</b></p>'))).toBe(0);
    // happy-dom lays nothing out: no width, no room (the caller then takes room in the flow).
    expect(roomAfter(build('<p><a id="name" href="#">x</a></p>'))).toBe(0);
  });
});
