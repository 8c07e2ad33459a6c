import { CHECKLIST_CSS, LAUNCHER_CSS } from '../../../components/checklist-css';
import type { ChecklistProps } from '../../../components/Checklist';
import type { StepButtons, StepExtras } from '../../../components/step-link';
import { mountHost, type MountedHost } from '../../ui/host';
import { childController, untilGone } from '../../ui/presence';
import { translator, type Translate } from '../../i18n';
import { LINKS } from '../../otto/urls';
import { waitForProductList } from '../../otto/products/list';
import { WAIT_UNLIMITED, waitFor } from '../../otto/anchors';
import { liveHidesForGood, nextOpenStep } from '../../onboarding/state';
import { importPart } from '../../content/chunk';
import { PARTS } from '../../content/chunks';
import type { StoreView } from '../../content/store';
import type { FeatureContext, FeatureInit } from '../types';
import type { ChecklistPanelPart } from './panel';
import { compactLine, type CompactLine } from './compact-line';
import { dockPoint } from './dock';

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

/** Hosts removed (hidden for good, navigation): a part that arrives later draws nothing there. */
const removed = new WeakSet<MountedHost>();

/** Draws the current view into a mounted host (called for every change while the host is there). */
type Draw = (ui: MountedHost, v: StoreView, t: Translate) => void;

/**
 * Keeps one host drawn with the current state; removes it while the checklist is hidden for
 * good, mounts it again when a step is opened again or the setting changes.
 */
function present(ctx: FeatureContext, signal: AbortSignal, mount: () => MountedHost, draw: Draw) {
  let ui: MountedHost | null = null;
  const update = (v: StoreView) => {
    if (signal.aborted) return;
    if (hiddenForGood(v)) {
      ui?.remove();
      ui = null;
      return;
    }
    if (!ui) {
      const mounted = (ui = mount());
      mounted.onRemove(() => removed.add(mounted));
    }
    draw(ui, v, translator(v.lang));
  };
  update(ctx.store.get());
  const off = ctx.store.subscribe(update);
  signal.addEventListener('abort', () => {
    off();
    ui?.remove();
  }, { once: true });
}

/**
 * Draws with the checklist's Preact part (full panel or launcher), imported on first use; the
 * latest view wins when several arrive while it loads. The part's tree is unmounted with the host.
 */
