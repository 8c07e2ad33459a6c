import type { Placement } from './mount';

/**
 * Where a block of our UI can go beside `el` without joining a row of flex or grid items (which
 * would squeeze the page's buttons or shift its grid cells) or sitting inside inline content:
 * after the nearest ancestor that lives in normal block flow, at most a few levels up.
 */
export function blockPlacementAfter(el: Element, maxLevels = 5): { anchor: Element; placement: Placement } {
  let target = el;
  for (let i = 0; i < maxLevels; i++) {
    const parent = target.parentElement;
    if (!parent || parent === el.ownerDocument.body || parent === el.ownerDocument.documentElement) break;
    if (!isRowLike(parent)) break;
    target = parent;
  }
  return { anchor: target, placement: 'after' };
}

function isRowLike(parent: Element): boolean {
  const view = parent.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(parent);
  const display = style.display || '';
  if (display.includes('grid')) return true;
  if (display.includes('flex')) return !(style.flexDirection || '').startsWith('column');
  // Inline parents (span, a, b2b-button without display) cannot hold a block.
  return display === 'inline' || display.startsWith('table-row') || display === 'contents';
}

/** How a small inline control fits after the content it belongs to. */
export type Fit = 'overlay' | 'compact' | 'inline';

/**
 * Decides whether `host` (an inline control placed right after some page content) can float
 * over free space instead of taking room: `overlay` when its full width fits between its start
 * and the right edge of its block container and nothing of the page follows it on that line,
 * `compact` when only its icon fits, else `inline` (it takes room in the flow; never overlaps).
 */
export function fitAfter(host: Element, widths: { full: number; compact: number }): Fit {
  const room = roomAfter(host, host.getBoundingClientRect().left);
  if (room >= widths.full) return 'overlay';
  if (room >= widths.compact) return 'compact';
  return 'inline';
}

/**
 * Free width (px) on the line after `node`, up to the right edge of its block container's content
 * box (and of the window): from `start`, by default the end of `node`'s last line box. `0` when
 * page content follows `node` on that line or nothing is laid out. Reads layout only.
 */
export function roomAfter(node: Element, start?: number): number {
  if (hasFollowingContent(node)) return 0;
  const box = blockContainerOf(node);
  if (!box) return 0;
  const view = node.ownerDocument.defaultView!;
  const style = view.getComputedStyle(box);
  const rect = box.getBoundingClientRect();
  if (!rect.width) return 0;
  const right = Math.min(rect.right - px(style.paddingRight) - px(style.borderRightWidth), view.innerWidth);
  const from = start ?? Array.from(node.getClientRects()).at(-1)?.right;
  const room = from === undefined ? 0 : right - from;
  return room > 0 ? room : 0;
}

/**
 * Whether an absolutely positioned box placed right after `el` sits where `el`'s text ends and
 * moves with it when the page scrolls. False when `el`'s parent is a flex or grid container (the
 * box would go to the container's start, over `el`), or when a scroll container sits between
 * `el` and the box's containing block (the nearest positioned, transformed or contained
 * ancestor, else the page itself).
 */
export function overlayScrollsWith(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const parent = parentAcrossShadow(el);
  if (parent && /flex|grid/.test(view.getComputedStyle(parent).display || '')) return false;
  for (let node = parentAcrossShadow(el); node && node !== el.ownerDocument.documentElement && node !== el.ownerDocument.body; node = parentAcrossShadow(node)) {
    const s = view.getComputedStyle(node);
    const transformed = !!s.transform && s.transform !== 'none';
    if ((s.position || 'static') !== 'static' || transformed || /layout|paint|strict|content/.test(s.contain || '') || (s.willChange || '').includes('transform')) return true;
    const visible = (v: string) => !v || v === 'visible' || v === 'clip';
    if (!visible(s.overflowX || s.overflow) || !visible(s.overflowY || s.overflow)) return false;
  }
  return true;
}

const px = (v: string) => parseFloat(v) || 0;

function isInlineLevel(el: Element): boolean {
  const d = el.ownerDocument.defaultView?.getComputedStyle(el).display ?? 'inline';
  return d === 'inline' || d === 'contents';
}

/** The nearest ancestor that is not inline (its content box bounds the line we sit on). */
function blockContainerOf(node: Element): Element | null {
  let el: Element | null = parentAcrossShadow(node);
  while (el && isInlineLevel(el)) el = parentAcrossShadow(el);
  return el;
}

function parentAcrossShadow(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
}

/** Page content after `host` on the same line of its block container (text or a visible element). */
function hasFollowingContent(host: Element): boolean {
  let node: Node = host;
  for (;;) {
    for (let sib = node.nextSibling; sib; sib = sib.nextSibling) {
      if (sib.nodeType === 3 && (sib as Text).data.trim()) return true;
      if (sib.nodeType === 1) {
        const el = sib as Element;
        if (el.tagName.startsWith('LGA-') || el.tagName === 'BR') {
          if (el.tagName === 'BR') return false; // the line ends here
          continue;
        }
        const r = el.getBoundingClientRect();
        if (r.width > 0 || (el.textContent ?? '').trim()) return true;
      }
    }
    const parent = parentAcrossShadow(node);
    if (!parent || !isInlineLevel(parent)) return false;
    node = parent;
  }
}
