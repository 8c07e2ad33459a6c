/**
 * Telling the merchant's own input from events a page script made up.
 *
 * Browsers mark every event a script creates or dispatches (`dispatchEvent`, `el.click()`) with
 * `isTrusted === false`, in the page's world and in ours alike; a page cannot change that flag.
 * Test DOMs (happy-dom) do not implement the flag at all: there `isTrusted` is `undefined`, which
 * is not taken as forged, and tests mark forged events explicitly.
 */
export function isForged(e: Event): boolean {
  return e.isTrusted === false;
}

/** Input events a page could fire at our UI to press its buttons or change its fields. */
const PRESS_EVENTS = ['click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input', 'change', 'submit'] as const;

/**
 * Our shadow roots are open, so a page script can reach in and `click()` our buttons (e.g. tick
 * "live" by hand). Input that the browser did not get from the merchant stops at the root: it
 * reaches none of our handlers and does nothing by default (no link followed, no box toggled).
 */
export function refuseForgedInput(root: ShadowRoot): void {
  const refuse = (e: Event) => {
    if (!isForged(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  for (const type of PRESS_EVENTS) root.addEventListener(type, refuse, { capture: true });
}

/**
 * The merchant's last key or pointer press in the page (trusted input only). Some events a script
 * can cause are still trusted: `form.requestSubmit()` or a scripted `button.click()` on a submit
 * button make the browser fire a trusted `submit`. Such an event counts as the merchant's only
 * right after their own press inside the same element (e.g. Enter in a field, a click on the form's
 * button), not after a press elsewhere (e.g. on our own UI).
 */
export function watchUserInput(signal: AbortSignal, doc: Document = document): { pressedIn: (el: Node, withinMs?: number) => boolean } {
  let at = -Infinity;
  let path: EventTarget[] = [];
  const note = (e: Event) => {
    if (isForged(e)) return;
    at = performance.now();
    path = e.composedPath();
  };
  for (const type of ['pointerdown', 'mousedown', 'keydown'] as const) doc.addEventListener(type, note, { capture: true, signal });
  return { pressedIn: (el, withinMs = 1000) => performance.now() - at <= withinMs && path.includes(el) };
}
