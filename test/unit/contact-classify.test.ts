import { describe, expect, it } from 'vitest';
import {
  classifyContact,
  classifyEmail,
  classifyPhone,
  detectFreight,
  emailsOfMailto,
  forwarderOf,
  FORWARDERS,
  hasFreightWording,
  isParcelCarrier,
  isPhoneLabel,
  looksLikeDate,
  parseEmail,
  parsePhone,
  phonesInText,
  PARCEL_CARRIERS,
  textMentions,
  normaliseInvisible,
  EMAIL_IN_TEXT,
  type ContactKind,
} from '../../lib/contact';

const PARCEL = { freight: false };
const FREIGHT = { freight: true };

describe('classifyEmail: relay, placeholder, freight, other', () => {
  const table: Array<[string, { freight: boolean; orderNumber?: string }, ContactKind]> = [
    // relay: exact domain, whatever the spelling around it
    ['k7f3q9x2@customer.otto.market', PARCEL, 'relay'],
    ['K7F3Q9X2@CUSTOMER.OTTO.MARKET', PARCEL, 'relay'],
    ['  k7f3q9x2@customer.otto.market \n', PARCEL, 'relay'],
    ['mailto:k7f3q9x2@customer.otto.market', PARCEL, 'relay'],
    ['MAILTO:k7f3q9x2@Customer.Otto.Market?subject=Ihre%20Bestellung&body=Hallo', PARCEL, 'relay'],
    ['mailto:k7f3q9x2%40customer.otto.market?cc=shop@example.com', PARCEL, 'relay'],
    ['mailto:k7f3q9x2@customer.otto.market#frag', PARCEL, 'relay'],
    ['Erika Beispiel <k7f3q9x2@customer.otto.market>', PARCEL, 'relay'],
    ['„k7f3q9x2@customer.otto.market“.', PARCEL, 'relay'],
    // relay wins over freight: the invoice address of a freight order is still the relay
    ['k7f3q9x2@customer.otto.market', FREIGHT, 'relay'],
    // lookalikes: never relay
    ['k7f3q9x2@customer.otto.market.evil.example', PARCEL, 'other'],
    ['k7f3q9x2@xcustomer.otto.market', PARCEL, 'other'],
    ['k7f3q9x2@sub.customer.otto.market', PARCEL, 'other'],
    ['k7f3q9x2@customer-otto.market', PARCEL, 'other'],
    ['k7f3q9x2@customer.otto.marketing', PARCEL, 'other'],
    ['k7f3q9x2@customer.οtto.market', PARCEL, 'other'], // Greek omicron
    ['customer.otto.market@evil.example', PARCEL, 'other'],
    ['mailto:evil@evil.example?to=k7f3q9x2@customer.otto.market', PARCEL, 'other'],
    ['k7f3q9x2@customer.otto.market.evil.example', FREIGHT, 'freight'],
    // placeholder: exact domain
    ['Max.Mustermann.cbn4abc123@otto.magnalister.com', PARCEL, 'placeholder'],
    ['MAX.MUSTERMANN.CBN4ABC123@OTTO.MAGNALISTER.COM', PARCEL, 'placeholder'],
    ['mailto:Max.Mustermann.cbn4abc123@otto.magnalister.com?subject=x', PARCEL, 'placeholder'],
    ['Max.Mustermann.cbn4abc123@otto.magnalister.com', FREIGHT, 'placeholder'],
    ['irgendwas@otto.magnalister.com', PARCEL, 'placeholder'],
    // lookalikes: never placeholder
    ['Max.Mustermann.cbn4abc123@otto.magnalister.com.example', PARCEL, 'other'],
    ['Max.Mustermann.cbn4abc123@xotto.magnalister.com', PARCEL, 'other'],
    ['Max.Mustermann.cbn4abc123@magnalister.com', PARCEL, 'other'],
    ['Max.Mustermann.cbn4abc123@shop.otto.magnalister.com', PARCEL, 'other'],
    ['Max.Mustermann.cbn4abc123@otto-magnalister.com', PARCEL, 'other'],
    // plain addresses
    ['erika.beispiel@example.org', PARCEL, 'other'],
    ['erika.beispiel@example.org', FREIGHT, 'freight'],
    ['mailto:ERIKA.Beispiel@Example.org', FREIGHT, 'freight'],
  ];
  it.each(table)('%j (%j) → %s', (raw, order, kind) => {
    expect(classifyEmail(raw, order)?.kind).toBe(kind);
  });

  it('uses the lower-case address as key, whatever the spelling', () => {
    const keys = ['K7F3Q9X2@CUSTOMER.OTTO.MARKET', ' mailto:k7f3q9x2@customer.otto.market?subject=A ', 'k7f3q9x2@customer.otto.market.'].map(
      (r) => classifyEmail(r, PARCEL)?.key,
    );
    expect(new Set(keys)).toEqual(new Set(['email:k7f3q9x2@customer.otto.market']));
  });

  it('parses placeholder parts and compares the order number with the page', () => {
    const c = classifyEmail('Max.Mustermann.CBN4ABC123@otto.magnalister.com', { freight: false, orderNumber: 'cbn4abc123' });
    expect(c?.placeholder).toEqual({ firstName: 'Max', lastName: 'Mustermann', orderNumber: 'cbn4abc123' });
    expect(c?.matchesOrder).toBe(true);
    const other = classifyEmail('Max.Mustermann.cbn4abc123@otto.magnalister.com', { freight: false, orderNumber: 'zzz9zzz999' });
    expect(other?.matchesOrder).toBe(false);
    expect(classifyEmail('Anna-Lena.Müller-Lüdenscheidt.b7x2k9q4m1@otto.magnalister.com', PARCEL)?.placeholder).toEqual({
      firstName: 'Anna-Lena',
      lastName: 'Müller-Lüdenscheidt',
      orderNumber: 'b7x2k9q4m1',
    });
    expect(classifyEmail('Hans.Peter.Meier.b7x2k9q4m1@otto.magnalister.com', PARCEL)?.placeholder).toEqual({
      firstName: 'Hans',
      lastName: 'Peter.Meier',
      orderNumber: 'b7x2k9q4m1',
    });
    // A placeholder without the documented shape is still a placeholder, without parts.
    const bare = classifyEmail('kunde@otto.magnalister.com', PARCEL);
    expect(bare?.kind).toBe('placeholder');
    expect(bare?.placeholder).toBeNull();
    expect(bare?.matchesOrder).toBe(false);
  });

  it.each(['', '   ', 'keine E-Mail', '@customer.otto.market', 'k7f3q9x2@', 'a b@customer.otto.market', 'x@localhost', 'mailto:', 'a..b@example.org', '.a@example.org', 'k7f3q9x2@customer.otto.market@evil.example'])(
    'rejects %j',
    (raw) => {
      expect(classifyEmail(raw, PARCEL)).toBeNull();
    },
  );

  it('reads every recipient of a mailto link, ignoring its query string', () => {
    expect(emailsOfMailto('mailto:a@customer.otto.market,b@example.org?cc=c@customer.otto.market').map((e) => e.address)).toEqual([
      'a@customer.otto.market',
      'b@example.org',
    ]);
    expect(emailsOfMailto('https://example.org/?mailto:a@customer.otto.market')).toEqual([]);
    // A broken percent-escape does not throw; the text is taken as written.
    expect(parseEmail('mailto:%ZZ@example.org')?.domain).toBe('example.org');
  });
});

