import { ContactWarning, CONTACT_WARNING_CSS } from '../../../components/ContactWarning';
import { ContactRules, CONTACT_RULES_CSS } from '../../../components/ContactRules';
import { classifyEmail, classifyPhone, textMentions, type Classification } from '../../contact/classify';
import { detectFreight } from '../../contact/freight';
import { translator } from '../../i18n';
import { findContactActions, findContacts, freightEvidence, orderContent, orderNumberOf, type ContactHit } from '../../otto/orders';
import { composedParent, insideOwnUi, ownHosts } from '../../otto/query';
import { observeTree } from '../../otto/observe';
import { LINKS } from '../../otto/urls';
import { mountUi, type Mounted } from '../../ui/mount';
import { blockPlacementAfter, fitAfter } from '../../ui/placement';
import type { FeatureInit } from '../types';

/** How long the copy reminder stays. */
export const REMINDER_MS = 8000;
/** Minimum pause between two scans; longer when the page keeps changing. */
const MIN_GAP_MS = 80;
const BUSY_GAP_MS = 800;

interface Warning {
  id: string;
  target: Element | Text;
  /** Found in a tooltip shown on hover (ContactHit.sticky). */
  sticky: boolean;
  ui: Mounted;
  cls: Classification;
  isPlaced: () => boolean;
  place: () => void;
  /** Re-decide whether the warning floats over free space or takes room (after moves and resizes). */
  refit: () => void;
  update: (cls: Classification) => void;
  remind: () => void;
  close: () => void;
  dispose: () => void;
}

interface Rules {
  anchor: Element;
  ui: Mounted;
  dispose: () => void;
}

/**
 * Contact guardrails on OPC order pages. Finds buyer e-mails and phones (lib/otto/orders.ts),
 * classifies them (lib/contact), and keeps exactly one warning beside each value and one rules
 * box beside each "Kund*in kontaktieren" action while the page re-renders. Buyer data stays in
 * this closure: nothing is stored, logged or sent.
 */
