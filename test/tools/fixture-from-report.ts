/**
 * `npm run fixture:from-report <report.json> [out.html]`: turns a page-structure report (the file
 * the popup's "Seitenstruktur speichern" writes) into an HTML fixture with synthetic data
 * (test/support/fixture-from-report.ts). Same-origin frames become files next to it; the routes
 * to serve them (host → path → file) are written to `<out>.routes.json` and printed.
 * Without `out.html` the fixture goes to `test/fixtures/portal/from-report-<pagekind>.html`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fixtureFromReport, parseReport } from '../support/fixture-from-report';
import { FIXTURE_DIR } from '../support/fixtures';

function main() {
  const [input, output] = process.argv.slice(2);
  if (!input) {
    console.error('usage: npm run fixture:from-report <report.json> [out.html]');
    process.exit(2);
  }
  const report = parseReport(readFileSync(resolve(input), 'utf8'));
  const out = resolve(output ?? resolve(FIXTURE_DIR, report.pageKind.startsWith('hc-') ? 'account' : 'portal', `from-report-${report.pageKind}.html`));
  const name = basename(out).replace(/\.html?$/, '');
  const fixture = fixtureFromReport(report, { name });
  writeFileSync(out, fixture.html);
  const routes: Record<string, Record<string, string>> = { [fixture.host]: {} };
  for (const f of fixture.frames) {
    const file = resolve(dirname(out), f.name);
    writeFileSync(file, f.html);
    routes[fixture.host]![f.path] = relative(FIXTURE_DIR, file);
  }
  console.log(`${relative(process.cwd(), out)}: ${report.pageKind} page, ${report.counts.elements} elements, ${report.counts.shadowRoots} shadow roots, ${fixture.frames.length} frames${report.cut.nodes || report.cut.depth ? ' (the report was cut by its limits)' : ''}`);
  if (fixture.frames.length) {
    const routesFile = out.replace(/\.html?$/, '') + '.routes.json';
    writeFileSync(routesFile, `${JSON.stringify(routes, null, 2)}\n`);
    console.log(`frame routes (add to the test's fixture map): ${relative(process.cwd(), routesFile)}\n${JSON.stringify(routes, null, 2)}`);
  }
}

main();
