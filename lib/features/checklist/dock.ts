import { findProductList } from '../../otto/products/list';
import { findAnchor } from '../../otto/anchors';

/** The outermost element of the document that contains `el` (leaves the page's shadow roots). */
function inDocument(el: Element): Element {
  let node = el;
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = node.getRootNode()) node = root.host;
  return node;
}

/** The block a list is laid out as: out of the page's shadow roots and out of table parts (a body, a row group). */
function listBlock(list: Element): Element {
  let el = inDocument(list);
  while (el.parentElement && (/^(?:TBODY|THEAD|TFOOT|TR|TD|TH|CAPTION|COLGROUP)$/.test(el.tagName) || /^(?:rowgroup|row)$/.test(el.getAttribute('role') ?? ''))) el = el.parentElement;
  return el;
}

/**
 * Where the panel docks on the overview, route first and structure second: after the page's
 * main heading when there is one before the list (above the content, also while the list is
 * still loading or not recognised), else before the product list, else at the start of the
 * main content.
 */
export function dockPoint(): { anchor: Element; placement: 'before' | 'after' | 'prepend' } | null {
  const list = findProductList();
  const heading = findAnchor('pageHeading')?.element;
  const block = list && listBlock(list);
  if (heading) {
    const title = inDocument(heading);
    const precedes = !block || !!(title.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (precedes && !title.contains(block)) {
      // A heading in a row of toolbar buttons: dock below the whole row, not inside it.
      const row = title.parentElement;
      const flexRow = row && row.children.length > 1 && !/^(?:MAIN|BODY|ARTICLE|SECTION)$/.test(row.tagName) && !row.contains(block) && getComputedStyle(row).display.includes('flex');
      return { anchor: flexRow ? row : title, placement: 'after' };
    }
  }
  if (block) return { anchor: block, placement: 'before' };
  const main = findAnchor('pageMain')?.element;
  return main ? { anchor: inDocument(main), placement: 'prepend' } : null;
}
