import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** The text of a committed fixture, e.g. `portal/products-overview.html`. */
export function fixtureText(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/**
 * Loads a fixture into the current happy-dom document (inline scripts do not run: DOM tests look
 * at markup; the end-to-end tests run the pages for real).
 */
export function loadFixture(name: string): void {
  const html = fixtureText(name);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(doc.head.childNodes).map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
  document.documentElement.lang = doc.documentElement.lang;
}
