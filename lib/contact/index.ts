/** Buyer-contact rules: pure classification of e-mails, phone numbers and orders (no DOM, no I/O). */
export * from './classify';
export * from './email';
export * from './phone';
export * from './freight';
export * from './invisible';
