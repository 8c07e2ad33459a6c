import { classifyEmail, classifyPhone, type Classification } from '../../contact/classify';
import { detectFreight } from '../../contact/freight';
import { findContactActions, findContacts, freightEvidence, orderContent, orderNumberOf, type ContactHit } from '../../otto/orders';
import { blockPlacementAfter } from '../../ui/placement';
import type { FeatureInit } from '../types';
import { watchCopies } from './copy';
import { mountRules, type RulesBox } from './rules';
import { scanOnChanges } from './schedule';
import { createWarning, reconcileWarnings, type Warning } from './warning';

export { REMINDER_MS } from './warning';

/**
 * Contact guardrails on OPC order pages. Finds buyer e-mails and phones (lib/otto/orders.ts),
 * classifies them (lib/contact), and keeps exactly one warning beside each value (warning.tsx)
 * and one rules box beside each "Kund*in kontaktieren" action (rules.tsx) while the page
 * re-renders; copying a value shows a reminder (copy.ts). Buyer data stays in this closure:
 * nothing is stored, logged or sent.
 */
export const initContact: FeatureInit = (ctx) => {
  const { signal, store } = ctx;
  const doc = document;
  const page = ctx.page === 'opc-order-list' ? 'list' : 'details';
  const orderNumber = page === 'details' ? orderNumberOf(ctx.url) : null;
  const warnings = new Map<string, Warning>();
  const rules = new Map<Element, RulesBox>();
  const scopeIds = new WeakMap<Element, number>();
  let nextScope = 1;
  let actionsNoted: boolean | null = null;

  const scopeId = (el: Element) => {
    let id = scopeIds.get(el);
    if (!id) scopeIds.set(el, (id = nextScope++));
    return id;
  };

  function scan() {
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
    // A value seen in a hover tooltip keeps its warning beside the trigger after the tooltip closes.
    reconcileWarnings(warnings, desired, (o) => createWarning({ ...o, signal, store }), (w) => w.sticky && w.target.isConnected && w.ui.host.isConnected);
    if (page === 'details') syncRules();
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
      rules.set(action, mountRules(anchor, placement, signal, store));
    }
  }

  watchCopies(doc, () => warnings.values(), signal);
  keepFitted(() => warnings.values(), signal);

  signal.addEventListener(
    'abort',
    () => {
      for (const w of warnings.values()) w.dispose();
      for (const r of rules.values()) r.dispose();
      warnings.clear();
      rules.clear();
    },
    { once: true },
  );

  // Re-scan when the page changes (also through its open shadow roots).
  scanOnChanges(doc, scan, { signal });
};

/**
 * The room beside a value changes with the window's width: warnings refit after resizes. A click
 * elsewhere closes an open rule.
 */
export function keepFitted(warnings: () => Iterable<Warning>, signal: AbortSignal): void {
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener(
    'resize',
    () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        for (const w of warnings()) w.refit();
      }, 150);
    },
    { signal, passive: true },
  );
  document.addEventListener(
    'click',
    (event) => {
      const path = event.composedPath();
      for (const w of warnings()) if (!path.includes(w.ui.host)) w.close();
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => clearTimeout(resizeTimer), { once: true });
}
