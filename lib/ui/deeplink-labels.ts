/** The deeplink control's fits and labels, and the width it needs, estimated without layout. */
import type { ProductStatus } from '../otto/products/status';
import type { Translate } from '../i18n';

/**
 * Where a control sits: `overlay` floats over free space after the anchor, `compact` does the
 * same with short labels ("↗ otto.de", "Kopieren") where the full ones do not fit, `inline`
 * takes room in the flow, also with the short labels (a list keeps one look when some of its
 * controls have to take room, and takes as little as it can). Only a standalone control (the
 * product page's, beside the title) shows the full labels in the flow.
 */
export type DeeplinkFit = 'overlay' | 'compact' | 'inline';

export type CopyState = 'copied' | 'failed' | null;

const widths = new Map<string, number>();

/**
 * The width (px) a control needs in `fit`, from its labels, paddings and borders (DEEPLINK_CSS),
 * estimated without layout and on the safe side (7.2 px per character of 12 px text, 7.8 bold;
 * common UI fonts average nearer 6.5): one that does not fit after all is caught after rendering.
 */
export function deeplinkWidth(t: Translate, status: ProductStatus, fit: DeeplinkFit = 'overlay'): number {
  const text = labels(t, isShort(fit, false), null);
  // The copy button's label while "copied" shows may be the longer one.
  const copy = Math.max(text.copy.length, labels(t, isShort(fit, false), 'copied').copy.length);
  const bold = status === 'restricted';
  const key = `${bold}|${text.open}|${copy}`;
  let width = widths.get(key);
  if (width === undefined) {
    // margin 8 + (padding 14 + border 2 + open label) + 4 + (16 + copy label)
    width = Math.ceil(8 + 16 + text.open.length * (bold ? 7.8 : 7.2) + 4 + 16 + copy * 7.2);
    widths.set(key, width);
  }
  return width;
}

/** Short labels: everywhere but in `overlay` and on a standalone control (see DeeplinkFit). */
export function isShort(fit: DeeplinkFit, standalone: boolean): boolean {
  return !standalone && fit !== 'overlay';
}

/** The visible labels, short or full (the accessible names always stay full). */
export function labels(t: Translate, short: boolean, copy: CopyState): { open: string; copy: string } {
  return {
    open: `↗ ${t(short ? 'deeplink.openShort' : 'deeplink.open')}`,
    copy: copy === 'copied' ? t(short ? 'deeplink.copiedShort' : 'deeplink.copied') : t(short ? 'deeplink.copyShort' : 'deeplink.copy'),
  };
}
