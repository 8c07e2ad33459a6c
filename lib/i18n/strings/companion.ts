/** UI strings of the otto.de companion: the guide on otto.de, its options section, the popup line and the checklist action. */
export const de = {
  'companion.guide.title': 'Livegang-Assistent: Ihre Testbestellung',
  'companion.guide.restricted': 'Dieses Produkt ist nur über den Deeplink sichtbar, solange Ihre Produkte eingeschränkt sind.',
  'companion.guide.next': 'So geht es weiter:',
  'companion.guide.step.login': 'Mit Ihrem Kundenkonto anmelden – nicht mit der E-Mail-Adresse Ihres Verkäuferprofils.',
  'companion.guide.step.cart': 'Das Produkt in den Warenkorb legen.',
  'companion.guide.step.order': 'Bestellen. Die Bestellbestätigung hakt die Testbestellung ab.',
  'companion.guide.emailNote': 'Ob die E-Mail-Adressen verschieden sind, kann der Livegang-Assistent nicht sehen.',
  'companion.guide.article': 'Aktuelle Anleitung von OTTO: Vorbereitungen Livegang',
  'companion.guide.close': 'Hinweis schließen',
  'companion.action': 'Testbestellung auf otto.de begleiten',
  'companion.options.title': 'Begleitung auf otto.de',
  'companion.options.switch': 'Testbestellung auf otto.de begleiten (Zugriff auf www.otto.de)',
  'companion.options.explain':
    'Mit Ihrer Zustimmung erkennt der Livegang-Assistent auf www.otto.de, dass Sie mit einem Kundenkonto angemeldet sind, die Produktseite aus dem Deeplink und die Bestellbestätigung Ihrer Testbestellung. Er liest dabei weder Bestellnummer noch Name, Adresse oder Betrag.',
  'companion.options.on': 'Zugriff auf otto.de ist erteilt.',
  'companion.options.off': 'Kein Zugriff auf otto.de.',
  'companion.options.refused': 'Der Browser hat den Zugriff auf otto.de nicht erteilt.',
  'companion.popup.on': 'Begleitung auf otto.de: an',
  'companion.popup.off': 'Begleitung auf otto.de: aus',
} as const;

export const en: Record<keyof typeof de, string> = {
  'companion.guide.title': 'Livegang-Assistent: your test order',
  'companion.guide.restricted': 'While your products are restricted, this product can only be seen through its deeplink.',
  'companion.guide.next': 'Next steps:',
  'companion.guide.step.login': 'Log in with your customer account – not with the e-mail address of your seller profile.',
  'companion.guide.step.cart': 'Add the product to the cart.',
  'companion.guide.step.order': 'Place the order. The order confirmation ticks the test order.',
  'companion.guide.emailNote': 'Livegang-Assistent cannot see whether the e-mail addresses differ.',
  'companion.guide.article': 'OTTO’s current guide: Vorbereitungen Livegang',
  'companion.guide.close': 'Close this note',
  'companion.action': 'Accompany the test order on otto.de',
  'companion.options.title': 'Companion on otto.de',
  'companion.options.switch': 'Accompany the test order on otto.de (access to www.otto.de)',
  'companion.options.explain':
    'With your consent, Livegang-Assistent recognises on www.otto.de that you are logged in with a customer account, the product page opened through the deeplink, and the order confirmation of your test order. It reads no order number, name, address or amount.',
  'companion.options.on': 'Access to otto.de is granted.',
  'companion.options.off': 'No access to otto.de.',
  'companion.options.refused': 'The browser did not grant access to otto.de.',
  'companion.popup.on': 'Companion on otto.de: on',
  'companion.popup.off': 'Companion on otto.de: off',
};
