import type { FixtureMap } from './fixtures';

/**
 * The opt-in sites' replicas (test/fixtures/sites/), served at their real https URLs like the OTTO
 * fixtures. The custom sites use `.example` hosts (reserved, never real).
 */
export const SITE_URLS = {
  gmail: 'https://mail.google.com/mail/u/0/',
  outlook: 'https://outlook.office.com/mail/deeplink/compose',
  outlookLive: 'https://outlook.live.com/mail/0/deeplink/compose',
  gmx: 'https://3c.gmx.net/mail/client/mail/compose',
  webde: 'https://3c.web.de/mail/client/mail/compose',
  shop: 'https://shop-backend.example/admin/orders/1234567890',
  helpdesk: 'https://support.helpdesk.example/agent/tickets/4711',
  hostile: 'https://hostile.example/kontakt',
  inbox: 'https://mail.google.com/mail/u/0/inbox-long',
} as const;

export const SITE_FIXTURES: Record<string, FixtureMap> = {
  'mail.google.com': { '/mail/u/0/': 'sites/gmail-compose.html', '/mail/u/0/inbox-long': 'sites/inbox-long.html' },
  'outlook.office.com': { '/mail/deeplink/compose': 'sites/outlook-compose.html' },
  'outlook.live.com': { '/mail/0/deeplink/compose': 'sites/outlook-compose.html' },
  '3c.gmx.net': { '/mail/client/mail/compose': 'sites/gmx-form.html' },
  '3c.web.de': { '/mail/client/mail/compose': 'sites/gmx-form.html' },
  'shop-backend.example': { '/admin/orders/1234567890': 'sites/shop-order.html' },
  'support.helpdesk.example': { '/agent/tickets/4711': 'sites/helpdesk-reply.html' },
  'hostile.example': { '/kontakt': 'sites/hostile.html' },
};

export const SITE_HOSTS = Object.keys(SITE_FIXTURES);

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Chromium cannot answer an extension's permission prompt under automation (the prompt is browser
 * UI, out of reach of CDP and Playwright; a headless prompt never resolves). The Chromium specs
 * therefore load a copy of the build whose manifest also lists `patterns` as granted host
 * permissions: the extension's real `permissions.request` then resolves at once, as it does for a
 * site the merchant granted earlier. Everything else is the unchanged build. Firefox tests the
 * prompt itself (auto-accepted by a pref).
 */
export function chromeBuildWithGranted(buildDir: string, patterns: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'lga-granted-'));
  cpSync(resolve(buildDir), dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...patterns];
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

export interface SiteUi {
  /** `data-kind` of every `<lga-contact-warning>` with a shadow root (ours), in page order, and what it sits after. */
  warnings: Array<{ kind: string | null; after: string }>;
  /** `data-state` of every `<lga-sender-warning>` with a shadow root. */
  senders: Array<string | null>;
  /** How many `<lga-contact-rules>` with a shadow root. */
  rules: number;
  /** Text of our sender warnings (their shadow roots). */
  senderText: string;
}

/** Runs in the page's main world: what of our UI the page shows (hosts with shadow roots; the page's fakes have none or closed). */
export function siteUi(): SiteUi {
  const out: SiteUi = { warnings: [], senders: [], rules: 0, senderText: '' };
  const visit = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('lga-contact-warning, lga-sender-warning, lga-contact-rules'))) {
      if (!el.shadowRoot || !el.shadowRoot.querySelector('.lga-root')) continue;
      if (el.tagName === 'LGA-CONTACT-WARNING') {
        const prev = el.previousSibling as Element | null;
        const after = prev ? (prev.nodeType === 1 ? prev.tagName.toLowerCase() + (prev.getAttribute('aria-label') ? `[${prev.getAttribute('aria-label')}]` : '') : 'text') : 'none';
        out.warnings.push({ kind: el.getAttribute('data-kind'), after });
      } else if (el.tagName === 'LGA-SENDER-WARNING') {
        out.senders.push(el.getAttribute('data-state'));
        out.senderText += el.shadowRoot.textContent ?? '';
      } else out.rules++;
    }
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot && !el.tagName.startsWith('LGA-')) visit(el.shadowRoot);
  };
  visit(document);
  return out;
}

/**
 * Buyer data in the replicas, for the privacy walk: every buyer address of OTTO's kinds (relay,
 * placeholder) and its local part, found by pattern in the fixture files, and the buyers' names,
 * order numbers, mail subjects and bodies, listed. The merchant's own addresses are not buyer data.
 */
export function siteBuyerData(): string[] {
  const dir = resolve(import.meta.dirname, '../fixtures/sites');
  const found = new Set([
    'Erika Musterfrau', 'Musterweg 1', 'Kundin (OTTO)', 'Kunde Otto', '1234567890', '#4711',
    'Frage zur Lieferung', 'Wann kommt meine Bestellung', 'Ihre Bestellung ist unterwegs', 'Neue Bestellung',
  ]);
  for (const file of ['gmail-compose', 'outlook-compose', 'gmx-form', 'shop-order', 'helpdesk-reply']) {
    const text = readFileSync(join(dir, `${file}.html`), 'utf8');
    for (const m of text.matchAll(/([\w.+-]+)@(?:customer\.otto\.market|otto\.magnalister\.com)/g)) found.add(m[0]).add(m[1]!);
  }
  return [...found].map((v) => v.toLowerCase());
}
