import type { Diagnostics, FeatureId } from '../features/types';

/** What the content script answers to the popup: diagnostics plus the extension version. */
export interface TabDiagnostics extends Diagnostics {
  version: string;
}

/** The anchors a page expected and did not find, per feature (the "needs update" list). */
export function missingAnchors(d: Diagnostics): string[] {
  const out = new Set<string>();
  for (const f of Object.values(d.features)) {
    for (const [name, state] of Object.entries(f?.anchors ?? {})) if (state === 'missing') out.add(name);
  }
  return [...out];
}

/** "Chrome 156" / "Firefox 153" from a user-agent string; never more than name and major version. */
export function browserName(userAgent: string): string {
  const ff = /Firefox\/(\d+)/.exec(userAgent);
  if (ff) return `Firefox ${ff[1]}`;
  const edge = /Edg\/(\d+)/.exec(userAgent);
  if (edge) return `Edge ${edge[1]}`;
  const chrome = /Chrom(?:e|ium)\/(\d+)/.exec(userAgent);
  if (chrome) return `Chrome ${chrome[1]}`;
  return 'unknown';
}

/**
 * The text "copy diagnostics" puts on the clipboard: version, browser, page type, feature states
 * and missing anchors. Built only from enums and anchor names — never page content or URLs.
 */
export function diagnosticsText(d: TabDiagnostics, userAgent: string): string {
  const lines = [
    `Livegang-Assistent ${d.version}`,
    `Browser: ${browserName(userAgent)}`,
    `Page: ${d.page}`,
    ...Object.entries(d.features).map(([id, f]) => `Feature ${id as FeatureId}: ${f?.status}${f?.error ? ` (${f.error})` : ''}`),
    `Missing anchors: ${missingAnchors(d).join(', ') || 'none'}`,
  ];
  return lines.join('\n');
}
