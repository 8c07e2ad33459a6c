import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findContactActions, findContacts, freightEvidence, orderContent, orderNumberOf } from '../../lib/otto/orders';
import { detectFreight } from '../../lib/contact/freight';
import { initContact } from '../../lib/features/contact/init';
import type { FeatureContext } from '../../lib/features/types';
import { fakeStore } from '../support/fake-store';
import { fixtureText, loadFixture } from '../support/load-fixture';
import ordersChunk from '../../entrypoints/portal-orders';
import { recogniseContacts } from '../../lib/otto/recognise';
import { EXPECTED } from '../fixtures/expected';
import { featureContext } from '../support/feature-context';
import { fakeSend } from '../support/fake-send';

/**
 * The contact guardrails against the committed order fixtures in happy-dom: the adapter (values,
 * order scope, freight evidence, contact action) and the feature (one warning per value, rules,
 * re-renders, copy reminder, clean-up).
 */

// The feature's strings, as the order pages' chunk registers them (entrypoints/portal-orders.ts).
ordersChunk.main();

/** Loads a fixture and runs its inline script (the freight fixture's Stencil-like components render into shadow roots). */
function loadWithScripts(name: string) {
  loadFixture(name);
  const script = /<script>([\s\S]*?)<\/script>/.exec(fixtureText(`portal/${name.replace(/^portal\//, '')}`))?.[1];
  if (!script) return;
  if (name.includes('freight') && customElements.get('b2b-address-card')) {
    // Already defined by an earlier test: the imported elements upgrade on their own.
    return;
  }
  new Function(script)();
}

const tick = (ms = 120) => new Promise((r) => setTimeout(r, ms));

interface Run {
  ctl: AbortController;
  store: ReturnType<typeof fakeStore>;
}

function start(url: string, page: FeatureContext['page'] = 'opc-order-details', store = fakeStore()): Run {
  const ctl = new AbortController();
  void initContact(featureContext({ signal: ctl.signal, page, url: new URL(url), anchors: { orderContent: orderContent() }, store, send: fakeSend(() => ({ ok: true })) }));
  return { ctl, store };
}

/** All warning hosts (also in page shadow roots), with kind and the value they sit beside. */
function warnings() {
  const out: Array<{ kind: string | null; channel: string | null; beside: string }> = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.tagName === 'LGA-CONTACT-WARNING') {
        out.push({ kind: el.getAttribute('data-kind'), channel: el.getAttribute('data-channel'), beside: (el.previousSibling?.textContent ?? '').trim() });
      } else if (el.shadowRoot && !el.tagName.startsWith('LGA-')) visit(el.shadowRoot);
    }
  };
  visit(document);
  return sortWarnings(out);
}

const sortWarnings = <W extends { channel: string | null; beside: string }>(list: W[]) =>
  list.sort((a, b) => (a.beside + a.channel).localeCompare(b.beside + b.channel));

let runs: Run[] = [];
beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  runs = [];
});
afterEach(() => {
  for (const r of runs) r.ctl.abort();
});

