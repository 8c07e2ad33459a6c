import { describe, expect, it } from 'vitest';
import { formatDate } from '../../lib/i18n';

/** formatDate avoids Intl (its first use costs a tab ~25 ms) but must read exactly like it. */
describe('formatDate', () => {
  it('matches Intl for every month in German and English', () => {
    for (let m = 0; m < 12; m++) {
      const at = new Date(2026, m, m + 1, 12).getTime();
      const opts = { day: 'numeric', month: 'short', year: 'numeric' } as const;
      expect(formatDate('de', at)).toBe(new Date(at).toLocaleDateString('de-DE', opts));
      expect(formatDate('en', at)).toBe(new Date(at).toLocaleDateString('en-GB', opts));
    }
  });
  it('writes the examples out', () => {
    const at = new Date(2026, 10, 23, 9).getTime();
    expect(formatDate('de', at)).toBe('23. Nov. 2026');
    expect(formatDate('en', at)).toBe('23 Nov 2026');
  });
});
