import { textMentions } from '../../contact/classify';

/** What the copy reminder needs of a warning. */
export interface Remindable {
  target: Node;
  cls: { key: string };
  remind: () => void;
}

/**
 * The copy reminder: when the merchant copies a value we warn about (its text, or a selection
 * touching it), that warning shows a short reminder. Never blocks or changes the copy and never
 * keeps what was copied.
 */
export function watchCopies(doc: Document, warnings: () => Iterable<Remindable>, signal: AbortSignal): void {
  const onCopy = (event: Event) => {
    const text = selectedText(event);
    const selection = doc.getSelection();
    for (const w of warnings()) {
      // The selection touches the value, or wholly contains the page component whose shadow root holds it
      // (a selection's text does not include shadow content; the copied text does).
      const touched =
        !!text.trim() &&
        !!selection &&
        selection.rangeCount > 0 &&
        (intersects(selection, w.target) || shadowHostsOf(w.target).some((h) => safeContains(selection, h, false)));
      if (textMentions(text, w.cls.key) || touched) w.remind();
    }
  };
  doc.addEventListener('copy', onCopy, { capture: true, signal });
}

/** The shadow hosts around `node`, innermost first. */
function shadowHostsOf(node: Node): Element[] {
  const hosts: Element[] = [];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) hosts.push(root.host);
  return hosts;
}

function intersects(selection: Selection, node: Node): boolean {
  for (let i = 0; i < selection.rangeCount; i++) {
    try {
      if (selection.getRangeAt(i).intersectsNode(node)) return true;
    } catch {
      /* a node the range cannot compare with */
    }
  }
  return false;
}

function safeContains(selection: Selection, node: Node, partly: boolean): boolean {
  try {
    return selection.containsNode(node, partly);
  } catch {
    return false;
  }
}

/** What the merchant is copying: the page selection, a selection inside an open shadow root, or a form field's selection. */
function selectedText(event: Event): string {
  const doc = (event.target as Node | null)?.ownerDocument ?? document;
  let text = doc.getSelection()?.toString() ?? '';
  if (!text) {
    for (const node of event.composedPath()) {
      const root = node instanceof Node ? node.getRootNode() : null;
      const sel = root instanceof ShadowRoot ? (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() : null;
      if (sel && sel.toString()) {
        text = sel.toString();
        break;
      }
    }
  }
  if (!text) {
    let active: Element | null = doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
      const { selectionStart: a, selectionEnd: b, value } = active;
      if (a !== null && b !== null && b > a) text = value.slice(a, b);
    }
  }
  return text.slice(0, 200_000);
}
