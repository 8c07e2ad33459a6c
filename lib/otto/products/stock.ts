/**
 * Stock an item or a page shows: a stock column, a named cell or a label ("Bestand: 12",
 * "Stock: 1.250", "Verfügbarkeit: 3").
 */
import { ANCHORS } from '../selectors';
import { closestComposed, isOwnHost, textOf } from '../query';
import { inItem, scanOf } from './scan';

/** Column titles that mean "stock". */
const STOCK_HEADER = /^\s*(?:lager)?bestand\b|\bstock\b|verf[üu]gbar(?:e menge|keit)?\s*$|\bquantity\b|^\s*menge\s*$/i;
/**
 * A stock label at the start of a text or after a sentence break in it ("Bestand: 12",
 * "Stock 1,250", "Verfügbarkeit: 3 Stück", "Material: Teak. Bestand: 12"); its value follows.
 */
const STOCK_LABEL = /(?:^|[.;·|•,]\s*|\s[-–]\s)(?:(?:lager)?bestand|(?:on\s+)?stock|verf[üu]gbar(?:keit|e\s+menge)?|available(?:\s+quantity)?|quantity|menge)\b/i;
/** Texts longer than this are no status label (a product description, a note). */

/** A number of pieces from a cell's text ("12", "1.234 Stk.", "0"); `null` when there is none. */
export function parseStock(text: string): number | null {
  const m = /-?\d[\d.,'’\u00a0\u202f ]*/.exec(text);
  if (!m) return null;
  const n = Number.parseInt(m[0].replace(/[^\d-]/g, ''), 10);
  return Number.isFinite(n) ? n : null;
}

/** Where the list's column headers are: the table or grid around the list, else the list. */
function headerScope(list: Element): Element {
  return closestComposed(list, 'table, [role="table"], [role="grid"], [role="treegrid"]') ?? list;
}

/** Index of the stock column in the list's header, `-1` when the list has no such column. */
export function stockColumnOf(list: Element): number {
  const scope = headerScope(list);
  for (const root of [scope, ...(scope.shadowRoot ? [scope.shadowRoot] : [])]) {
    for (const sel of ANCHORS.productColumnHeaders.selectors) {
      const headers = Array.from(root.querySelectorAll(sel)).filter((h) => !isOwnHost(h));
      if (!headers.length) continue;
      const idx = headers.findIndex((h) => STOCK_HEADER.test(textOf(h, 80)));
      if (idx >= 0) return idx;
      break;
    }
  }
  return -1;
}

/** The cells of an item that is a table or grid row, in column order. */
function cellsOf(row: Element): Element[] {
  if (row instanceof HTMLTableRowElement) return Array.from(row.cells);
  for (const scope of [row, ...(row.shadowRoot ? [row.shadowRoot] : [])]) {
    for (const sel of ANCHORS.productCells.selectors) {
      const cells = Array.from(scope.querySelectorAll(sel)).filter((c) => !isOwnHost(c));
      if (cells.length) return cells;
    }
  }
  return [];
}

/**
 * Stock shown in an item: a cell the markup names, the cell under the stock column, or a stock
 * label with its number ("Bestand: 12", a "Bestand" term followed by "12"); `null` = not shown.
 */
export function rowStock(row: Element, stockColumn: number): number | null {
  const named = inItem(row, ANCHORS.productStockCell.selectors.join(','))[0];
  if (named) return parseStock(textOf(named, 80));
  if (stockColumn >= 0) {
    const cell = cellsOf(row)[stockColumn];
    if (cell) return parseStock(textOf(cell, 80));
  }
  return labelledStock(row);
}

/** Stock from a label in `region`'s texts: "Bestand: 12" in one text, or a "Bestand" term followed by "12". */
export function labelledStock(region: Element, exclude?: Element): number | null {
  let labelled = false;
  for (const text of scanOf(region, exclude).texts) {
    const m = STOCK_LABEL.exec(text);
    if (m) {
      const rest = text.slice(m.index + m[0].length).replace(/^[\s:：=-]+/, '');
      if (rest) return /^\d/.test(rest) ? parseStock(rest) : null;
      labelled = true;
      continue;
    }
    if (labelled) return /^\d/.test(text) ? parseStock(text) : null;
  }
  return null;
}
