import type { ComponentChild } from 'preact';
import { Checklist, CHECKLIST_CSS } from '../../../components/Checklist';
import { ChecklistLauncher, LAUNCHER_CSS } from '../../../components/ChecklistLauncher';
import { mountUi, type Mounted } from '../../ui/mount';
import { childController, untilGone } from '../../ui/presence';
import { translator, type Translate } from '../../i18n';
import { LINKS } from '../../otto/urls';
import { findProductList, waitForProductList } from '../../otto/products';
import { WAIT_UNLIMITED, findAnchor, waitFor } from '../../otto/anchors';
import { liveHidesForGood, nextOpenStep } from '../../onboarding/state';
import type { StoreView } from '../../content/store';
import type { FeatureContext, FeatureInit } from '../types';

/** Registers the one-shot "fill the ticket" request, then opens the ticket form. */
export async function openConfirmationTicket(send: FeatureContext['send']) {
  await send({ type: 'ticket/request' });
  window.open(LINKS.ticketForm, '_blank', 'noopener');
}

/** How long the overview waits for the product list before the diagnostics report it missing. */
const LIST_TIMEOUT = 10_000;

export const initChecklist: FeatureInit = async (ctx) => {
  if (ctx.page === 'hc-livegang-article') return beside(ctx, ctx.anchors.articleBody!);
  if (ctx.page === 'opc-product-overview') return overview(ctx);
  launcher(ctx, ctx.signal);
};

/**
 * All steps done and the merchant chose to hide the checklist then (options page), with a `live`
 * that may hide it (ticked by hand or seen on the product list; not one a page could plant).
 */
const hiddenForGood = (v: StoreView) => !nextOpenStep(v.state) && v.settings.hideChecklistWhenLive && liveHidesForGood(v.state.steps.live);

/**
 * Keeps one host rendered with the current state; removes it while the checklist is hidden for
 * good, mounts it again when a step is opened again or the setting changes.
 */
function present(ctx: FeatureContext, signal: AbortSignal, mount: () => Mounted, view: (v: StoreView, t: Translate) => ComponentChild) {
  let ui: Mounted | null = null;
  const draw = (v: StoreView) => {
    if (signal.aborted) return;
    if (hiddenForGood(v)) {
      ui?.remove();
      ui = null;
      return;
    }
    ui ??= mount();
    ui.render(view(v, translator(v.lang)));
  };
  draw(ctx.store.get());
  const off = ctx.store.subscribe(draw);
  signal.addEventListener('abort', () => {
    off();
    ui?.remove();
  }, { once: true });
}

/**
 * The overview's panel is the compact line after the first visit, unless the merchant expanded it
 * (or collapsed it on the first visit). "First visit": no step was done when the page opened —
 * decided once per page, so the automatic steps of that visit do not shrink the panel under
 * the merchant's eyes.
 */
export function compactOnOverview(first: StoreView, now: StoreView): boolean {
  const firstVisit = !Object.values(first.state.steps).some((s) => s.done);
  return now.settings.checklistCollapsed || (!firstVisit && !now.settings.checklistExpanded);
}

function panel(ctx: FeatureContext, idPrefix: string, compact: (v: StoreView) => boolean = (v) => v.settings.checklistCollapsed) {
  const { send } = ctx;
  return (v: StoreView, t: Translate) => (
    <Checklist
      state={v.state}
      t={t}
      lang={v.lang}
      idPrefix={idPrefix}
      quietWhenDone
      collapsed={compact(v)}
      onCollapse={(collapsed) => void send({ type: 'ui/collapse', collapsed })}
      onToggle={(step, done) => send({ type: 'toggle', step, done }).then((r) => r.ok)}
      onOpenTicket={() => void openConfirmationTicket(send)}
      onCompanion={() => void send({ type: 'companion/consent' })}
    />
  );
}

/** The outermost element of the document that contains `el` (leaves the page's shadow roots). */
function inDocument(el: Element): Element {
  let node = el;
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = node.getRootNode()) node = root.host;
  return node;
}

/** The block a list is laid out as: out of the page's shadow roots and out of table parts (a body, a row group). */
function listBlock(list: Element): Element {
  let el = inDocument(list);
  while (el.parentElement && (/^(?:TBODY|THEAD|TFOOT|TR|TD|TH|CAPTION|COLGROUP)$/.test(el.tagName) || /^(?:rowgroup|row)$/.test(el.getAttribute('role') ?? ''))) el = el.parentElement;
  return el;
}