function withPart(signal: AbortSignal, draw: (part: ChecklistPanelPart, ui: MountedHost) => void, ui: MountedHost, hosts: WeakSet<MountedHost>, turn: () => boolean) {
  void importPart<ChecklistPanelPart>(PARTS.checklistPanel).then((part) => {
    if (!part || signal.aborted || removed.has(ui) || !turn()) return;
    if (!hosts.has(ui)) {
      hosts.add(ui);
      ui.onRemove(() => part.clear(ui.container));
    }
    draw(part, ui);
  });
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

/** What the panel and the compact line do: the same actions, sent to the background. */
function actions(ctx: FeatureContext, t: Translate) {
  const { send } = ctx;
  const buttons: StepButtons = { 'confirmation-sent': { label: t('openTicket'), run: () => void openConfirmationTicket(send) } };
  const extras: StepExtras = { 'test-order': { label: t('checklist.companion'), run: () => void send({ type: 'companion/consent' }), action: 'companion' } };
  return { buttons, extras };
}

function panelProps(ctx: FeatureContext, v: StoreView, t: Translate, idPrefix: string, collapsed: boolean, onCollapse: (c: boolean) => void): ChecklistProps {
  const { send } = ctx;
  return {
    state: v.state,
    t,
    lang: v.lang,
    idPrefix,
    quietWhenDone: true,
    collapsed,
    onCollapse,
    onToggle: (step, done) => send({ type: 'toggle', step, done }).then((r) => r.ok),
    onOpenTicket: () => void openConfirmationTicket(send),
    onCompanion: () => void send({ type: 'companion/consent' }),
  };
}

/**
 * The overview's drawing: the compact line in plain DOM (no Preact on this first path), the full
 * panel from the checklist's part once it is shown (first visit, expanded, or "Alle Schritte").
 * After the merchant's own switch the focus goes to the switch of what is shown now.
 */
function overviewDraw(ctx: FeatureContext, idPrefix: string): Draw {
  const hosts = new WeakSet<MountedHost>();
  let host: MountedHost | null = null;
  let line: CompactLine | null = null;
  let mode: 'line' | 'panel' | null = null;
  let turns = 0;
  let switched = false;
  let shown: ChecklistPanelPart | null = null;
  const collapse = (collapsed: boolean) => {
    switched = true;
    void ctx.send({ type: 'ui/collapse', collapsed });
  };
  return (ui, v, t) => {
    if (ui !== host) [host, line, mode] = [ui, null, null];
    const turn = ++turns;
    if (compactOnOverview(ctx.store.first(), v) && nextOpenStep(v.state)) {
      if (mode !== 'line') {
        if (mode === 'panel') shown?.clear(ui.container);
        line ??= compactLine(ui.container.ownerDocument, { headingId: `${idPrefix}-checklist-heading`, onExpand: () => collapse(false), ...actions(ctx, t) });
        ui.container.replaceChildren(line.el);
        mode = 'line';
      }
      line!.update(v.state, t);
      if (switched) line!.toggle.focus();
      switched = false;
      return;
    }
    withPart(ctx.signal, (part, mounted) => {
      if (mode === 'line') mounted.container.replaceChildren();
      mode = 'panel';
      shown = part;
      part.panel(mounted.container, panelProps(ctx, v, t, idPrefix, false, collapse));
      if (switched) mounted.root.querySelector<HTMLElement>('.collapse[aria-expanded="true"]')?.focus();
      switched = false;
    }, ui, hosts, () => turn === turns);
  };
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
    present(ctx, dockCtl.signal, () => mountHost({ tag: 'lga-checklist', anchor, placement, signal: dockCtl.signal, css: PANEL_CSS }), overviewDraw(ctx, 'lga-panel'));
    // Say in the diagnostics whether the list itself was recognised.
    void waitForProductList({ signal: dockCtl.signal, timeout: LIST_TIMEOUT }).then((list) => {
      if (!dockCtl.signal.aborted) noteAnchor('productList', !!list);
    });
    await untilGone(anchor, signal);
    dockCtl.abort();
  }
}

/** Draws with the part only (launcher, help-center article): the latest view wins. */
function partDraw(signal: AbortSignal, draw: (part: ChecklistPanelPart, container: HTMLElement, v: StoreView, t: Translate) => void): Draw {
  const hosts = new WeakSet<MountedHost>();
  let turns = 0;
  return (ui, v, t) => {
    const turn = ++turns;
    withPart(signal, (part, mounted) => draw(part, mounted.container, v, t), ui, hosts, () => turn === turns);
  };
}

/** Other logged-in OPC pages: the corner launcher. */
function launcher(ctx: FeatureContext, signal: AbortSignal) {
  present(
    ctx,
    signal,
    () => mountHost({ tag: 'lga-checklist', anchor: document.body, placement: 'append', signal, css: CHECKLIST_CSS + LAUNCHER_CSS }),
    partDraw(signal, (part, container, v, t) => {
      const { quietWhenDone: _q, collapsed: _c, onCollapse: _o, ...props } = panelProps(ctx, v, t, 'lga-launcher', false, () => undefined);
      part.launcher(container, props);
    }),
  );
}

/** Help-center article: the panel beside the article text (above it on narrow screens). */
function beside(ctx: FeatureContext, article: Element) {
  const { signal, send } = ctx;
  const onCollapse = (collapsed: boolean) => void send({ type: 'ui/collapse', collapsed });
  present(
    ctx,
    signal,
    () => mountHost({ tag: 'lga-checklist', anchor: article, placement: 'before', signal, css: ARTICLE_CSS }),
    partDraw(signal, (part, container, v, t) => part.panel(container, panelProps(ctx, v, t, 'lga-article', v.settings.checklistCollapsed, onCollapse))),
  );
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
