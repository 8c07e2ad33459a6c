/**
 * Shapes: what the page-structure report keeps of a text or an attribute value, and how the
 * team's fixture tool turns a shape back into synthetic text. Pure functions (no DOM).
 *
 * A shaped string is a sequence of
 * - runs of character classes: `A` upper-case letter, `a` lower-case letter, `L` other letter,
 *   `#` digit, `S` emoji, `Z` invisible formatting character (zero-width space, direction marks),
 *   each followed by its count when more
 *   than one (`Aa10 a3` = "Gartenstuhl aus");
 *   whitespace runs become one space; other characters stay as they are (`\` escapes `{ } \ #`);
 * - tokens in braces: OTTO's fixed UI vocabulary as canonical tokens our rules recognise
 *   (`{status:restricted}`, `{label:stock}`, `{action:contact-customer}`, `{freight}`,
 *   `{carrier:freight}`, …), contact values by category only with a per-report equality class
 *   (`{email:relay 1}`, `{email:placeholder 2}`, `{email:other 3}`, `{phone 1}`), standalone
 *   numbers as digits and sign only (`{n+ #.#3}` = a positive number written like "1.250",
 *   `{n0 #}` = zero), values our selectors name (`{anchor:productStockCell}`) and, in URLs,
 *   masked product paths (`{masked}`) and a per-report link class (`{link:3}`: equal URLs share it).
 * Nothing of the original wording survives: not even OTTO's labels (they become tokens).
 */
export { MAX_TEXT, VOCABULARY, Classes, plainShape, shapeText, type ShapeContext } from './shape/text';
export { ROUTE_WORDS, shapeUrl } from './shape/url';
export { URL_ATTRS, anchorLiterals, shapeName, shapeCss, attrMode, shapeAttr, synthAttr, type AttrMode } from './shape/attrs';
export { wordingOf, synthesize, anchorValue, synthContact, synthUrl, synthCss, type SynthOptions } from './shape/synth';