/**
 * Where the panel docks on the overview, route first and structure second: after the page's
 * main heading when there is one before the list (above the content, also while the list is
 * still loading or not recognised), else before the product list, else at the start of the
 * main content.
 */
function dockPoint(): { anchor: Element; placement: 'before' | 'after' | 'prepend' } | null {
  const list = findProductList();
  const heading = findAnchor('pageHeading')?.element;
  const block = list && listBlock(list);
  if (heading) {
    const title = inDocument(heading);
    const precedes = !block || !!(title.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (precedes && !title.contains(block)) {
      // A heading in a row of toolbar buttons: dock below the whole row, not inside it.
      const row = title.parentElement;
      const flexRow = row && row.children.length > 1 && !/^(?:MAIN|BODY|ARTICLE|SECTION)$/.test(row.tagName) && !row.contains(block) && getComputedStyle(row).display.includes('flex');
      return { anchor: flexRow ? row : title, placement: 'after' };
    }
  }
  if (block) return { anchor: block, placement: 'before' };
  const main = findAnchor('pageMain')?.element;
  return main ? { anchor: inDocument(main), placement: 'prepend' } : null;
}

/**
 * Product overview: docked above the content (pushing it down, never covering it), from the
 * start — whether or not the list is recognised (the popup's diagnostics say when it is not).
 * A page without heading or main content gets the launcher until one appears.
 */
async function overview(ctx: FeatureContext) {
  const { signal, noteAnchor } = ctx;
  while (!signal.aborted) {
    let dock = dockPoint();
    if (!dock) {
      const launcherCtl = childController(signal);
      launcher(ctx, launcherCtl.signal);
      dock = await waitFor(dockPoint, { signal, timeout: WAIT_UNLIMITED });
      launcherCtl.abort();
    }
    if (!dock || signal.aborted) return;
    const { anchor, placement } = dock;
    const dockCtl = childController(signal);
    present(ctx, dockCtl.signal, () => mountUi({ tag: 'lga-checklist', anchor, placement, signal: dockCtl.signal, css: PANEL_CSS }), panel(ctx, 'lga-panel', (v) => compactOnOverview(ctx.store.first(), v)));
    // Say in the diagnostics whether the list itself was recognised.
    void waitForProductList({ signal: dockCtl.signal, timeout: LIST_TIMEOUT }).then((list) => {
      if (!dockCtl.signal.aborted) noteAnchor('productList', !!list);
    });
    await untilGone(anchor, signal);
    dockCtl.abort();
  }
}

/** Other logged-in OPC pages: the corner launcher. */
function launcher(ctx: FeatureContext, signal: AbortSignal) {
  const { send } = ctx;
  present(
    ctx,
    signal,
    () => mountUi({ tag: 'lga-checklist', anchor: document.body, placement: 'append', signal, css: CHECKLIST_CSS + LAUNCHER_CSS }),
    ({ state, lang }, t) => (
      <ChecklistLauncher
        state={state}
        t={t}
        lang={lang}
        onToggle={(step, done) => send({ type: 'toggle', step, done }).then((r) => r.ok)}
        onOpenTicket={() => void openConfirmationTicket(send)}
        onCompanion={() => void send({ type: 'companion/consent' })}
      />
    ),
  );
}

/** Help-center article: the panel beside the article text (above it on narrow screens). */
function beside(ctx: FeatureContext, article: Element) {
  const { signal } = ctx;
  present(ctx, signal, () => mountUi({ tag: 'lga-checklist', anchor: article, placement: 'before', signal, css: ARTICLE_CSS }), panel(ctx, 'lga-article'));
}

const PANEL_CSS = `${CHECKLIST_CSS}
:host { contain: content !important; }
.lga-root { margin: 0 0 12px; }
.checklist { max-width: 1100px; }
#lga-panel-checklist-steps .steps { grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); column-gap: 16px; }
`;

const ARTICLE_CSS = `${CHECKLIST_CSS}
:host { margin: 0 0 16px !important; }
@media (min-width: 960px) {
  :host { float: right !important; width: 360px !important; margin: 0 0 16px 24px !important; }
}
`;
