import { test } from '../support/test';
import { checkShape, OVERVIEW, routesOf, SHAPES, tabOf } from '../support/shapes';

/**
 * Issue #15's product-overview shapes in real Chromium: cards in an inner container with
 * infinite scroll, <li>/<dl> items with icon-only statuses, a micro-frontend in a same-origin
 * frame (rows in a shadow root, no stock), and a recycling virtual list in English. Per shape:
 * one checklist in the top document; every restricted product in view has exactly one control
 * linking it, after every scroll too; product-with-stock as the shape's stock says
 * (test/support/shapes.ts holds the scenario, test/fixtures/expected.ts the counts).
 */
// A launch, the load and up to five scroll steps, each allowed 10 s to settle on a busy machine.
test.describe.configure({ timeout: 120_000 });

for (const c of SHAPES) {
  test(`${c.file}: one checklist, one control per restricted product in view, also after scrolling; stock step`, async ({ chromium }) => {
    const b = await chromium({ fixtures: routesOf(c.file), locale: c.locale });
    const page = await b.openOtto(OVERVIEW);
    await checkShape(c, tabOf(page));
  });
}
