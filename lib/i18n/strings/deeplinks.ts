/** UI strings of the deeplink controls (OPC product list and product page). `en` must have every key. */
export const de = {
  'deeplink.open': 'Auf otto.de öffnen',
  // Short labels where the full control does not fit beside the name (the accessible names stay full).
  'deeplink.openShort': 'otto.de',
  'deeplink.copyShort': 'Kopieren',
  'deeplink.copiedShort': 'Kopiert',
  'deeplink.openNewTab': 'Auf otto.de öffnen (neuer Tab)',
  'deeplink.openNamed': 'Auf otto.de öffnen: {name} (neuer Tab)',
  'deeplink.copy': 'Link kopieren',
  'deeplink.copyNamed': 'Link kopieren: {name}',
  'deeplink.copied': 'Link kopiert',
  'deeplink.copiedNamed': 'Link kopiert: {name}',
  'deeplink.copyFailed': 'Kopieren nicht möglich – bitte den Link über das Kontextmenü kopieren.',
  'deeplink.status.restricted': 'Sichtbarkeit eingeschränkt: Kund*innen erreichen das Produkt nur über diesen Link.',
  'deeplink.status.online': 'Online: das Produkt ist im Shop sichtbar.',
  'deeplink.status.pending': 'In Prüfung: der Link funktioniert eventuell noch nicht.',
  'deeplink.status.rejected': 'Abgelehnt: der Link funktioniert eventuell nicht.',
  'deeplink.status.unknown': 'Produkt auf otto.de',
} as const;

export const en: Record<keyof typeof de, string> = {
  'deeplink.open': 'Open on otto.de',
  'deeplink.openShort': 'otto.de',
  'deeplink.copyShort': 'Copy',
  'deeplink.copiedShort': 'Copied',
  'deeplink.openNewTab': 'Open on otto.de (new tab)',
  'deeplink.openNamed': 'Open on otto.de: {name} (new tab)',
  'deeplink.copy': 'Copy link',
  'deeplink.copyNamed': 'Copy link: {name}',
  'deeplink.copied': 'Link copied',
  'deeplink.copiedNamed': 'Link copied: {name}',
  'deeplink.copyFailed': 'Copying is not possible – please copy the link from the context menu.',
  'deeplink.status.restricted': 'Visibility restricted: customers can reach the product only through this link.',
  'deeplink.status.online': 'Online: the product is visible in the shop.',
  'deeplink.status.pending': 'Under review: the link may not work yet.',
  'deeplink.status.rejected': 'Rejected: the link may not work.',
  'deeplink.status.unknown': 'Product on otto.de',
};
