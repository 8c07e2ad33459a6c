/**
 * Characters that change nothing a reader sees in an address but break matching: zero-width
 * space/joiners (U+200B–U+200D), word joiner (U+2060), BOM / zero-width no-break space (U+FEFF),
 * soft hyphen (U+00AD), and the bidi marks, embeddings, overrides and isolates (U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069). A page (or what a buyer typed) may carry them inside an e-mail
 * address or a phone number; values are classified without them. Pure.
 */
export const INVISIBLE_CHARS = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** `text` without the invisible characters above (everything visible stays as it is). */
export function normaliseInvisible(text: string): string {
  return text.replace(INVISIBLE_CHARS, '');
}
