import { describe, expect, it } from 'vitest';
import { Classes, plainShape, shapeAttr, shapeName, shapeText, shapeUrl, synthAttr, synthContact, synthesize, synthUrl, VOCABULARY, type ShapeContext } from '../../lib/diagnostics/shape';
import { statusFromText } from '../../lib/otto/products/status';
import { classifyEmail, detectFreight, isPhoneLabel, parsePhone } from '../../lib/contact';
import { CONTACT_ACTION_TEXT } from '../../lib/otto/orders';
import { shopUrl } from '../../lib/otto/urls';

const ctx = (orderNumber?: string): ShapeContext => ({ classes: new Classes(), orderNumber });
const BASE = 'https://portal.otto.market/products/';

describe('text shapes', () => {
  it('keeps character classes and run lengths, never the letters', () => {
    expect(plainShape('Gartenstuhl aus Teak')).toBe('Aa10 a3 Aa3');
    expect(plainShape('fr7dx20k5m')).toBe('a2#a2#2a#a');
    expect(plainShape('a {b} \\ #')).toBe('a \\{a\\} \\\\ \\#');
    expect(plainShape('  zwei   Leer  ')).toBe(' a4 Aa3 ');
  });

  it('turns OTTO vocabulary into canonical tokens, numbers into digits and sign', () => {
    const c = ctx();
    expect(shapeText('Sichtbarkeit eingeschränkt', c)).toBe('{status:restricted}');
    expect(shapeText('Visibility restricted', c)).toBe('{status:restricted}');
    expect(shapeText('In Prüfung', c)).toBe('{status:pending}');
    expect(shapeText('Bestand: 1.250', c)).toBe('{label:stock}: {n+ #.#3}');
    expect(shapeText('Stock: 0', c)).toBe('{label:stock}: {n0 #}');
    expect(shapeText('Kund*in kontaktieren', c)).toBe('{action:contact-customer}');
    expect(shapeText('Versanddienstleister: DACHSER', c)).toBe('{label:carrier}: {carrier:freight}');
    expect(shapeText('Lieferung per Spedition (Wunschort)', c)).toBe('Aa8 a3 {freight} ({freight})');
    expect(shapeText('SKU-2001', c)).toBe('{label:sku}-{n+ #4}');
  });

  it('reduces contact values to their category, equal values to one class', () => {
    const c = ctx('pq3m7k2x9a');
    expect(shapeText('Telefon: +49 (0)40 1234 5678', c)).toBe('{label:phone}: {phone 1}');
    expect(shapeText('q2w8e4r6@customer.otto.market', c)).toBe('{email:relay 1}');
    expect(shapeText('Max.Muster.pq3m7k2x9a@otto.magnalister.com', c)).toBe('{email:placeholder 2}');
    expect(shapeText('an jonas.probst@example.net schreiben', c)).toBe('a2 {email:other 3} a9');
    expect(shapeText('Q2W8E4R6@customer.otto.market', c)).toBe('{email:relay 1}');
    expect(shapeText('040 1234-5678', c)).toBe('{phone 1}');
  });

  it('shapes URLs: OTTO hosts and routes kept, product paths masked, equal links one class', () => {
    const c = ctx();
    const a = shapeUrl('https://www.otto.de/p/gartenstuhl-aus-teak-1234567890/#variationId=1', BASE, c);
    expect(a).toBe('{link:1}{=https:}//{=www.otto.de}/{=p}/{masked}');
    expect(shapeUrl('https://www.otto.de/p/gartenstuhl-aus-teak-1234567890/#variationId=1', BASE, c)).toBe(a);
    expect(shapeUrl('https://www.otto.de/p/?moin=M1A2B3C4D5', BASE, c)).toBe('{link:2}{=https:}//{=www.otto.de}/{=p}/{masked}');
    expect(shapeUrl('/orders#/details/fr7dx20k5m/articles', BASE, c)).toBe('{link:3}/{=orders}\\#/{=details}/a2#a2#2a#a/{=articles}');
    expect(shapeUrl('https://shop.probst-moebel.de/sofa', BASE, c)).toBe('{link:4}{=https:}//a4.a6-a6.a2/a4');
    expect(shapeUrl('mailto:q2w8e4r6@customer.otto.market?subject=Ihre%20Bestellung', BASE, c)).toBe('{=mailto:}{email:relay 1}?{=subject}=Aa3 Aa9');
    expect(shapeUrl('tel:+4940123456', BASE, c)).toBe('{=tel:}{phone 1}');
    expect(shapeUrl('javascript:alert(1)', BASE, c)).toBe('{=javascript:}{masked}');
  });

  it('keeps class names and ids unless they look like data', () => {
    expect(shapeName('obc_label--warning')).toBe('obc_label--warning');
    expect(shapeName('sc-bdfBwQ')).toBe('{shape a2-a3AaA}');
    expect(shapeName('row-4711')).toBe('{shape a3-#4}');
    expect(shapeAttr('class', 'obc_link css-1x2y3z', BASE, ctx())).toBe('obc_link {shape a3-#a#a#a}');
    expect(shapeAttr('role', 'row', BASE, ctx())).toBe('row');
    expect(shapeAttr('role', 'Jonas', BASE, ctx())).toBe('{shape Aa4}');
    expect(shapeAttr('onclick', 'steal()', BASE, ctx())).toBe('{masked}');
    expect(shapeAttr('data-testid', 'invoice-address', BASE, ctx())).toBe('a7-{anchor:orderAddressBlocks}');
  });
});

