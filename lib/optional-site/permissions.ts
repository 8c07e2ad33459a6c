import { browser } from 'wxt/browser';

/**
 * Optional host permissions, asked for and given back one site at a time (generic: any feature
 * with an optional site can use it). `requestHosts` must be called right in the click handler,
 * before any `await`: browsers grant the prompt only during the merchant's gesture.
 */
export function requestHosts(patterns: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...patterns] }).catch(() => false);
}

/** Gives back `patterns`, except those another enabled site still needs; whether the browser removed them. */
export async function releaseHosts(patterns: readonly string[], stillNeeded: readonly string[] = []): Promise<boolean> {
  const origins = patterns.filter((p) => !stillNeeded.includes(p));
  return origins.length ? browser.permissions.remove({ origins }).catch(() => false) : true;
}