export const initContact: FeatureInit = (ctx) => {
  const { signal, store } = ctx;
  const doc = document;
  const page = ctx.page === 'opc-order-list' ? 'list' : 'details';
  const orderNumber = page === 'details' ? orderNumberOf(ctx.url) : null;
  const warnings = new Map<string, Warning>();
  const rules = new Map<Element, Rules>();
  const scopeIds = new WeakMap<Element, number>();
  let nextScope = 1;
  let actionsNoted: boolean | null = null;

  const scopeId = (el: Element) => {
    let id = scopeIds.get(el);
    if (!id) scopeIds.set(el, (id = nextScope++));
    return id;
  };

  function scan() {
    if (signal.aborted) return;
    const content = orderContent(doc);
    const hits = findContacts(content, { page, orderNumber });
    const freightByScope = new Map<Element, boolean>();
    const desired = new Map<string, { hit: ContactHit; cls: Classification }>();
    for (const hit of hits) {
      let freight = freightByScope.get(hit.scope);
      if (freight === undefined) {
        freight = detectFreight(freightEvidence(hit.scope)).freight;
        freightByScope.set(hit.scope, freight);
      }
      const order = { freight, orderNumber };
      const cls = hit.channel === 'email' ? classifyEmail(hit.raw, order) : classifyPhone(hit.raw, order);
      if (!cls) continue;
      // One warning per value and order: the first place the value appears gets it.
      const id = `${scopeId(hit.scope)}|${cls.key}`;
      if (!desired.has(id)) desired.set(id, { hit, cls });
    }
    for (const [id, w] of warnings) {
      const want = desired.get(id);
      // A value seen in a hover tooltip keeps its warning beside the trigger after the tooltip closes.
      if (!want && w.sticky && w.target.isConnected && w.ui.host.isConnected) continue;
      if (!want || want.hit.target !== w.target || !w.target.isConnected || !w.ui.host.isConnected) {
        w.dispose();
        warnings.delete(id);
      }
    }
    for (const [id, { hit, cls }] of desired) {
      const w = warnings.get(id);
      if (w) {
        if (!w.isPlaced()) w.place();
        w.update(cls);
      } else {
        warnings.set(id, createWarning(id, hit, cls));
      }
    }
    if (page === 'details') syncRules();
  }

  function createWarning(id: string, hit: ContactHit, first: Classification): Warning {
    const own = new AbortController();
    const stop = () => own.abort();
    signal.addEventListener('abort', stop, { once: true });
    const target = hit.target;
    const isText = !(target instanceof Element);
    const anchor = isText ? (composedParent(target) ?? doc.body) : target;
    const ui = mountUi({
      tag: 'lga-contact-warning',
      anchor,
      placement: isText ? 'append' : 'after',
      signal: own.signal,
      css: CONTACT_WARNING_CSS,
      attrs: { 'data-kind': first.kind, 'data-channel': first.channel, 'data-fit': 'overlay' },
      key: first.key,
    });
    let cls = first;
    let expanded = false;
    let reminder = false;
    let alignEnd = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refit = () => {
      if (own.signal.aborted || !ui.host.isConnected) return;
      // Measure with the label shown and the host taking no room: this changes nothing on the page.
      // (These queries look into our own shadow root, not into OTTO's markup.)
      ui.setAttrs({ 'data-fit': 'overlay' });
      const pill = ui.root.querySelector('.pill')?.getBoundingClientRect().width ?? 0;
      const icon = ui.root.querySelector('[data-part="icon"]')?.getBoundingClientRect().width ?? 0;
      const gap = 6 + 2; // the warning's left margin plus a little air
      ui.setAttrs({ 'data-fit': pill ? fitAfter(ui.host, { full: pill + gap, compact: icon + 12 + gap }) : 'inline' });
    };
    const place = () => {
      if (target.isConnected && target.nextSibling !== ui.host) {
        target.after(ui.host);
        refit();
      }
    };
    place();
    // An open rule or reminder must float above the neighbouring warnings (hosts share one z-index).
    const raise = () => ui.host.style.setProperty('z-index', expanded || reminder ? '2147483001' : '2147483000', 'important');
    const draw = () => {
      if (own.signal.aborted) return;
      raise();
      const t = translator(store.get().lang);
      ui.render(
        <ContactWarning
          kind={cls.kind}
          channel={cls.channel}
          t={t}
          articleUrl={LINKS.contactArticle}
          expanded={expanded}
          alignEnd={alignEnd}
          onToggle={(open) => {
            if (open) alignEnd = opensOffscreen(ui.host);
            expanded = open;
            draw();
          }}
          reminder={reminder}
          onDismissReminder={() => {
            reminder = false;
            clearTimeout(timer);
            draw();
          }}
          matchesOrder={cls.matchesOrder}
        />,
      );
    };
    draw();
    refit();
    const redraw = () => {
      draw();
      refit();
    };
    const unsubscribe = store.subscribe(redraw);
    return {
      id,
      target,
      sticky: !!hit.sticky,
      ui,
      get cls() {
        return cls;
      },
      isPlaced: () => ui.host.isConnected && target.nextSibling === ui.host,
      place,
      refit,
      update: (next) => {
        if (next.kind === cls.kind && next.matchesOrder === cls.matchesOrder) return;
        cls = next;
        ui.setAttrs({ 'data-kind': cls.kind, 'data-channel': cls.channel });
        draw();
        refit();
      },
      remind: () => {
        reminder = true;
        clearTimeout(timer);
        timer = setTimeout(() => {
          reminder = false;
          draw();
        }, REMINDER_MS);
        draw();
      },
      close: () => {
        if (!expanded) return;
        expanded = false;
        draw();
      },
      dispose: () => {
        clearTimeout(timer);
        unsubscribe();
        own.abort();
        signal.removeEventListener('abort', stop);
      },
    };
  }

  function syncRules() {
    const actions = findContactActions(doc);
    const found = actions.length > 0;
    if (found !== actionsNoted) {
      actionsNoted = found;
      ctx.noteAnchor('orderContactAction', found);
    }
    const wanted = new Set(actions);
    for (const [action, r] of rules) {
      const where = wanted.has(action) ? blockPlacementAfter(action) : null;
      if (!where || where.anchor !== r.anchor || !r.ui.host.isConnected || r.anchor.nextSibling !== r.ui.host) {
        r.dispose();
        rules.delete(action);
      }
    }
    for (const action of actions) {
      if (rules.has(action)) continue;
      const { anchor, placement } = blockPlacementAfter(action);
      const own = new AbortController();
      const stop = () => own.abort();
      signal.addEventListener('abort', stop, { once: true });
      const ui = mountUi({ tag: 'lga-contact-rules', anchor, placement, signal: own.signal, css: CONTACT_RULES_CSS });
      const draw = () => {
        if (!own.signal.aborted) ui.render(<ContactRules t={translator(store.get().lang)} articleUrl={LINKS.contactArticle} />);
      };
      draw();
      const unsubscribe = store.subscribe(draw);
      rules.set(action, {
        anchor,
        ui,
        dispose: () => {
          unsubscribe();
          own.abort();
          signal.removeEventListener('abort', stop);
        },
      });
    }
  }

  // --- Re-scan when the page changes: batched, throttled, ignoring our own hosts. ---
  let pending: ReturnType<typeof setTimeout> | undefined;
  let lastScan = 0;
  let recent: number[] = [];
  const runScan = () => {
    pending = undefined;
    const now = Date.now();
    lastScan = now;
    recent = recent.filter((t) => now - t < 2000);
    recent.push(now);
    try {
      scan();
    } catch (error) {
      // Never echo page content: the error's class is enough for diagnostics.
      console.warn('[livegang-assistent] contact: scan failed:', error instanceof Error ? error.name : 'error');
    }
  };
  const schedule = () => {
    if (pending || signal.aborted) return;
    const gap = recent.length > 20 ? BUSY_GAP_MS : MIN_GAP_MS;
    pending = setTimeout(runScan, Math.max(0, lastScan + gap - Date.now()));
  };
  const relevant = (records: MutationRecord[]) =>
    records.some((r) => {
      if (insideOwnUi(r.target)) return false;
      if (r.type !== 'childList') return true;
      // Our own hosts arriving is no news; anything else (including our host being removed) is.
      return r.removedNodes.length > 0 || Array.from(r.addedNodes).some((n) => !(n instanceof Element && ownHosts.has(n)));
    });
  // The page's changes, through its open shadow roots (also those attached later), once per frame.
  observeTree(doc.body ?? doc.documentElement, (records) => {
    if (relevant(records)) schedule();
  }, { signal, characterData: true, shadowRoots: true });

  // --- Copy reminder: never blocks or changes the copy, never keeps what was copied. ---
  const onCopy = (event: Event) => {
    const text = selectedText(event);
    const selection = doc.getSelection();
    for (const w of warnings.values()) {
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

  // The room beside a value changes with the window's width.
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener(
    'resize',
    () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        for (const w of warnings.values()) w.refit();
      }, 150);
    },
    { signal, passive: true },
  );

  // A click elsewhere closes an open rule.
  doc.addEventListener(
    'click',
    (event) => {
      const path = event.composedPath();
      for (const w of warnings.values()) if (!path.includes(w.ui.host)) w.close();
    },
    { capture: true, signal },
  );

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(pending);
      clearTimeout(resizeTimer);
      for (const w of warnings.values()) w.dispose();
      for (const r of rules.values()) r.dispose();
      warnings.clear();
      rules.clear();
    },
    { once: true },
  );

  runScan();
};

/** The rule opens to the left when it would run past the window's right edge. */
function opensOffscreen(host: Element): boolean {
  const view = host.ownerDocument.defaultView;
  if (!view) return false;
  const rect = host.getBoundingClientRect();
  return rect.left + Math.min(352, view.innerWidth * 0.8) > view.innerWidth - 8;
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

