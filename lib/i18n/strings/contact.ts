/** UI strings of the contact area. German first; `en` must have every key. */
export const de = {
  'contact.short.relay.email': 'Relay-Adresse von OTTO',
  'contact.short.placeholder.email': 'Platzhalter – erreicht niemanden',
  'contact.short.freight.email': 'Nur für die Spedition',
  'contact.short.freight.phone': 'Nur für die Spedition',
  'contact.short.other.email': 'Kontakt nur über OTTO',
  'contact.short.other.phone': 'Nicht zum Kontaktieren',
  'contact.rule.relay.email':
    'Pseudonymisierte Adresse von OTTO. Mails kommen nur an, wenn Sie von der E-Mail-Adresse schreiben, die bei OTTO hinterlegt ist – sonst erhält die Kundin oder der Kunde nichts. Schreiben Sie nur aus Gründen, die die Bestellung betreffen.',
  'contact.rule.placeholder.email':
    'Diese Adresse hat ein Shop-Plugin (magnalister) nach dem Muster Vorname.Nachname.Bestellnummer erzeugt, weil OTTO keine E-Mail-Adresse übermittelt hat. Sie erreicht niemanden. Kontaktieren Sie Kund*innen über „Kund*in kontaktieren“ in Partner Connect.',
  'contact.rule.placeholder.matches': 'Die Bestellnummer in der Adresse gehört zu dieser Bestellung.',
  'contact.rule.freight.email':
    'Speditionsauftrag: Diese E-Mail-Adresse dürfen Sie nur an die Spedition weitergeben, damit sie den Liefertermin vereinbart. Kund*innen damit selbst anzuschreiben, verbietet OTTO.',
  'contact.rule.freight.phone':
    'Speditionsauftrag: Diese Telefonnummer dürfen Sie nur an die Spedition weitergeben, damit sie den Liefertermin vereinbart. Kund*innen damit anzurufen oder anzuschreiben, verbietet OTTO.',
  'contact.rule.other.email':
    'Kontaktieren Sie Kund*innen nur über „Kund*in kontaktieren“ in Partner Connect und nur aus erlaubten Gründen. OTTOs eigene Benachrichtigungen (Bestell-, Versand-, Zustellbestätigung) nie erneut senden.',
  'contact.rule.other.phone':
    'Bei Paketversand gibt OTTO keine Telefonnummer weiter. Nutzen Sie diese Nummer nicht, um Kund*innen zu kontaktieren; schreiben Sie über „Kund*in kontaktieren“ und nur aus erlaubten Gründen.',
  'contact.article': 'OTTO-Artikel: Kontakt zu Kund*innen aufnehmen',
  'contact.showRule': 'Regel anzeigen',
  'contact.close': 'Schließen',
  'contact.copied.relay': 'Kopiert. Schreiben Sie nur von Ihrer bei OTTO hinterlegten Adresse – und nur zur Bestellung.',
  'contact.copied.placeholder': 'Kopiert. Diese Adresse erreicht niemanden – nutzen Sie „Kund*in kontaktieren“.',
  'contact.copied.freight': 'Kopiert. Nur an die Spedition weitergeben, nur für den Liefertermin.',
  'contact.copied.other': 'Kopiert. Kontakt nur über OTTO und nur aus erlaubten Gründen.',
  'contact.rules.title': 'Kund*innen nur aus erlaubten Gründen kontaktieren',
  'contact.rules.allowed': 'Erlaubt',
  'contact.reason.processing': 'Fragen, die zur Abwicklung der Bestellung nötig sind',
  'contact.reason.delivery': 'Kontakt- und Adressdaten für den Liefertermin',
  'contact.reason.shipment': 'Änderungen am Versand (neue Sendungsnummer, Verzögerung)',
  'contact.reason.recall': 'Produktrückrufe und Warnhinweise',
  'contact.reason.return': 'eine abgelehnte Retoure',
  'contact.reason.takeback': 'gesetzliche Rücknahmepflichten',
  'contact.rules.never': 'Nie erneut senden – das macht OTTO selbst',
  'contact.never.orderConfirmation': 'Bestellbestätigung',
  'contact.never.shippingConfirmation': 'Versandbestätigung',
  'contact.never.parcelShop': 'Zustellung im Paketshop',
  'contact.never.delivered': 'Zustellbestätigung',
  'contact.rules.risk': 'Alles andere ist verboten und kann zur Sperrung des Kontos führen.',
  'contact.rules.article': 'Regeln bei OTTO',
} as const;

export const en: Record<keyof typeof de, string> = {
  'contact.short.relay.email': 'OTTO relay address',
  'contact.short.placeholder.email': 'Placeholder – reaches nobody',
  'contact.short.freight.email': 'For the carrier only',
  'contact.short.freight.phone': 'For the carrier only',
  'contact.short.other.email': 'Contact through OTTO only',
  'contact.short.other.phone': 'Not for contacting',
  'contact.rule.relay.email':
    'Pseudonymised address from OTTO. Mail only arrives when you write from the e-mail address registered with OTTO – otherwise the customer receives nothing. Write only for reasons that concern the order.',
  'contact.rule.placeholder.email':
    'A shop plugin (magnalister) made up this address as FirstName.LastName.OrderNumber because OTTO sent no e-mail address. It reaches nobody. Contact customers through "Contact customer" in Partner Connect.',
  'contact.rule.placeholder.matches': 'The order number inside the address belongs to this order.',
  'contact.rule.freight.email':
    'Freight order: you may pass this e-mail address only to the carrier so that it can arrange the delivery date. OTTO forbids writing to the customer with it yourself.',
  'contact.rule.freight.phone':
    'Freight order: you may pass this phone number only to the carrier so that it can arrange the delivery date. OTTO forbids calling or texting the customer with it.',
  'contact.rule.other.email':
    'Contact customers only through "Contact customer" in Partner Connect and only for allowed reasons. Never resend OTTO\'s own notifications (order, shipping, delivery confirmation).',
  'contact.rule.other.phone':
    'OTTO passes on no phone number for parcel orders. Do not use this number to contact the customer; write through "Contact customer" and only for allowed reasons.',
  'contact.article': 'OTTO article: contacting customers',
  'contact.showRule': 'Show rule',
  'contact.close': 'Close',
  'contact.copied.relay': 'Copied. Write only from the address registered with OTTO – and only about the order.',
  'contact.copied.placeholder': 'Copied. This address reaches nobody – use "Contact customer".',
  'contact.copied.freight': 'Copied. Pass it to the carrier only, only for the delivery date.',
  'contact.copied.other': 'Copied. Contact only through OTTO and only for allowed reasons.',
  'contact.rules.title': 'Contact customers for allowed reasons only',
  'contact.rules.allowed': 'Allowed',
  'contact.reason.processing': 'questions needed to process the order',
  'contact.reason.delivery': 'contact and address data for the delivery date',
  'contact.reason.shipment': 'changes to the shipment (new tracking number, delay)',
  'contact.reason.recall': 'product recalls and warnings',
  'contact.reason.return': 'a rejected return',
  'contact.reason.takeback': 'statutory take-back services',
  'contact.rules.never': 'Never resend – OTTO sends these itself',
  'contact.never.orderConfirmation': 'order confirmation',
  'contact.never.shippingConfirmation': 'shipping confirmation',
  'contact.never.parcelShop': 'delivered to a parcel shop',
  'contact.never.delivered': 'delivery confirmation',
  'contact.rules.risk': 'Everything else is forbidden and can get the account blocked.',
  'contact.rules.article': 'OTTO\'s rules',
};
