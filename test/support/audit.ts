/**
 * Page-side checks shared by the Chromium (Playwright) and Firefox (puppeteer-core) specs of the
 * checklist and deeplinks. Each function is self-contained: it is serialised into the page's
 * main world, walks open shadow roots (the page's and ours) and returns plain data.
 */

export interface RowAudit {
  /** The page's own product link. */
  href: string;
  name: string;
  /** How many <lga-deeplink> hosts sit in this row. */
  controls: number;
  /** The link inside our control (null without control). */
  controlHref: string | null;
  controlTarget: string | null;
  status: string | null;
  /** Accessible name of our "open" link. */
  label: string | null;
}

export interface DeeplinkAudit {
  rows: RowAudit[];
  /** All <lga-deeplink> hosts in the document, shadow roots included. */
  hosts: number;
  /** All <lga-checklist> hosts in the document, shadow roots included. */
  checklists: number;
  /** Set by fixtures' hostile product names if markup from the page ever ran. */
  pwned: boolean;
}

/** Every product row (a row with an `a.obc_link`) and the controls inside it. */
export function auditDeeplinks(): DeeplinkAudit {
  const roots: Array<Document | ShadowRoot> = [];
  const walk = (root: Document | ShadowRoot) => {
    roots.push(root);
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  const rows: RowAudit[] = [];
  let hosts = 0;
  let checklists = 0;
  for (const root of roots) {
    hosts += root.querySelectorAll('lga-deeplink').length;
    checklists += root.querySelectorAll('lga-checklist').length;
    for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>('a.obc_link'))) {
      const row = a.closest('tr, [role="row"]');
      if (!row) continue;
      const found = Array.from(row.querySelectorAll('lga-deeplink'));
      const open = found[0]?.shadowRoot?.querySelector<HTMLAnchorElement>('a.open') ?? null;
      rows.push({
        href: a.getAttribute('href') ?? '',
        name: a.textContent ?? '',
        controls: found.length,
        controlHref: open?.href ?? null,
        controlTarget: open?.target ?? null,
        status: found[0]?.getAttribute('data-status') ?? null,
        label: open?.getAttribute('aria-label') ?? null,
      });
    }
  }
  return { rows, hosts, checklists, pwned: Boolean((window as unknown as { __lgaPwned?: unknown }).__lgaPwned) };
}

/** `aria-checked` of a step's checkbox in the page's checklist (null without one). */
export function panelStep(step: string): string | null {
  const host = document.querySelector('lga-checklist');
  return host?.shadowRoot?.querySelector(`[data-step="${step}"]`)?.getAttribute('aria-checked') ?? null;
}

/** Clicks the "open" link of the n-th control (in document order, shadow roots included). */
export function clickOpen(n: number): string | null {
  const hosts: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.tagName === 'LGA-DEEPLINK') hosts.push(el);
      else if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const a = hosts[n]?.shadowRoot?.querySelector<HTMLAnchorElement>('a.open');
  a?.click();
  return a?.href ?? null;
}
