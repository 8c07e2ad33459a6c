import { ANCHORS, type AnchorName } from '../selectors';
import { closestComposed, isOwnHost, openShadowRoots } from '../query';

/** Walking the text of an order page: the tags never read, and the walk itself. */

/** Tags whose content is never read as page text. */
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'CANVAS', 'IFRAME']);

export const selectorOf = (name: AnchorName) => ANCHORS[name].selectors.join(', ');

/** Visits every text node under `root` and its open shadow roots, skipping our UI, page chrome, code and form fields. */
export function walkText(
  root: Element,
  visit: (text: Text) => void,
  opts: { skip?: string; onElement?: (el: Element) => void; onRoot?: () => void } = {},
) {
  const chrome = selectorOf('orderPageChrome');
  const inChrome = (el: Element) => {
    try {
      return el.matches(chrome) || (!!opts.skip && el.matches(opts.skip));
    } catch {
      return false;
    }
  };
  // The content area itself may sit inside chrome-looking markup only when it is the body fallback.
  const walkOne = (r: Element | ShadowRoot) => {
    const doc = root.ownerDocument;
    opts.onRoot?.();
    const walker = doc.createTreeWalker(r, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode(node) {
        if (node.nodeType === 1) {
          const el = node as Element;
          opts.onElement?.(el);
          if (isOwnHost(el) || SKIP_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden') || inChrome(el)) return 2; // REJECT subtree
          return 3; // SKIP the element, visit children
        }
        return 1;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) visit(n as Text);
  };
  walkOne(root);
  for (const sr of openShadowRoots(root)) {
    // Shadow roots of skipped subtrees (chrome, our UI) are skipped too.
    if (isOwnHost(sr.host) || closestComposed(sr.host, chrome) || (opts.skip && closestComposed(sr.host, opts.skip))) continue;
    walkOne(sr);
  }
}
