import { test } from '../support/test';
import { checkShape, OVERVIEW, routesOf, SHAPES, tabOf } from '../support/shapes';

/**
 * Issue #15's product-overview shapes in real Firefox ESR (puppeteer-core over WebDriver BiDi),
 * the same scenario as shapes.spec.ts: one checklist in the top document (content scripts run in
 * the micro-frontend's frame too); one control per restricted product in view, after infinite
 * scroll and row recycling as well; product-with-stock as the shape's stock says.
 */
// A launch, the load and up to five scroll steps, each allowed 10 s to settle on a busy machine.
test.describe.configure({ timeout: 120_000 });

for (const c of SHAPES) {
  test(`Firefox: ${c.file}: one checklist, one control per restricted product in view, also after scrolling; stock step`, async ({ firefox }) => {
    const ff = await firefox({ fixtures: routesOf(c.file), locale: c.locale });
    const page = await ff.openOtto(OVERVIEW);
    await checkShape(c, tabOf(page));
  });
}