describe('parsePhone: German and international formats', () => {
  const phones: Array<[string, string]> = [
    ['040 12345678', '+494012345678'],
    ['040/12345678', '+494012345678'],
    ['040-123 456 78', '+494012345678'],
    ['(040) 123 456 78', '+494012345678'],
    ['0171 1234567', '+491711234567'],
    ['01711234567', '+491711234567'],
    ['0171-123 45 67', '+491711234567'],
    ['030 12345-67', '+493012345 67'.replace(' ', '')],
    ['+49 40 12345678', '+494012345678'],
    ['+49 (0)40 1234 5678', '+494012345678'],
    ['+49(0)40-12345678', '+494012345678'],
    ['0049 40 12345678', '+494012345678'],
    ['+43 1 5321234', '+4315321234'],
    ['+41 44 668 18 00', '+41446681800'],
    ['+1 (212) 555-0100', '+12125550100'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+33 1 23 45 67 89', '+33123456789'],
    ['Tel.: 040 12345678', '+494012345678'],
    ['Telefon: +49 171 1234567', '+491711234567'],
    ['Phone: +49 171 1234567', '+491711234567'],
    ['Mobil 0171 1234567', '+491711234567'],
    ['Telefon (mobil): 0171 1234567', '+491711234567'],
    ['Tel. (0171) 1234567', '+491711234567'],
    ['tel:+494012345678', '+494012345678'],
    ['TEL:+49-40-12345678', '+494012345678'],
    ['tel:%2B494012345678', '+494012345678'],
    ['  0171\u00a01234567  ', '+491711234567'],
  ];
  it.each(phones)('%j → %s', (raw, e164) => {
    expect(parsePhone(raw)?.e164).toBe(e164);
  });

  const notPhones: Array<[string, string]> = [
    ['23.11.2026', 'date'],
    ['01.02.2026', 'date with leading zero'],
    ['01.02.26', 'short date'],
    ['01/02/2026', 'date with slashes'],
    ['01-02-2026', 'date with hyphens'],
    ['2026-11-23', 'ISO date'],
    ['01.02.2026 14:30', 'date and time'],
    ['0800 14:30', 'time'],
    ['cbn4abc123', 'order number'],
    ['1234567890', 'numeric order number'],
    ['Bestellnummer 0123456789', 'labelled order number'],
    ['49,99 €', 'price'],
    ['0,99 €', 'price with leading zero'],
    ['1.299,00 EUR', 'price with thousands separator'],
    ['€ 0123456789', 'amount with currency'],
    ['01067', 'postcode'],
    ['01067 Dresden', 'postcode and city'],
    ['00340434161094042557', 'DHL tracking number (too long)'],
    ['DE89 3704 0044 0532 0130 00', 'IBAN'],
    ['0000000000', 'filler'],
    ['+0 123 456 789', 'country code 0'],
    ['12345', 'too short'],
    ['030 123', 'too short, national'],
    ['0171--1234567', 'repeated separators'],
    ['(0171 1234567', 'unbalanced parenthesis'],
    ['0171 1234567 +1', 'plus inside'],
    ['Fax', 'label only'],
    ['', 'empty'],
  ];
  it.each(notPhones)('%j is not a phone number (%s)', (raw) => {
    expect(parsePhone(raw)).toBeNull();
  });

  it('never takes the page’s own order number for a phone number', () => {
    expect(parsePhone('0123456789')?.e164).toBe('+49123456789');
    expect(parsePhone('0123456789', { orderNumber: '0123456789' })).toBeNull();
  });

  it('finds phone numbers in running text and skips dates, prices and order numbers', () => {
    const found = (t: string) => phonesInText(t).map((p) => p.e164);
    expect(found('Tel. 040 123456-78, Fax 040 87654321')).toEqual(['+494012345678', '+494087654321']);
    expect(found('Telefon: +49 (0)171 1234567 (abends)')).toEqual(['+491711234567']);
    expect(found('Bestellt am 01.02.2026 um 14:30, Summe 0,99 €, Bestellung cbn4abc123')).toEqual([]);
    expect(found('Lieferung bis 03.12.2026, Sendungsnummer 00340434161094042557')).toEqual([]);
    expect(found('Gesamt 0 123 456 € netto')).toEqual([]);
    expect(found('Hauptstr. 12, 01067 Dresden')).toEqual([]);
    expect(found('Artikel 4711-0815-12')).toEqual([]);
  });

  it('recognises phone field labels', () => {
    for (const l of ['Telefon', 'Telefon:', 'Tel.', 'Tel.:', 'Telefonnummer', 'Phone', 'Phone number', 'Mobil', 'Handy', 'Mobile phone']) {
      expect(isPhoneLabel(l), l).toBe(true);
    }
    for (const l of ['Telefonie-Zubehör', 'Bestellnummer', 'Teller', 'Fonds', 'Telefon 0171 1234567', 'Mobilität']) {
      expect(isPhoneLabel(l), l).toBe(false);
    }
  });

  it('tells dates from numbers', () => {
    expect(looksLikeDate('01.02.2026')).toBe(true);
    expect(looksLikeDate('23.11.')).toBe(true);
    expect(looksLikeDate('0171 12 34 56')).toBe(false);
    expect(looksLikeDate('12.34.56')).toBe(false); // month 34: not a date
  });
});

describe('classifyPhone and classifyContact', () => {
  it('phones of freight orders are freight, others are other', () => {
    expect(classifyPhone('+49 40 12345678', FREIGHT)?.kind).toBe('freight');
    expect(classifyPhone('040 12345678', PARCEL)?.kind).toBe('other');
    expect(classifyPhone('23.11.2026', FREIGHT)).toBeNull();
    expect(classifyPhone('040 12345678', FREIGHT)?.key).toBe(classifyPhone('tel:+494012345678', FREIGHT)?.key);
  });
  it('dispatches by channel', () => {
    expect(classifyContact('mailto:a@customer.otto.market', FREIGHT)).toMatchObject({ kind: 'relay', channel: 'email' });
    expect(classifyContact('tel:+494012345678', FREIGHT)).toMatchObject({ kind: 'freight', channel: 'phone' });
    expect(classifyContact('49,99 €', FREIGHT)).toBeNull();
  });
});

describe('freight detection', () => {
  it('every forwarder id of OTTO’s list is freight; every parcel carrier is not', () => {
    for (const id of FORWARDERS) expect(forwarderOf(id), id).toBe(id);
    for (const id of PARCEL_CARRIERS) {
      expect(forwarderOf(id), id).toBeNull();
      expect(isParcelCarrier(id), id).toBe(true);
    }
  });

  const carriers: Array<[string, string | null]> = [
    ['DACHSER', 'DACHSER'],
    ['Dachser', 'DACHSER'],
    [' dachser SE ', 'DACHSER'],
    ['DB Schenker', 'DB_SCHENKER'],
    ['Kühne + Nagel', 'KUEHNE_NAGEL'],
    ['Kuehne+Nagel', 'KUEHNE_NAGEL'],
    ['KÜHNE & NAGEL (AG & Co.) KG', 'KUEHNE_NAGEL'],
    ['Schockemöhle', 'SCHOCKEMOEHLE'],
    ['Güttler', 'GUETTLER'],
    ['Schmidt-Gevelsberg', 'SCHMIDT_GEVELSBERG'],
    ['DHL Freight', 'DHL_FREIGHT'],
    ['DHL Home Delivery GmbH', 'DHL_HOME_DELIVERY'],
    ['Raben Logistik', 'RABEN_LOGISTIK'],
    ['GEL Express', 'GEL'],
    ['Koch', 'KOCH'],
    ['OTHER_FORWARDER', 'OTHER_FORWARDER'],
    ['DHL', null],
    ['DHL Express', null],
    ['dhl_express', null],
    ['Hermes', null],
    ['GLS', null],
    ['DPD', null],
    ['UPS', null],
    ['Deutsche Post', null],
    ['', null],
  ];
  it.each(carriers)('carrier %j → %s', (raw, id) => {
    expect(forwarderOf(raw)).toBe(id);
  });

  const wording: Array<[string, boolean]> = [
    ['Lieferart: Spedition', true],
    ['Speditionsversand', true],
    ['SPEDITIONSLIEFERUNG bis zur Bordsteinkante', true],
    ['Spedition (Wunschort)', true],
    ['Zustellung an den Wunschort', true],
    ['Lieferung bis zur Grundstücksgrenze', true],
    ['Lieferung bis zur Grundstuecksgrenze', true],
    ['Delivery type: Freight (curbside)', true],
    ['Shipped by freight forwarder', true],
    ['FORWARDER_CURBSIDE', true],
    ['FORWARDER_PREFERREDLOCATION', true],
    ['Versand mit DACHSER', true],
    ['Paketversand mit DHL', false],
    ['Expedition-Rucksack 40 l', false],
    ['Koch-Set, 12-teilig', false], // "Koch" counts only in a carrier field
    ['Hermes Paket, Zustellung Mo–Sa', false],
    ['', false],
  ];
  it.each(wording)('wording %j → %s', (text, freight) => {
    expect(hasFreightWording(text)).toBe(freight);
  });

  it('decides from carriers first, then from wording', () => {
    expect(detectFreight({ carriers: ['DACHSER'] })).toEqual({ freight: true, by: 'carrier' });
    expect(detectFreight({ carriers: ['DHL'], texts: ['Lieferart: Spedition'] })).toEqual({ freight: true, by: 'wording' });
    expect(detectFreight({ carriers: ['Hermes'], texts: ['Paket'] })).toEqual({ freight: false, by: null });
    expect(detectFreight({})).toEqual({ freight: false, by: null });
  });
});

describe('textMentions (copy reminder matching)', () => {
  it('finds e-mails case-insensitively and phones in any notation', () => {
    expect(textMentions('Mail: K7F3Q9X2@customer.otto.market ', 'email:k7f3q9x2@customer.otto.market')).toBe(true);
    expect(textMentions('k7f3q9x2@customer.otto', 'email:k7f3q9x2@customer.otto.market')).toBe(false);
    for (const t of ['+49 (0)40 1234 5678', '040 1234 5678', '+494012345678', 'Tel.: 040/12345678']) {
      expect(textMentions(t, 'phone:+494012345678'), t).toBe(true);
    }
    expect(textMentions('040 1234 567', 'phone:+494012345678')).toBe(false);
    expect(textMentions('', 'phone:+494012345678')).toBe(false);
  });
});

describe('invisible characters inside values (issue 17 item 7)', () => {
  /** Zero-width and bidi marks a page (or a hostile buyer name field) can put inside a value. */
  const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
  const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

  it('an e-mail with any of them inside gets the same class and key as without', () => {
    for (const c of INVISIBLE) {
      expect(classifyEmail(`k7f3${c}q9x2@customer.otto${c}.market`, PARCEL), hex(c)).toEqual(classifyEmail('k7f3q9x2@customer.otto.market', PARCEL));
      expect(classifyEmail(`${c}Lena.Sommer${c}.mg5k8p2x7q@otto.magnalister.com${c}`, { freight: false, orderNumber: 'mg5k8p2x7q' })?.matchesOrder, hex(c)).toBe(true);
      expect(classifyContact(`erika${c}@example.org`, FREIGHT)?.kind, hex(c)).toBe('freight');
      expect(parseEmail(`mailto:k7f3q9x2${c}@customer.otto.market`)?.address, hex(c)).toBe('k7f3q9x2@customer.otto.market');
      expect(emailsOfMailto(`mailto:${encodeURIComponent(c)}k7f3q9x2@customer.otto.market`).map((e) => e.address), hex(c)).toEqual(['k7f3q9x2@customer.otto.market']);
    }
  });

  it('a phone number with any of them inside, also behind tel:, is the same number', () => {
    for (const c of INVISIBLE) {
      expect(parsePhone(`+49${c} 151 ${c}2345${c}6789`)?.e164, hex(c)).toBe('+4915123456789');
      expect(parsePhone(`tel:${c}+49151${c}23456789`)?.e164, hex(c)).toBe('+4915123456789');
      expect(parsePhone(`tel:${encodeURIComponent(`${c}+49151${c}23456789`)}`)?.e164, hex(c)).toBe('+4915123456789');
      expect(classifyPhone(`0171${c} 2345678`, FREIGHT), hex(c)).toEqual(classifyPhone('0171 2345678', FREIGHT));
      expect(phonesInText(`Telefon: ${c}0171 ${c}2345678${c}`).map((p) => p.e164), hex(c)).toEqual(['+491712345678']);
    }
  });

  it('finds them in running text and in copied text', () => {
    expect(normaliseInvisible('a\u200bb\u202ec\u2066d\ufeff')).toBe('abcd');
    // The page scan matches on normalised text: the whole address, not the part after the mark.
    const line = normaliseInvisible('Mail: k7f3\u200bq9x2@customer.otto.market\u200e');
    expect([...line.matchAll(EMAIL_IN_TEXT)].map((m) => parseEmail(m[0])?.address)).toEqual(['k7f3q9x2@customer.otto.market']);
    expect(textMentions('k7f3\u200bq9x2@customer.otto\u200f.market', 'email:k7f3q9x2@customer.otto.market')).toBe(true);
    // Visible characters are never dropped: a value that differs in what one sees stays different.
    expect(classifyEmail('k7f3 q9x2@customer.otto.market', PARCEL)).toBeNull();
    expect(parsePhone('0171 2345678x')).toBeNull();
  });
});
