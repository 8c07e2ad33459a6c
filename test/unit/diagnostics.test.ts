import { describe, expect, it } from 'vitest';
import { browserName, diagnosticsText, missingAnchors, type TabDiagnostics } from '../../lib/diagnostics/report';

const d: TabDiagnostics = {
  version: '1.2.3',
  page: 'opc-order-details',
  features: {
    autosteps: { status: 'running', anchors: { portalLoggedIn: 'found' } },
    contact: { status: 'missing-anchors', anchors: { productList: 'missing' } },
    checklist: { status: 'failed', anchors: {}, error: 'TypeError' },
  },
};

describe('diagnostics report', () => {
  it('lists missing anchors once', () => {
    expect(missingAnchors({ ...d, features: { ...d.features, deeplinks: { status: 'missing-anchors', anchors: { productList: 'missing' } } } })).toEqual(['productList']);
  });

  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', 'Firefox 153'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.73 Safari/537.36', 'Chrome 156'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/150.0.0.0 Safari/537.36 Edg/150.0.0.0', 'Edge 150'],
    ['curl/8', 'unknown'],
  ])('browser name from %s', (ua, name) => expect(browserName(ua)).toBe(name));

  it('text names version, browser, page type, feature states and missing anchors only', () => {
    expect(diagnosticsText(d, 'Firefox/153.0')).toBe(
      [
        'Livegang-Assistent 1.2.3',
        'Browser: Firefox 153',
        'Page: opc-order-details',
        'Feature autosteps: running',
        'Feature contact: missing-anchors',
        'Feature checklist: failed (TypeError)',
        'Missing anchors: productList',
      ].join('\n'),
    );
  });
});
