import { defineFeature } from '../types';

/** Buyer-contact guardrails: warnings beside buyer e-mails and phones, rules beside "Kund*in kontaktieren". */
export const contact = defineFeature({
  id: 'contact',
  pages: ['opc-order-list', 'opc-order-details'],
  anchors: ['orderContent'],
  strings: 'contact',
  setting: { default: true },
});

declare module '../types' {
  interface Features {
    contact: typeof contact;
  }
}
