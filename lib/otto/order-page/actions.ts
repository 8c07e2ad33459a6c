import { ANCHORS } from '../selectors';
import { closestComposed, containsComposed, isOwnHost, openShadowRoots, textOf, type QueryRoot } from '../query';
import { selectorOf } from './walk';

/** "Kund*in kontaktieren" and its variants; English UI: "Contact customer". */
export const CONTACT_ACTION_TEXT =
  /(?:^|\s)(?:kund(?:e|in|\*in|:in|_in|innen|\*innen|:innen|\/in)?|käufer(?:in|\*in|:in)?)\s+kontaktieren\b|\bcontact\s+(?:the\s+)?(?:customer|buyer)\b/i;

/** The portal's "Kund*in kontaktieren" actions (outermost element when several nest), in `root`. */
export function findContactActions(root: QueryRoot = document): Element[] {
  const spec = ANCHORS.orderContactAction.selectors;
  const byTestId = findAllAnchorsOf(root, spec[0]!);
  const candidates = byTestId.length ? byTestId : findAllAnchorsOf(root, spec.slice(1).join(', ')).filter(isContactAction);
  const chrome = selectorOf('orderPageChrome');
  const outer = candidates.filter((el) => !candidates.some((other) => other !== el && containsComposed(other, el)));
  return outer.filter((el) => !closestComposed(el, chrome));
}

function findAllAnchorsOf(root: QueryRoot, selector: string): Element[] {
  try {
    const out: Element[] = Array.from(root.querySelectorAll(selector)).filter((el) => !isOwnHost(el));
    for (const sr of openShadowRoots(root)) out.push(...Array.from(sr.querySelectorAll(selector)));
    return out;
  } catch {
    return [];
  }
}

function isContactAction(el: Element): boolean {
  const label = el.getAttribute('aria-label') ?? '';
  const text = textOf(el, 120);
  return (text.length <= 60 && CONTACT_ACTION_TEXT.test(text)) || (label.length <= 60 && CONTACT_ACTION_TEXT.test(label));
}
