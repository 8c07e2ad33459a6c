import { defineFeature } from '../types';

/** The ticket assistant above the help center's "Ticket anlegen" form. Code: ./init.tsx */
export const ticket = defineFeature({
  id: 'ticket',
  pages: ['hc-ticket-form'],
  anchors: ['ticketDescription'],
  strings: 'ticket',
  setting: { default: true },
});

declare module '../types' {
  interface Features {
    ticket: typeof ticket;
  }
}
