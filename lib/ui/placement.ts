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