describe('order-page adapter', () => {
  it('reads the order number from details URLs only', () => {
    expect(orderNumberOf('https://portal.otto.market/orders#/details/PQ3M7K2X9A/articles')).toBe('pq3m7k2x9a');
    expect(orderNumberOf('https://portal.otto.market/orders/details/fr7dx20k5m')).toBe('fr7dx20k5m');
    expect(orderNumberOf('https://portal.otto.market/orders')).toBeNull();
    expect(orderNumberOf('https://portal.otto.market/orders#/details/<script>/x')).toBeNull();
  });

  it('parcel fixture: the relay link and the plain delivery e-mail; no phone from dates, prices, postcode or tracking number; not the header', () => {
    loadFixture('portal/orders-details-parcel.html');
    const hits = findContacts(orderContent(), { page: 'details', orderNumber: 'pq3m7k2x9a' });
    expect(hits.map((h) => [h.channel, h.raw, h.target.nodeType === 1 ? (h.target as Element).tagName : '#text'])).toEqual([
      ['email', 'k7f3q9x2@customer.otto.market', 'A'], // from the href; the link's own text is not read twice
      ['email', 'erika.beispielfrau@example.org', '#text'],
    ]);
    expect(detectFreight(freightEvidence(orderContent())).freight).toBe(false);
    expect(findContactActions().map((a) => a.textContent?.trim())).toEqual(['Kund*in kontaktieren']);
  });

  it('freight fixture: values inside the components’ open shadow roots, freight from carrier and wording, the b2b-button action', () => {
    loadWithScripts('portal/orders-details-freight.html');
    const hits = findContacts(orderContent(), { page: 'details', orderNumber: 'fr7dx20k5m' });
    expect(hits.map((h) => [h.channel, h.raw]).sort()).toEqual([
      ['email', 'jonas.probst@example.net'],
      ['email', 'q2w8e4r6@customer.otto.market'],
      ['phone', '+494012345678'],
    ]);
    expect(hits.every((h) => h.target.getRootNode() instanceof ShadowRoot)).toBe(true);
    const verdict = detectFreight(freightEvidence(orderContent()));
    expect(verdict.freight).toBe(true);
    const actions = findContactActions();
    expect(actions.map((a) => a.tagName)).toEqual(['B2B-BUTTON']);
  });

  it('English fixture: tel: link, "Carrier" field, "Contact customer"', () => {
    loadFixture('portal/orders-details-en.html');
    const hits = findContacts(orderContent(), { page: 'details', orderNumber: 'en4fr8gh2k' });
    expect(hits.filter((h) => h.channel === 'phone').map((h) => h.raw)).toEqual(['+493098765432']);
    const evidence = freightEvidence(orderContent());
    expect(evidence.carriers).toContain('Kuehne + Nagel');
    expect(detectFreight(evidence)).toEqual({ freight: true, by: 'carrier' });
    expect(findContactActions().map((a) => a.textContent?.trim())).toEqual(['Contact customer']);
  });

  it('address text never decides freight: a buyer company called "Spedition …" on a parcel order', () => {
    document.body.innerHTML = `<main>
      <dl><dt>Versanddienstleister</dt><dd>Hermes</dd></dl>
      <address>Koch Spedition GmbH<br>Tel.: 0171 1234567</address>
      <p>Artikel: Koch-Set 12-teilig, 0 123 456 789</p></main>`;
    const content = orderContent();
    expect(detectFreight(freightEvidence(content))).toEqual({ freight: false, by: null });
    // The phone in the address counts; the article number outside any address or label does not.
    expect(findContacts(content, { page: 'details' }).map((h) => h.raw)).toEqual(['+491711234567']);
  });

  it('phones need a tel: link, an address block or a label; order numbers never count', () => {
    document.body.innerHTML = `<main>
      <p>Bestellnummer 0123456789</p><p>Artikelnummer 0171 1234567</p>
      <div><span>Telefon</span> <span>040 1234567</span></div>
      <div class="x">Mobil: 0160 7654321</div>
      <a href="tel:+4930123456">anrufen</a></main>`;
    expect(findContacts(orderContent(), { page: 'details', orderNumber: '0123456789' }).map((h) => h.raw).sort()).toEqual([
      '+491607654321',
      '+4930123456',
      '+49401234567',
    ]);
  });

  /** What the warning of a hit sits after: a text node's text, an element's tag and text, a field's value. */
  const where = (t: Element | Text) =>
    t instanceof Element ? `${t.tagName.toLowerCase()}:${t instanceof HTMLInputElement ? t.value : (t.textContent ?? '').trim()}` : `#text:${t.data.trim()}`;

  it('grid fixture: values split over spans and <wbr>, read-only and disabled fields; not editable fields, tracking numbers or dates', () => {
    loadFixture('portal/orders-details-grid.html');
    const hits = findContacts(orderContent(), { page: 'details', orderNumber: 'gr4d8k2m6p' });
    expect(hits.map((h) => [h.channel, h.raw, where(h.target)])).toEqual([
      // The span holding exactly the split address; the dd holding more gets it after the last piece.
      ['email', 'tb5n8m2q@customer.otto.market', 'span:tb5n8m2q@customer.otto.market'],
      ['email', 's.brandtner@example.com', '#text:@example.com'],
      ['phone', '+4915123456789', 'span:6789'],
      ['email', 'avis.brandtner@example.net', 'input:avis.brandtner@example.net'],
      ['phone', '+494319876543', 'input:0431 9876543'],
    ]);
    expect(detectFreight(freightEvidence(orderContent())).freight).toBe(true);
    expect(findContactActions().map((a) => a.textContent?.trim())).toEqual(['Kund*in kontaktieren']);
  });

  it('cards fixture: values in aria-label, data-tooltip and title, with invisible characters, behind tel:, in the component’s shadow root', () => {
    loadWithScripts('portal/orders-details-cards.html');
    const hits = () => findContacts(orderContent(), { page: 'details', orderNumber: 'cd7f2h5j8k' }).map((h) => [h.channel, h.raw, where(h.target), !!h.sticky]);
    expect(hits()).toEqual([
      ['phone', '+49403216540', 'a:\u200e+49 40 321\u200b6540', false],
      ['email', 'lea.winterfeld@example.de', '#text:lea.winter\u200bfeld@example\u200f.de', false],
      ['email', 'hq7w3e9r@customer.otto.market', 'button:⧉', false],
      ['email', 'mia.winterfeld@example.org', 'span:ⓘ', false],
      ['email', 'n.winterfeld@example.net', 'button:✉', false],
    ]);
    // Tooltips rendered on hover: in <body> for a light-DOM trigger, inside the shadow root for the component's.
    document.getElementById('second-number')!.dispatchEvent(new Event('mouseenter'));
    const call = document.querySelector('pc-contact-card')!.shadowRoot!.querySelector('p:last-of-type button')!;
    call.dispatchEvent(new Event('mouseenter'));
    expect(hits().filter((h) => h[3])).toEqual([
      ['phone', '+4917655512345', 'button:Telefon anzeigen', true],
      ['phone', '+491609876543', 'button:Zweitnummer', true],
    ]);
    expect(hits()).toHaveLength(7);
    expect(detectFreight(freightEvidence(orderContent())).freight).toBe(false);
  });

  it('the new order fixtures are recognised as test/fixtures/expected.ts says', () => {
    for (const file of ['portal/orders-details-grid.html', 'portal/orders-details-cards.html', 'portal/orders-details-clickable.html']) {
      document.body.innerHTML = '';
      loadWithScripts(file);
      const want = EXPECTED[file]!;
      const counts: Record<string, number> = {};
      for (const c of recogniseContacts(document, 'opc-order-details', want.url)) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
      expect(counts, file).toEqual(want.contacts);
    }
  });

  it('text joined across inline elements: split values are one value; a label glued to a number still labels it; parts are never values of their own', () => {
    document.body.innerHTML = `<main>
      <p><b>Tel</b>0171 2345678</p>
      <p>Telefon: <span>0151 2345</span><span>6789</span></p>
      <p><span>e.ma</span><span>il@example.org</span> und <i>kurz</i></p>
      <p>Mobil <span>0160\u200b 7654321</span><br>0170 1111111</p></main>`;
    const hits = findContacts(orderContent(), { page: 'details' });
    expect(hits.map((h) => h.raw).sort()).toEqual(['+4915123456789', '+491607654321', '+491712345678', 'e.mail@example.org']);
  });

  it('order list: a phone column counts as a label, a price or date column does not', () => {
    document.body.innerHTML = `<main><table>
      <thead><tr><th>Bestellnummer</th><th>Telefon</th><th>Betrag</th><th>Notiz</th></tr></thead>
      <tbody><tr><td>ab12cd34ef</td><td>0171 2345678</td><td>0 123 456 789</td><td>0160 7654321</td></tr></tbody>
    </table></main>`;
    const hits = findContacts(orderContent(), { page: 'list' });
    expect(hits.map((h) => h.raw)).toEqual(['+491712345678']);
    expect(hits[0]!.scope.tagName).toBe('TR');
  });

  it('order list: each value belongs to its row', () => {
    loadWithScripts('portal/orders-spa.html');
    // The SPA's script rendered the list (no hash).
    const hits = findContacts(orderContent(), { page: 'list' });
    expect(hits.map((h) => h.raw)).toEqual(['r1s2t3u4@customer.otto.market', 'v5w6x7y8@customer.otto.market', 'c3d4e5f6@customer.otto.market']);
    expect(new Set(hits.map((h) => h.scope)).size).toBe(3);
    expect(hits.every((h) => h.scope.tagName === 'TR')).toBe(true);
    // Freight is judged per row: only the Spedition row.
    expect(hits.map((h) => detectFreight(freightEvidence(h.scope)).freight)).toEqual([false, true, false]);
  });
});

