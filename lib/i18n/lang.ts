import type { LanguagePref } from '../settings/defaults';

export type Lang = 'de' | 'en';

/** German unless the browser prefers another language (then English). */
export function resolveLang(pref: LanguagePref, languages: readonly string[] = navigatorLanguages()): Lang {
  if (pref !== 'auto') return pref;
  const first = (languages[0] ?? 'de').toLowerCase();
  return first.startsWith('de') ? 'de' : 'en';
}

function navigatorLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? ['de'] : navigator.languages?.length ? navigator.languages : [navigator.language];
}
