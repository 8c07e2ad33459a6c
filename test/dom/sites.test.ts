import { describe, expect, it } from 'vitest';
import { composeViewOf, senderOf } from '../../lib/sites/compose';
import { findSiteAddresses, mayHoldBuyerAddress, rootsOf } from '../../lib/sites/find';
import { loadFixture } from '../support/load-fixture';

/** The opt-in sites' page reading against the committed replicas (scripts do not run here; the e2e specs run them). */
const where = (t: Element | Text) => (t instanceof Element ? t.tagName.toLowerCase() : 'text');

describe('opt-in sites: addresses of OTTO\'s kinds, compose views and the sender', () => {
  it('a long inbox without buyer addresses stops at the first look', () => {
    loadFixture('sites/inbox-long.html');
    expect(mayHoldBuyerAddress(rootsOf(document))).toBe(false);
  });

  it('shop backend: the placeholder as text and as a link, the relay address as text; the merchant\'s own address is none of ours', () => {
    loadFixture('sites/shop-order.html');
    const roots = rootsOf(document);
    expect(mayHoldBuyerAddress(roots)).toBe(true);
    const hits = findSiteAddresses(roots).map((h) => [h.address, where(h.target)]);
    expect(hits).toEqual([
      ['erika.musterfrau.1234567890@otto.magnalister.com', 'a'],
      ['erika.musterfrau.1234567890@otto.magnalister.com', 'text'],
      ['h4c8z1v6@customer.otto.market', 'text'],
    ]);
    expect(composeViewOf(document.querySelector('a')!)).toBeNull();
  });

  it('Outlook: the chip inside the editable well counts as the well; the view is the one with "Senden"; the sender button names the sender', () => {
    loadFixture('sites/outlook-compose.html');
    const hits = findSiteAddresses(rootsOf(document));
    const well = document.getElementById('to')!;
    expect(hits.map((h) => [h.address, h.target])).toEqual([['r8m2w5p1@customer.otto.market', well]]);
    const view = composeViewOf(well)!;
    expect(view.tagName).toBe('MAIN');
    expect(senderOf(view)).toEqual({ address: 'merchant@shop.example', target: document.getElementById('from') });
  });

  it('help desk: the message header is no compose view, the reply form is; its "Absender" select is the sender', () => {
    loadFixture('sites/helpdesk-reply.html');
    const hits = findSiteAddresses(rootsOf(document));
    expect(hits.map((h) => where(h.target))).toEqual(['input', 'text']);
    const form = document.querySelector('form')!;
    expect(composeViewOf(hits[0]!.target)).toBe(form);
    expect(composeViewOf(hits[1]!.target)).toBeNull();
    expect(senderOf(form)).toEqual({ address: 'support@shop.example', target: document.getElementById('sender') });
  });

  it('GMX: "Von:" with the address beside it is the sender', () => {
    loadFixture('sites/gmx-form.html');
    (document.getElementById('to') as HTMLInputElement).value = 'kunde.x1@customer.otto.market';
    const [hit] = findSiteAddresses(rootsOf(document));
    const view = composeViewOf(hit!.target)!;
    expect(view.tagName).toBe('FORM');
    expect(senderOf(view)?.address).toBe('haendler@gmx.net');
  });
});
