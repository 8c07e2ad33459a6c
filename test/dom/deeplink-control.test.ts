import { describe, expect, it } from 'vitest';
import { createDeeplink } from '../../lib/ui/deeplink-control';
import { deeplinkWidth } from '../../lib/ui/deeplink-labels';
import { registerStrings, translator } from '../../lib/i18n';
import * as deeplinks from '../../lib/i18n/strings/deeplinks';

registerStrings(deeplinks);

/** The row control's visible labels per fit (its accessible names never shorten). */
describe('deeplink control labels', () => {
  const de = translator('de');
  const en = translator('en');
  const view = { url: 'https://www.otto.de/p/gartenstuhl-1234567890/', status: 'restricted' as const, name: 'Gartenstuhl <b>Teak</b>' };
  const texts = (host: HTMLElement) => {
    const root = host.shadowRoot!;
    const open = root.querySelector('a.open')!;
    const copy = root.querySelector('button.copy')!;
    return { open: open.textContent, openName: open.getAttribute('aria-label'), copy: copy.textContent, copyName: copy.getAttribute('aria-label') };
  };

  it('shows the full labels when it has room, the short ones in compact, with full accessible names', () => {
    const full = createDeeplink(document, view, de, 'overlay');
    expect(texts(full.host)).toEqual({
      open: '↗ Auf otto.de öffnen',
      openName: 'Auf otto.de öffnen: Gartenstuhl <b>Teak</b> (neuer Tab)',
      copy: 'Link kopieren',
      copyName: 'Link kopieren: Gartenstuhl <b>Teak</b>',
    });
    const compact = createDeeplink(document, view, de, 'compact');
    expect(compact.host.getAttribute('data-fit')).toBe('compact');
    expect(texts(compact.host)).toEqual({ ...texts(full.host), open: '↗ otto.de', copy: 'Kopieren' });
    // The product name stays text (no element made from it).
    expect(compact.host.shadowRoot!.querySelector('b')).toBeNull();
  });

  it('switches labels with its fit, also while "copied" shows, and with the language', () => {
    const c = createDeeplink(document, view, de, 'overlay');
    c.setFit('compact');
    expect(texts(c.host).open).toBe('↗ otto.de');
    c.setCopy('copied', de);
    expect(texts(c.host).copy).toBe('Kopiert');
    expect(texts(c.host).copyName).toBe('Link kopiert: Gartenstuhl <b>Teak</b>');
    // In the flow a list's control keeps the short labels (one look per list, less room taken).
    c.setFit('inline');
    expect(c.host.getAttribute('data-fit')).toBe('inline');
    expect(texts(c.host)).toMatchObject({ open: '↗ otto.de', copy: 'Kopiert' });
    c.setFit('overlay');
    expect(texts(c.host)).toMatchObject({ open: '↗ Auf otto.de öffnen', copy: 'Link kopiert' });
    c.setFit('compact');
    c.update(view, en);
    expect(texts(c.host)).toMatchObject({ open: '↗ otto.de', copy: 'Copy', openName: 'Open on otto.de: Gartenstuhl <b>Teak</b> (new tab)' });
  });

  it('a standalone control (the product page) shows the full labels in the flow, whatever its fit', () => {
    const c = createDeeplink(document, view, de, 'inline', true);
    expect(texts(c.host)).toMatchObject({ open: '↗ Auf otto.de öffnen', copy: 'Link kopieren' });
    c.setFit('compact');
    c.setCopy('copied', de);
    expect(texts(c.host)).toMatchObject({ open: '↗ Auf otto.de öffnen', copy: 'Link kopiert' });
    c.update(view, en);
    expect(texts(c.host)).toMatchObject({ open: '↗ Open on otto.de', copy: 'Copy link' });
  });

  it('estimates the short look narrower than the full one, and bold wider than regular', () => {
    for (const t of [de, en]) {
      expect(deeplinkWidth(t, 'restricted', 'compact')).toBeLessThan(deeplinkWidth(t, 'restricted', 'overlay') - 50);
      expect(deeplinkWidth(t, 'restricted', 'overlay')).toBeGreaterThan(deeplinkWidth(t, 'online', 'overlay'));
    }
  });
});
