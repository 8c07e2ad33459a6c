import { classifyEmail, type Classification } from '../contact/classify';
import { watchCopies } from '../features/contact/copy';
import { keepFitted } from '../features/contact/init';
import { scanOnChanges } from '../features/contact/schedule';
import { createWarning, reconcileWarnings, type LangSource, type Warning } from '../features/contact/warning';
import { composedParent } from '../otto/query';
import { composeViewOf, senderOf, senderState } from './compose';
import { changeMayHoldBuyerAddress, findSiteAddresses, mayHoldBuyerAddress, rootsOf, type SiteHit } from './find';
import { mountViewNotes, type ViewNotes } from './view-notes';

export interface SiteGuardOptions {
  signal: AbortSignal;
  /** The merchant's language, as the rest of our UI. */
  store: LangSource;
  /** The address registered with OTTO ('' = not given). */
  registered: () => string;
}

/**
 * Contact guardrails on an opt-in site: one `<lga-contact-warning>` per address of OTTO's kinds
 * per view (a compose view, else the page), and in a compose view with a relay recipient the
 * sender check and the rules, once per view, dismissible per view. Never blocks, delays or changes
 * typing, sending or copying. Everything read from the page stays in this closure.
 */
export function startSiteGuard({ signal, store, registered }: SiteGuardOptions): { rescan: () => void } {
  const doc = document;
  const warnings = new Map<string, Warning>();
  const notes = new Map<Element, ViewNotes>();
  const viewIds = new WeakMap<Element, number>();
  const dismissed = new WeakSet<Element>();
  let nextView = 1;
  const viewId = (view: Element | null) => {
    if (!view) return 0;
    let id = viewIds.get(view);
    if (!id) viewIds.set(view, (id = nextView++));
    return id;
  };

  function clear() {
    for (const w of warnings.values()) w.dispose();
    for (const n of notes.values()) n.dispose();
    warnings.clear();
    notes.clear();
  }

  function scan() {
    const roots = rootsOf(doc);
    // A buyer-free page ends here: one text read, one attribute query and the fields per root.
    if (!mayHoldBuyerAddress(roots)) return clear();
    const views = new Map<Element, Element | null>();
    const desired = new Map<string, { hit: SiteHit; cls: Classification }>();
    const relayViews = new Map<Element, Element>();
    for (const hit of findSiteAddresses(roots)) {
      const view = composeViewOf(hit.target, views);
      if (view && dismissed.has(view)) continue;
      const cls = classifyEmail(hit.address, { freight: false });
      if (!cls) continue;
      const id = `${viewId(view)}|${cls.key}`;
      if (!desired.has(id)) desired.set(id, { hit, cls });
      if (view && cls.kind === 'relay' && !relayViews.has(view)) relayViews.set(view, elementOf(hit.target));
    }
    reconcileWarnings(warnings, desired, (o) => createWarning({ ...o, signal, store }));
    syncNotes(relayViews);
  }

  function syncNotes(relayViews: Map<Element, Element>) {
    const address = registered();
    for (const [view, n] of notes) {
      const recipient = relayViews.get(view);
      const anchor = recipient ? (senderOf(view)?.target ?? warningAfter(recipient)) : null;
      if (!anchor || anchor !== n.anchor || !n.isPlaced() || !view.isConnected) {
        n.dispose();
        notes.delete(view);
      }
    }
    for (const [view, recipient] of relayViews) {
      const sender = senderOf(view);
      let n = notes.get(view);
      if (!n) {
        const anchor = sender?.target ?? warningAfter(recipient);
        n = mountViewNotes({ anchor, signal, store, onDismiss: () => dismiss(view) });
        notes.set(view, n);
      }
      n.update(senderState(sender, address), sender?.address ?? null, address);
    }
  }

  /** The warning host right after a recipient (our notes go after it), else the recipient. */
  function warningAfter(recipient: Element): Element {
    for (const w of warnings.values()) if (elementOf(w.target) === recipient && w.ui.host.isConnected) return w.ui.host;
    return recipient;
  }

  function dismiss(view: Element) {
    dismissed.add(view);
    notes.get(view)?.dispose();
    notes.delete(view);
    for (const [id, w] of warnings) {
      if (id.startsWith(`${viewId(view)}|`)) {
        w.dispose();
        warnings.delete(id);
      }
    }
  }

  watchCopies(doc, () => warnings.values(), signal);
  keepFitted(() => warnings.values(), signal);
  signal.addEventListener('abort', clear, { once: true });
  // Typing into a field changes its value without a mutation: `input` events count too.
  // While nothing of ours is shown, only a change that could bring a buyer address makes a scan.
  const filter = (change: MutationRecord[] | Event) => warnings.size > 0 || notes.size > 0 || changeMayHoldBuyerAddress(change);
  // Shadow roots are watched where the page has some at start (looking for later ones means walking
  // the whole page on a timer, the largest cost on a long inbox without any).
  const rescan = scanOnChanges(doc, scan, { signal, input: true, filter, shadowRoots: rootsOf(doc).length > 1 });
  return { rescan };
}

const elementOf = (node: Element | Text): Element => (node instanceof Element ? node : (composedParent(node) ?? node.ownerDocument!.body));
