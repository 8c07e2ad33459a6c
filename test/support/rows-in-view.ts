/**
 * The "rows in view" probe of the product list fixtures (`#rows tr`), run in the page by
 * Playwright's or puppeteer's `evaluate(rowsInView)`: self-contained, it closes over nothing.
 */
export interface RowsInView {
  /** Rows in the list. */
  rows: number;
  /** Rows at least partly inside the window. */
  inView: number;
  /** Some row is in view and every row in view has exactly one control. */
  ok: boolean;
  /** `ok`, and each of those controls opens the row's own product link. */
  linked: boolean;
  /** Rows anywhere with more than one control. */
  doubled: number;
  /** Rows anywhere with a control. */
  decorated: number;
}

export function rowsInView(): RowsInView {
  const rows = Array.from(document.querySelectorAll('#rows tr'));
  const inView = rows.filter((tr) => {
    const r = tr.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  const one = (tr: Element) => tr.querySelectorAll('lga-deeplink').length === 1;
  const linked = (tr: Element) => {
    const own = tr.querySelector<HTMLAnchorElement>('a.obc_link')?.href;
    return !!own && tr.querySelector('lga-deeplink')?.shadowRoot?.querySelector<HTMLAnchorElement>('a.open')?.href === own;
  };
  const ok = inView.length > 0 && inView.every(one);
  return {
    rows: rows.length,
    inView: inView.length,
    ok,
    linked: ok && inView.every(linked),
    doubled: rows.filter((tr) => tr.querySelectorAll('lga-deeplink').length > 1).length,
    decorated: rows.filter((tr) => tr.querySelector('lga-deeplink')).length,
  };
}