describe('back from shapes (fixture:from-report)', () => {
  const samples = [
    'Gartenstuhl aus Teak',
    'Sonnenschirm <b>XL</b> <img src=x onerror="window.__lgaPwned=1">',
    'Bestellt am 22.11.2026, 14:05 Uhr · Bestellnummer fr7dx20k5m',
    'Telefon: +49 (0)40 1234 5678',
    'Rechnung an q2w8e4r6@customer.otto.market, Kopie an jonas.probst@example.net',
    'Bestand: 1.250 Stk.',
    'Lieferart: Spedition (Wunschort), Versanddienstleister: Kuehne + Nagel',
    'Ecksofa „Lagom“, Cord, 3-Sitzer',
    '١٢٣ مرحبا 👋 zero\u200bwidth',
  ];

  it.each(samples)('synthetic text has the recorded shape: %s', (text) => {
    const shaped = shapeText(text, ctx());
    const synthetic = synthesize(shaped, { contact: synthContact });
    expect(shapeText(synthetic, ctx())).toBe(shaped);
    // None of the original words comes back.
    for (const w of text.split(/\s+/).filter((x) => x.length > 3 && !/^\d/.test(x))) if (!VOCABULARY.some((v) => v.re.test(w) && (v.re.lastIndex = 0) === 0)) expect(synthetic).not.toContain(w);
  });

  it('gives every token wording the recognisers read as that token', () => {
    const say = (token: string) => synthesize(`{${token}}`, { contact: synthContact });
    expect(statusFromText(say('status:restricted'))).toBe('restricted');
    expect(statusFromText(say('status:pending'))).toBe('pending');
    expect(statusFromText(say('status:rejected'))).toBe('rejected');
    expect(statusFromText(say('status:online'))).toBe('online');
    expect(CONTACT_ACTION_TEXT.test(say('action:contact-customer'))).toBe(true);
    expect(isPhoneLabel(say('label:phone'))).toBe(true);
    expect(detectFreight({ texts: [say('freight')] }).freight).toBe(true);
    expect(detectFreight({ carriers: [say('carrier:freight')] }).freight).toBe(true);
    expect(detectFreight({ carriers: [say('carrier:parcel')] }).freight).toBe(false);
    expect(classifyEmail(say('email:relay 1'), { freight: false })?.kind).toBe('relay');
    expect(classifyEmail(say('email:placeholder 1'), { freight: false })?.kind).toBe('placeholder');
    expect(classifyEmail(say('email:other 1'), { freight: false })?.kind).toBe('other');
    expect(parsePhone(say('phone 7'))).not.toBeNull();
    expect(synthAttr('data-status', '{status:restricted}', 1)).toBe('RESTRICTED');
    expect(synthesize('{n0 #,#2}')).toBe('0,00');
    expect(synthesize('{n+ #2.#2.#4}')).toBe('10.10.1000');
  });

  it('gives distinct product links per link class and equal ones for equal classes', () => {
    const c = ctx();
    const shapes = ['https://www.otto.de/p/a-1/', 'https://www.otto.de/p/b-2/', 'https://www.otto.de/p/a-1/'].map((u) => shapeUrl(u, BASE, c));
    const urls = shapes.map(synthUrl);
    expect(urls.every((u) => shopUrl(u)?.href.startsWith('https://www.otto.de/p/'))).toBe(true);
    expect(new Set(urls).size).toBe(2);
    expect(urls[0]).toBe(urls[2]);
    // Protocol-relative and http links stay so (the shop-link check refuses them as the original).
    expect(synthUrl(shapeUrl('//www.otto.de/p/c-3/', BASE, c))).toMatch(/^\/\/www\.otto\.de\/p\/musterprodukt-[a-z]+-\d+\/$/);
    expect(synthUrl(shapeUrl('http://www.otto.de/p/c-3/', BASE, c))).toMatch(/^http:\/\/www\.otto\.de\/p\//);
    expect(synthUrl(shapeUrl('/orders#/details/fr7dx20k5m/articles', BASE, c))).toMatch(/^\/orders#\/details\/[a-z]{2}1[a-z]{2}10[a-z]1[a-z]\/articles$/);
    expect(synthAttr('class', 'obc_label {shape a3-#4}', 1)).toMatch(/^obc_label [a-z]{3}-1000$/);
  });
});
