/**
 * Which ticket category / sub-category fits a go-live confirmation. Only an option whose text
 * mentions the go-live (Livegang, Freischaltung, go-live, Restriktion) or onboarding fits;
 * anything else is left to the merchant.
 */
export interface ChoiceOption {
  value: string;
  label: string;
}

/** Strong: the option is about going live. Weak: about onboarding in general. */
const STRONG = [/live\s*-?\s*gang/i, /freischalt/i, /\bgo[\s-]?live/i, /\bgoing\s+live/i, /restriktion/i, /\blive\s*schalt/i, /sichtbarkeit/i];
const WEAK = [/onboarding/i, /erste\s+schritte/i, /\bstart\b/i, /registrierung\s*&\s*live/i];

export function fitScore(label: string): number {
  const text = label.replace(/\s+/g, ' ').trim();
  if (!text) return 0;
  if (STRONG.some((r) => r.test(text))) return 2;
  if (WEAK.some((r) => r.test(text))) return 1;
  return 0;
}

/** The best fitting option, or `null` when none fits. Empty values ("--Keine--") never fit. */
export function pickFitting<O extends ChoiceOption>(options: readonly O[]): O | null {
  let best: O | null = null;
  let bestScore = 0;
  for (const o of options) {
    if (!o.value) continue;
    const score = Math.max(fitScore(o.label), fitScore(o.value) > 1 ? 2 : 0);
    if (score > bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}
