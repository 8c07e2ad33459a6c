/**
 * Copies text to the clipboard from a click handler: the async Clipboard API first, then the
 * old `execCommand('copy')` on a temporary field inside our own shadow root (never the page's DOM).
 */
export async function copyText(text: string, root: ShadowRoot): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back below */
  }
  try {
    const field = root.ownerDocument.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
    root.append(field);
    field.select();
    const ok = root.ownerDocument.execCommand('copy');
    field.remove();
    return ok;
  } catch {
    return false;
  }
}
