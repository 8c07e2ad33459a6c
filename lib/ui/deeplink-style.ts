/**
 * The deeplink control's look: one prepared shadow tree (made once with createElement, never from
 * HTML strings) and one style sheet shared by every control of the page.
 */
import { BASE_CSS, HOST_RESET } from './theme';
import { hostGuardStyle } from './host';

export const DEEPLINK_CSS = `
/* Contained: the page's table re-layouts and repaints skip our controls' insides. */
:host { contain: content !important; position: static !important; z-index: auto !important; vertical-align: middle !important; margin: 0 0 0 8px !important; }
a:focus-visible, button:focus-visible { outline-offset: -3px; }
.lga-root { display: inline; font-size: 12px; line-height: 1.5; white-space: nowrap; }
a, button { display: inline-block; padding: 1px 7px; border-radius: 5px; border: 1px solid var(--lga-border); background: var(--lga-bg); color: var(--lga-link); text-decoration: none; font-size: 12px; line-height: 1.5; }
button { margin-left: 4px; }
a:hover, button:hover { text-decoration: underline; }
:host([data-status="restricted"]) .open { background: var(--lga-accent); border-color: var(--lga-accent); color: var(--lga-accent-fg); font-weight: 600; }
/* Overlay and compact (lib/features/deeplinks/controls.ts): float over the free space after the product
   name and take no room, so the page's table keeps its column widths and re-lays out cheaply. */
:host([data-fit="overlay"]), :host([data-fit="compact"]) { position: absolute !important; }
`;

const templates = new Map<string, DocumentFragment>();
let css: string | null = null;
/** One constructed style sheet shared by every control's shadow root; `null` where that fails. */
let sheet: CSSStyleSheet | null | undefined;

/**
 * Styles: the host guard of lib/ui/mount.ts as `:host { … !important }` (important rules of the
 * shadow tree beat every page rule, inline ones included), then reset, theme and control styles.
 */
function styles(): string {
  return (css ??= `${HOST_RESET}:host { ${hostGuardStyle('lga-deeplink')}; }\n${BASE_CSS}${DEEPLINK_CSS}`);
}

/** Shares one parsed sheet (Chrome; Firefox may refuse sheets made in a content script: then `<style>`). */
export function adoptStyles(root: ShadowRoot): boolean {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(styles());
    } catch {
      sheet = null;
    }
  }
  if (!sheet) return false;
  try {
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return true;
  } catch {
    /* fall through */
  }
  sheet = null;
  return false;
}

export function template(doc: Document, withStyle: boolean): DocumentFragment {
  const key = withStyle ? 'style' : 'adopted';
  let tpl = templates.get(key);
  if (tpl && tpl.ownerDocument === doc) return tpl;
  tpl = doc.createDocumentFragment();
  if (withStyle) {
    const style = doc.createElement('style');
    style.textContent = styles();
    tpl.append(style);
  }
  // Three elements per control: every extra one is layout work in each re-layout of the table.
  const root = doc.createElement('span');
  root.className = 'lga-root';
  const open = doc.createElement('a');
  open.className = 'open';
  open.target = '_blank';
  open.rel = 'noopener noreferrer';
  open.append(doc.createTextNode(''));
  const copy = doc.createElement('button');
  copy.type = 'button';
  copy.className = 'copy';
  root.append(open, copy);
  tpl.append(root);
  templates.set(key, tpl);
  return tpl;
}
