/**
 * The checklist's styles, apart from its Preact components: the overview's compact line is plain
 * DOM (lib/features/checklist/compact-line.ts) and its chunk must not carry Preact.
 */
export const COMPACT_CSS = `
.checklist.compact { display: flex; align-items: center; flex-wrap: wrap; gap: 4px 12px; padding: 6px 12px; }
.compact .title { flex: none; font-size: 14px; }
.compact .next { flex: 1 1 0; min-width: 16em; margin: 0; font-size: 13px; display: flex; align-items: center; gap: 4px; white-space: nowrap; }
.compact .next .name { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.compact .action { flex: none; padding: 2px 8px; }
.compact .announce { font-size: 13px; color: var(--lga-ok); font-weight: 600; }
.compact .announce:empty { position: absolute; }
.compact .collapse { margin-left: auto; }
`;

export const CHECKLIST_CSS = `
.checklist { background: var(--lga-bg); border: 1px solid var(--lga-border); border-radius: 8px; padding: 12px 14px; }
.head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.title { font-size: 15px; margin: 0; flex: 1; }
.progress { font-weight: 600; white-space: nowrap; }
.live-badge { font-weight: 600; color: var(--lga-ok); white-space: nowrap; }
.collapse { background: none; border: 1px solid var(--lga-border); border-radius: 6px; min-width: 28px; min-height: 28px; }
.collapse.text { padding: 2px 8px; font-size: 13px; }
.bar { width: 100%; height: 6px; margin: 8px 0; accent-color: var(--lga-accent); }
.next { margin: 6px 0 10px; }
.action { display: inline-block; margin-left: 4px; padding: 3px 10px; border-radius: 6px; background: var(--lga-accent); color: var(--lga-accent-fg); border: 0; text-decoration: none; font-weight: 600; }
.steps { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.box { display: flex; gap: 8px; align-items: flex-start; background: none; border: 0; padding: 4px 2px; text-align: left; width: 100%; }
.mark { flex: none; width: 18px; height: 18px; border: 2px solid var(--lga-muted); border-radius: 4px; display: inline-flex; align-items: center; justify-content: center; font-size: 12px; line-height: 1; }
.is-done .mark { background: var(--lga-ok); border-color: var(--lga-ok); color: var(--lga-bg); }
.detail { display: block; margin-left: 28px; color: var(--lga-muted); font-size: 12.5px; }
.article { margin: 10px 0 0; font-size: 13px; }
.is-live { padding: 8px 12px; }
.save-error { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 8px 0 0; padding: 6px 8px; border-radius: 6px; background: var(--lga-warn-bg); color: var(--lga-warn-fg); }
.save-error p { margin: 0; flex: 1; }
.save-error button { font: inherit; color: inherit; background: var(--lga-bg); border: 1px solid currentColor; border-radius: 6px; padding: 2px 10px; }
.is-live .title { font-size: 14px; }
${COMPACT_CSS}`;

export const LAUNCHER_CSS = `
.launcher-wrap { position: fixed; right: 16px; bottom: 16px; display: flex; flex-direction: column; align-items: flex-end; gap: 8px; max-width: calc(100vw - 32px); }
.launcher { border-radius: 999px; padding: 7px 14px; background: var(--lga-accent); color: var(--lga-accent-fg); border: 0; font-weight: 600; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.launcher.is-live { background: var(--lga-bg); color: var(--lga-ok); border: 1px solid var(--lga-border); box-shadow: none; }
.popover { width: 420px; max-width: 100%; max-height: calc(100vh - 96px); overflow: auto; border-radius: 8px; box-shadow: 0 4px 24px rgba(0,0,0,.3); outline: none; }
.close { background: none; border: 1px solid var(--lga-border); border-radius: 6px; min-width: 28px; min-height: 28px; font-size: 16px; line-height: 1; }
`;
