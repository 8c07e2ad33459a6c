/**
 * Base styles for every injected UI: a reset so the page cannot leak in, colours with WCAG AA
 * contrast in light and dark mode (following the system preference), and visible focus.
 */
export const BASE_CSS = `
.lga-root {
  --lga-bg: #ffffff; --lga-fg: #1d1d1f; --lga-muted: #505055; --lga-border: #c4c4c8;
  --lga-accent: #b3001b; --lga-accent-fg: #ffffff; --lga-ok: #1e6b34; --lga-warn-bg: #fff4d6; --lga-warn-fg: #5c3d00;
  --lga-focus: #0a58ca; --lga-link: #0b57a4;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--lga-fg); text-align: left; direction: ltr; letter-spacing: normal;
}
@media (prefers-color-scheme: dark) {
  .lga-root {
    --lga-bg: #1f1f23; --lga-fg: #f2f2f4; --lga-muted: #c0c0c6; --lga-border: #55555c;
    --lga-accent: #ff8a95; --lga-accent-fg: #1d0005; --lga-ok: #7fd99a; --lga-warn-bg: #3a2e10; --lga-warn-fg: #ffe2a0;
    --lga-focus: #8ab4ff; --lga-link: #9cc4ff;
  }
}
* { box-sizing: border-box; }
a { color: var(--lga-link); }
button { font: inherit; color: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid var(--lga-focus); outline-offset: 2px; }
[hidden] { display: none !important; }
.lga-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Cuts every inherited page style at our shadow host. */
export const HOST_RESET = `:host { all: initial; color-scheme: light dark; }\n`;