describe('contact feature in the page', () => {
  it('mounts one warning per value with the right kind, and the rules after the row of actions', async () => {
    loadFixture('portal/orders-details-parcel.html');
    runs.push(start('https://portal.otto.market/orders#/details/pq3m7k2x9a/articles'));
    await tick();
    expect(warnings()).toEqual([
      { kind: 'other', channel: 'email', beside: 'erika.beispielfrau@example.org' },
      { kind: 'relay', channel: 'email', beside: 'k7f3q9x2@customer.otto.market' },
    ]);
    const rules = document.querySelectorAll('lga-contact-rules');
    expect(rules).toHaveLength(1);
    expect(rules[0]!.previousElementSibling?.className).toBe('obc_actions');
    expect(rules[0]!.shadowRoot?.querySelectorAll('[data-reason]')).toHaveLength(6);
    expect(rules[0]!.shadowRoot?.querySelectorAll('[data-never]')).toHaveLength(4);
    // No warning for the merchant's own e-mail in the header.
    expect(document.querySelector('header lga-contact-warning')).toBeNull();
  });

  it('freight: warnings inside the page’s shadow roots, right after each value', async () => {
    loadWithScripts('portal/orders-details-freight.html');
    runs.push(start('https://portal.otto.market/orders#/details/fr7dx20k5m/articles'));
    await tick();
    expect(warnings()).toEqual([
      { kind: 'freight', channel: 'email', beside: 'jonas.probst@example.net' },
      { kind: 'relay', channel: 'email', beside: 'q2w8e4r6@customer.otto.market' },
      { kind: 'freight', channel: 'phone', beside: 'Telefon: +49 (0)40 1234 5678' },
    ]);
  });

  it('grid and cards fixtures: one warning beside each value as the page shows it; a hover tooltip’s warning stays by its trigger', async () => {
    loadFixture('portal/orders-details-grid.html');
    runs.push(start('https://portal.otto.market/orders#/details/gr4d8k2m6p/articles'));
    await tick();
    expect(warnings()).toEqual(
      sortWarnings([
        { kind: 'freight', channel: 'phone', beside: '6789' },
        { kind: 'freight', channel: 'email', beside: '@example.com' },
        { kind: 'freight', channel: 'phone', beside: '' }, // after the disabled tel field
        { kind: 'freight', channel: 'email', beside: '' }, // after the read-only e-mail field
        { kind: 'relay', channel: 'email', beside: 'tb5n8m2q@customer.otto.market' },
      ]),
    );
    const fields = Array.from(document.querySelectorAll('lga-contact-warning')).map((w) => w.previousElementSibling);
    expect(fields.filter((f) => f instanceof HTMLInputElement).map((f) => (f as HTMLInputElement).id).sort()).toEqual(['pc-f1', 'pc-f2']);
    runs.pop()!.ctl.abort();

    document.body.innerHTML = '';
    loadWithScripts('portal/orders-details-cards.html');
    runs.push(start('https://portal.otto.market/orders#/details/cd7f2h5j8k/articles'));
    await tick();
    expect(warnings()).toHaveLength(5);
    const trigger = document.getElementById('second-number')!;
    trigger.dispatchEvent(new Event('mouseenter'));
    await tick();
    expect(trigger.nextElementSibling?.tagName).toBe('LGA-CONTACT-WARNING');
    expect(trigger.nextElementSibling?.getAttribute('data-channel')).toBe('phone');
    trigger.dispatchEvent(new Event('mouseleave'));
    await tick();
    expect(document.querySelector('[role="tooltip"]')).toBeNull();
    expect(trigger.nextElementSibling?.tagName).toBe('LGA-CONTACT-WARNING');
    trigger.dispatchEvent(new Event('mouseenter'));
    await tick();
    expect(warnings()).toHaveLength(6);
  });

  it('stays at one warning per value when init runs twice, when the page re-renders, and after one run stops', async () => {
    loadFixture('portal/orders-details-placeholder.html');
    const card = document.querySelector('[data-testid="delivery-address"]')!;
    const pageMarkup = card.innerHTML; // the page's own markup, before any of our hosts
    const url = 'https://portal.otto.market/orders#/details/mg5k8p2x7q/articles';
    const first = start(url);
    const second = start(url);
    runs.push(first, second);
    await tick();
    const want = [
      { kind: 'placeholder', channel: 'email', beside: 'Lena.Sommer-Kraus.mg5k8p2x7q@otto.magnalister.com' },
      { kind: 'relay', channel: 'email', beside: 'z9y8x7w6@customer.otto.market' },
    ];
    expect(warnings()).toEqual(want);
    expect(document.querySelectorAll('lga-contact-rules')).toHaveLength(1);

    // The page re-renders the delivery card from its own markup: new nodes, our host among the old ones is gone.
    card.innerHTML = pageMarkup;
    await tick();
    expect(warnings()).toEqual(want);
    // A framework updating a text node in place keeps the warning where it is.
    const relayText = Array.from(document.querySelectorAll('dd')).find((d) => d.textContent?.includes('z9y8x7w6'))!.firstChild as Text;
    relayText.data = 'z9y8x7w6@customer.otto.market';
    await tick();
    expect(warnings()).toEqual(want);

    // One of the two runs stops (the runner aborted it): the other keeps exactly one warning per value.
    first.ctl.abort();
    await tick();
    expect(warnings()).toEqual(want);
    second.ctl.abort();
    await tick();
    expect(warnings()).toEqual([]);
    expect(document.querySelectorAll('lga-contact-rules')).toHaveLength(0);
  });

  it('a value that disappears loses its warning; a new one gets one', async () => {
    loadFixture('portal/orders-details-parcel.html');
    runs.push(start('https://portal.otto.market/orders#/details/pq3m7k2x9a/articles'));
    await tick();
    const dd = Array.from(document.querySelectorAll('dd')).find((d) => d.textContent?.includes('erika.beispielfrau@example.org'))!;
    dd.firstChild!.textContent = 'neu.adresse@example.org';
    await tick();
    expect(warnings().map((w) => w.beside)).toEqual(['k7f3q9x2@customer.otto.market', 'neu.adresse@example.org']);
  });

  it('the copy reminder appears beside the copied value, never cancels the copy, and goes away', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      loadFixture('portal/orders-details-parcel.html');
      runs.push(start('https://portal.otto.market/orders#/details/pq3m7k2x9a/articles'));
      await tick();
      const link = document.querySelector('a[href^="mailto:"]')!;
      const range = document.createRange();
      range.selectNodeContents(link);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      const event = new Event('copy', { bubbles: true, cancelable: true, composed: true });
      link.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(false);
      await tick(20);
      const relay = document.querySelector('lga-contact-warning[data-kind="relay"]')!;
      const other = document.querySelector('lga-contact-warning[data-kind="other"]')!;
      expect(relay.shadowRoot?.querySelector('[data-reminder]')?.textContent).toContain('hinterlegten Adresse');
      expect(other.shadowRoot?.querySelector('[data-reminder]')).toBeNull();
      vi.advanceTimersByTime(8100);
      await tick(20);
      expect(relay.shadowRoot?.querySelector('[data-reminder]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('language follows the store, live', async () => {
    loadFixture('portal/orders-details-parcel.html');
    const run = start('https://portal.otto.market/orders#/details/pq3m7k2x9a/articles');
    runs.push(run);
    await tick();
    const pill = () => document.querySelector('lga-contact-warning[data-kind="relay"]')!.shadowRoot!.querySelector('button.pill')!.textContent;
    expect(pill()).toContain('Relay-Adresse von OTTO');
    run.store.set({ lang: 'en' });
    expect(pill()).toContain('OTTO relay address');
    expect(document.querySelector('lga-contact-rules')!.shadowRoot!.textContent).toContain('Contact customers for allowed reasons only');
  });
});
