import { structureReport, type StructureReport } from '../diagnostics/structure';
import { browserName } from '../diagnostics/report';
import { pageKindOf } from '../otto/pages';

/**
 * The page-structure report of this frame's document, as the UI chunks publish it (PageTools):
 * browser name and major version only, the day only, the page kind; the URL is used for
 * resolving links and never written.
 */
export function pageStructure(meta: { version: string }): StructureReport {
  return structureReport(document, {
    version: meta.version,
    browser: browserName(navigator.userAgent),
    pageKind: pageKindOf(location.href),
    date: new Date().toISOString().slice(0, 10),
    href: location.href,
  });
}
