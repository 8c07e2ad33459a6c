import { deepQueryAll, isOwnHost, openShadowRoots } from '../query';
import { SKIP_TAGS } from './walk';

/** Tooltips on order pages: attributes that hold one, elements carrying them, and a tooltip's trigger. */

/** Attributes that hold a tooltip's text: `title`, `aria-label`/`-description`, and `data-*tooltip*`, `data-tip`, `data-title`, `data-hint`, `data-original-title`, `data-content`, … */
export const TOOLTIP_ATTR = /^(?:title|aria-label|aria-description|data-(?:[\w-]*-)?(?:tooltip|tip|title|hint|popover|balloon|content|label)(?:-[\w-]*)?)$/i;

/** Elements below `root` (and in its open shadow roots) carrying at least one tooltip attribute. */
export function elementsWithTooltip(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (r: Element | ShadowRoot) => {
    for (const el of Array.from(r.querySelectorAll('*'))) {
      if (isOwnHost(el) || SKIP_TAGS.has(el.tagName.toUpperCase())) continue;
      for (const attr of Array.from(el.attributes)) {
        if (TOOLTIP_ATTR.test(attr.name) && /@|\d{3}/.test(attr.value)) {
          out.push(el);
          break;
        }
      }
    }
  };
  visit(root);
  for (const sr of openShadowRoots(root)) visit(sr);
  return out;
}

/**
 * The element a tooltip belongs to: the one naming it in `aria-describedby`/`-labelledby`/
 * `-details` (in the tooltip's root, else the document), else the element it sits in when that is
 * more than the page's body.
 */
export function triggerOf(tooltip: Element): Element | null {
  const id = tooltip.id;
  if (id) {
    const roots = [tooltip.getRootNode() as Document | ShadowRoot, tooltip.ownerDocument];
    for (const r of roots) {
      for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-details']) {
        for (const el of deepQueryAll(r, `[${attr}]`)) {
          if (el !== tooltip && (el.getAttribute(attr) ?? '').split(/\s+/).includes(id)) return el;
        }
      }
    }
  }
  const parent = tooltip.parentElement;
  const doc = tooltip.ownerDocument;
  return parent && parent !== doc.body && parent !== doc.documentElement ? parent : null;
}
