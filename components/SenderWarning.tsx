import type { Translate } from '../lib/i18n';

export interface SenderWarningProps {
  state: 'mismatch' | 'unknown';
  /** The sender the compose view shows (the merchant's own address), when visible. */
  sender: string | null;
  /** The address registered with OTTO from the options ('' = not given). */
  registered: string;
  t: Translate;
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
  /** Hide our notes for this compose view. */
  onDismiss: () => void;
}

/**
 * Beside the sender of a compose view with a relay recipient: the wrong sender (and which one to
 * pick), or the plain reminder where no sender is visible. The details float over the page.
 */
export function SenderWarning(p: SenderWarningProps) {
  const { t } = p;
  const short = p.state === 'mismatch' ? t('sender.mismatch', { sender: p.sender ?? '' }) : t('sender.unknown');
  return (
    <span class={`sender state-${p.state}`} onKeyDown={(e) => e.key === 'Escape' && p.expanded && p.onToggle(false)}>
      <button type="button" class="pill" aria-expanded={p.expanded ? 'true' : 'false'} aria-controls="lga-sender-detail" onClick={() => p.onToggle(!p.expanded)}>
        <span aria-hidden="true">⚠ </span>
        {short}
      </button>
      <span id="lga-sender-detail" class="panel" role="note" hidden={!p.expanded}>
        <span>{p.state === 'mismatch' ? t('sender.mismatchLong', { registered: p.registered }) : t('sender.unknownLong')}</span>
        {p.registered ? <span class="registered">{t('sender.registered', { registered: p.registered })}</span> : <span>{t('sender.unknownSet')}</span>}
        <button type="button" class="dismiss" onClick={p.onDismiss}>
          {t('sender.dismiss')}
        </button>
      </span>
    </span>
  );
}

/** Shared by the sender warning and the rules toggle on opt-in sites: a pill whose panel floats, the host takes one line. */
export const SENDER_WARNING_CSS = `
:host { vertical-align: middle; line-height: 1; }
.lga-root { display: inline-block; font-size: 12px; line-height: 16px; white-space: nowrap; }
.sender, .toggle { position: relative; display: inline-block; margin: 0 6px; }
.pill { display: inline-flex; align-items: center; gap: 4px; height: 20px; padding: 0 8px; border-radius: 10px; font-weight: 600;
  border: 2px solid var(--lga-warn-fg); background: var(--lga-warn-bg); color: var(--lga-warn-fg); font-size: 12px; }
.state-mismatch .pill { border-color: var(--lga-accent); color: var(--lga-accent); }
.panel { position: absolute; z-index: 2147483001; top: calc(100% + 6px); left: 0; width: max-content; max-width: min(26rem, 80vw);
  display: grid; gap: 6px; background: var(--lga-bg); color: var(--lga-fg); border: 1px solid var(--lga-border);
  border-left: 4px solid var(--lga-warn-fg); border-radius: 6px; padding: 8px 10px; box-shadow: 0 4px 14px rgba(0,0,0,.18);
  font-size: 13px; line-height: 1.45; white-space: normal; }
.panel[hidden] { display: none; }
.registered { font-weight: 600; }
.dismiss { justify-self: start; background: none; border: 1px solid var(--lga-border); border-radius: 4px; padding: 1px 8px; font-size: 12px; color: inherit; }
`;
