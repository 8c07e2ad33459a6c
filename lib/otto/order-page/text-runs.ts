import { closestComposed, commonAncestor } from '../query';
import { normaliseInvisible } from '../../contact/invisible';
import type { ContactHit } from '../orders';
import { selectorOf, walkText } from './walk';
import { triggerOf } from './tooltips';

/** An order page's text as the browser lays it out: runs of one line, joined across inline elements. */

/** Elements whose text runs on with its neighbours' on one line (the browser's inline formatting). */
const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD', 'MARK', 'NOBR', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR']);

function isInline(el: Element, styles: Map<Element, boolean>): boolean {
  let inline = styles.get(el);
  if (inline === undefined) {
    const display = el.ownerDocument.defaultView?.getComputedStyle?.(el).display;
    // Laid-out pages say it themselves; without layout the element's kind decides (custom elements are inline).
    const tag = el.tagName.toUpperCase();
    inline = display ? display === 'inline' || display === 'contents' : INLINE_TAGS.has(tag) || tag === 'LABEL' || tag.includes('-');
    styles.set(el, inline);
  }
  return inline;
}

/** Records a hit: its warning goes after `target`; `at` decides the order it belongs to; `sticky` as in ContactHit. */
export type Push = (channel: ContactHit['channel'], raw: string, target: Element | Text, at?: Node, sticky?: boolean) => void;

export interface TextRun {
  /** The run's text without invisible characters. */
  text: string;
  /** The text node holding character `i` of `text`. */
  nodeAt: (i: number) => Text;
  /** Each text node with the part [start, end) of `text` it holds. */
  pieces: Array<{ node: Text; start: number; end: number }>;
  /** Records a value found at [start, end) of `text`, with the node its warning goes after. */
  hit: (channel: ContactHit['channel'], raw: string, start: number, end: number, push: Push) => void;
}

/**
 * The text of `root` in runs: consecutive text nodes of one block (joined across inline
 * elements, broken by block elements, `<br>`, images and fields, and at shadow-root edges), with
 * invisible characters dropped.
 */
export function textRuns(root: Element): TextRun[] {
  const runs: TextRun[] = [];
  const styles = new Map<Element, boolean>();
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  let block: Node | null = null;
  let broken = true;
  const flush = () => {
    if (nodes.length) runs.push(makeRun(text, nodes, starts, styles));
    nodes = [];
    starts = [];
    text = '';
  };
  const blockOf = (node: Node): Node | null => {
    let el = node.parentElement;
    while (el && isInline(el, styles)) el = el.parentElement;
    return el ?? node.getRootNode();
  };
  walkText(
    root,
    (node) => {
      const data = normaliseInvisible(node.data);
      const b = blockOf(node);
      if (broken || b !== block) flush();
      broken = false;
      block = b;
      nodes.push(node);
      starts.push(text.length);
      text += data;
    },
    {
      onElement: (el) => {
        if (!isInline(el, styles) || el.tagName.toUpperCase() === 'BR') broken = true;
      },
      onRoot: () => (broken = true),
    },
  );
  flush();
  return runs;
}

function makeRun(text: string, nodes: Text[], starts: number[], styles: Map<Element, boolean>): TextRun {
  const indexAt = (i: number) => {
    let k = 0;
    while (k + 1 < nodes.length && starts[k + 1]! <= i) k++;
    return k;
  };
  const nodeAt = (i: number) => nodes[indexAt(i)]!;
  return {
    text,
    nodeAt,
    pieces: nodes.map((node, k) => ({ node, start: starts[k]!, end: starts[k + 1] ?? text.length })),
    hit(channel, raw, start, end, push) {
      const first = nodeAt(start);
      const last = nodeAt(end - 1);
      const tooltip = closestComposed(first, selectorOf('orderTooltips'));
      const trigger = tooltip ? triggerOf(tooltip) : null;
      if (trigger) return push(channel, raw, trigger, trigger, true);
      if (first === last) return push(channel, raw, first);
      // Split over elements: after the element holding exactly the value, else after the piece that ends it.
      const lca = first.parentElement && last.parentElement ? commonAncestor(first.parentElement, last.parentElement) : null;
      if (!lca) return push(channel, raw, last);
      const value = text.slice(start, end).trim();
      if (isInline(lca, styles) && normaliseInvisible(lca.textContent ?? '').trim() === value) return push(channel, raw, lca);
      let piece: Node = last;
      while (piece.parentNode && piece.parentNode !== lca) piece = piece.parentNode;
      push(channel, raw, piece as Element | Text);
    },
  };
}
