/**
 * Page world (pass to `evaluate`/`evaluateHandle`): the first contact warning host on the page,
 * also inside the page's own open shadow roots. Sees only what the page could see.
 */
export function firstWarning(): Element | null {
  const find = (root: Document | ShadowRoot): Element | null => {
    const hit = root.querySelector('lga-contact-warning');
    if (hit) return hit;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const inner = el.shadowRoot && !el.tagName.startsWith('LGA-') ? find(el.shadowRoot) : null;
      if (inner) return inner;
    }
    return null;
  };
  return find(document);
}
