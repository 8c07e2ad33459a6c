/**
 * The page-structure report: the current OTTO page's markup without its data. Element names,
 * roles, attribute names, class names and ids (markup vocabulary; data-looking ones as shapes),
 * open shadow roots, same-origin frames (cross-origin ones marked), and where our own UI hosts
 * sit (never entered). Every text and attribute value is reduced to its shape (./shape.ts).
 * A pure walk over the DOM: the caller supplies version, browser, page kind and date.
 * The team turns a report into a fixture with `npm run fixture:from-report` (README).
 */
import type { PageKind } from '../otto/pages';
import { isOwnHost } from '../otto/query';
import { orderNumberOf } from '../otto/orders';
import { Classes, shapeAttr, shapeCss, shapeText, type ShapeContext } from './shape';

export const STRUCTURE_FORMAT = 'livegang-page-structure/1';

/** A text node's shape, or an element. */
export type StructureNode = string | StructureElement | StructureCut;

export interface StructureElement {
  tag: string;
  /** Attribute name → shaped value, in the element's order. */
  attrs?: Record<string, string>;
  children?: StructureNode[];
  /** An open shadow root's children (`#shadow-root (open)`). */
  shadow?: StructureNode[];
  /** A frame's document: walked when same-origin and loaded, else only marked. */
  frame?: { access: 'same-origin'; html: StructureElement } | { access: 'cross-origin' };
  /** One of the extension's own UI hosts: position only, never entered. */
  own?: true;
  /** Form fields: the current value when it differs from the attribute (shaped). */
  value?: string;
  /** Children left out because the depth limit was reached. */
  depthCut?: true;
}

/** Where the node limit cut a list of children: how many siblings were left out. */
export interface StructureCut {
  cut: number;
}

export interface StructureReport {
  format: typeof STRUCTURE_FORMAT;
  version: string;
  pageKind: PageKind;
  /** Day only (`2026-12-05`). */
  date: string;
  browser: string;
  limits: { maxNodes: number; maxDepth: number };
  /** Whether a limit cut the report (then parts of the page are missing). */
  cut: { nodes: boolean; depth: boolean };
  counts: { elements: number; texts: number; shadowRoots: number; frames: number; crossOriginFrames: number; ownHosts: number; links: number; emails: number; phones: number };
  doctype: string | null;
  html: StructureElement;
}

export interface StructureOptions {
  version: string;
  browser: string;
  pageKind: PageKind;
  date: string;
  /** The page's address: resolves relative links (to tell equal links) and names an order page's order number. Never written to the report. */
  href?: string;
  maxNodes?: number;
  maxDepth?: number;
}

export const MAX_NODES = 40_000;
export const MAX_DEPTH = 120;

/** Elements whose content is code, not page text: only their attributes are kept. */
const CODE = new Set(['script', 'noscript']);

export function structureReport(doc: Document, opts: StructureOptions): StructureReport {
  const maxNodes = opts.maxNodes ?? MAX_NODES;
  const maxDepth = opts.maxDepth ?? MAX_DEPTH;
  const href = opts.href ?? doc.location?.href ?? 'https://portal.otto.market/';
  const ctx: ShapeContext = { classes: new Classes(), orderNumber: orderNumberOf(href) };
  const counts = { elements: 0, texts: 0, shadowRoots: 0, frames: 0, crossOriginFrames: 0, ownHosts: 0, links: 0, emails: 0, phones: 0 };
  const cut = { nodes: false, depth: false };
  let budget = maxNodes;

  const walkChildren = (parent: Node, depth: number, base: string): StructureNode[] => {
    const out: StructureNode[] = [];
    const kids = Array.from(parent.childNodes);
    for (let i = 0; i < kids.length; i++) {
      if (budget <= 0) {
        const left = kids.slice(i).filter((k) => k.nodeType === 1 || (k.nodeType === 3 && k.textContent?.trim())).length;
        if (left) {
          out.push({ cut: left });
          cut.nodes = true;
        }
        break;
      }
      const node = kids[i]!;
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (!data.trim()) continue;
        budget--;
        counts.texts++;
        const inStyle = parent.nodeType === 1 && (parent as Element).localName === 'style';
        out.push(inStyle ? shapeCss(data, ctx) : shapeText(data, ctx));
      } else if (node.nodeType === 1) {
        out.push(walkElement(node as Element, depth + 1, base));
      }
    }
    return out;
  };

  const walkElement = (el: Element, depth: number, base: string): StructureElement => {
    budget--;
    counts.elements++;
    const tag = el.localName;
    const node: StructureElement = { tag };
    if (isOwnHost(el) || (el.ownerDocument !== doc && el.localName.startsWith('lga-') && el.shadowRoot)) {
      // Our own UI: its position only (its attributes and shadow root are ours, not the page's).
      // In a frame, our hosts belong to the frame's content script, whose set this world cannot
      // see: there an `lga-*` element with a shadow root counts as ours (left out, never leaked).
      node.own = true;
      counts.ownHosts++;
      return node;
    }
    if (el.attributes.length) {
      node.attrs = {};
      for (const a of Array.from(el.attributes)) node.attrs[a.name] = shapeAttr(a.name, a.value, base, ctx);
    }
    if ((tag === 'input' || tag === 'textarea') && 'value' in el) {
      const value = (el as HTMLInputElement).value;
      if (value && value !== (el.getAttribute('value') ?? (tag === 'textarea' ? el.textContent : null))) node.value = shapeText(value, ctx);
    }
    if (depth >= maxDepth) {
      if (el.childNodes.length || el.shadowRoot) {
        node.depthCut = true;
        cut.depth = true;
      }
      return node;
    }
    const shadow = el.shadowRoot;
    if (shadow) {
      counts.shadowRoots++;
      node.shadow = walkChildren(shadow, depth, base);
    }
    if (tag === 'iframe' || tag === 'frame') {
      counts.frames++;
      let inner: Document | null = null;
      try {
        inner = (el as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null;
      }
      if (inner?.documentElement) {
        const frameBase = inner.location?.href && inner.location.href !== 'about:blank' ? inner.location.href : base;
        node.frame = { access: 'same-origin', html: walkElement(inner.documentElement, depth, frameBase) };
      } else {
        counts.crossOriginFrames++;
        node.frame = { access: 'cross-origin' };
      }
    }
    if (!CODE.has(tag)) {
      const children = walkChildren(tag === 'template' && 'content' in el ? (el as HTMLTemplateElement).content : el, depth, base);
      if (children.length) node.children = children;
    }
    return node;
  };

  const html = walkElement(doc.documentElement, 0, href);
  counts.links = ctx.classes.count('link');
  counts.emails = ctx.classes.count('email');
  counts.phones = ctx.classes.count('phone');
  return {
    format: STRUCTURE_FORMAT,
    version: opts.version,
    pageKind: opts.pageKind,
    date: opts.date,
    browser: opts.browser,
    limits: { maxNodes, maxDepth },
    cut,
    counts,
    doctype: doc.doctype ? doc.doctype.name : null,
    html,
  };
}

/** The report's file name: `livegang-seitenstruktur-<pagekind>.json`. */
export function structureFileName(pageKind: PageKind): string {
  return `livegang-seitenstruktur-${pageKind}.json`;
}
