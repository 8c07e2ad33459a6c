import { useRef } from 'preact/hooks';
import type { MessageKey, Translate } from '../lib/i18n';
import type { ContactChannel, ContactKind } from '../lib/contact/classify';

export interface ContactWarningProps {
  kind: ContactKind;
  channel: ContactChannel;
  t: Translate;
  /** OTTO's contact article (LINKS.contactArticle). */
  articleUrl: string;
  /** The full rule is shown (on demand). */
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
  /** Open the rule towards the left (the warning sits near the right edge of the window). */
  alignEnd?: boolean;
  /** The merchant just copied this value: a brief reminder. */
  reminder: boolean;
  onDismissReminder: () => void;
  /** Placeholder addresses: the order number inside belongs to the page's order. */
  matchesOrder?: boolean;
}

/**
 * A short warning beside one buyer e-mail or phone number; the full rule and OTTO's article on
 * demand; a brief reminder after the merchant copied the value. The rule and the reminder float
 * over the page (absolutely positioned), so opening them moves nothing of the page.
 */
export function ContactWarning(p: ContactWarningProps) {
  const { t, kind, channel } = p;
  // Relay and placeholder are e-mail rules; freight and other differ for e-mail and phone.
  const variant = `${kind}.${kind === 'relay' || kind === 'placeholder' ? 'email' : channel}`;
  const shortKey = `contact.short.${variant}` as MessageKey;
  const ruleKey = `contact.rule.${variant}` as MessageKey;
  const pill = useRef<HTMLButtonElement>(null);
  // Closing the rule or the reminder hides the control that had the focus: give it back to the pill.
  const closeRule = () => {
    p.onToggle(false);
    pill.current?.focus();
  };
  return (
    <span
      class={`warning kind-${kind}${p.alignEnd ? ' align-end' : ''}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        if (p.expanded) closeRule();
        else if (p.reminder) {
          p.onDismissReminder();
          pill.current?.focus();
        }
      }}
    >
      <button type="button" ref={pill} class="pill" aria-expanded={p.expanded ? 'true' : 'false'} aria-controls="lga-rule" title={t('contact.showRule')} onClick={() => p.onToggle(!p.expanded)}>
        <span class="icon" aria-hidden="true" data-part="icon">
          ⚠
        </span>
        <span class="short">{t(shortKey)}</span>
      </button>
      <span id="lga-rule" class="panel" role="note" hidden={!p.expanded}>
        <span class="rule">{t(ruleKey)}</span>
        {kind === 'placeholder' && p.matchesOrder && <span class="rule extra">{t('contact.rule.placeholder.matches')}</span>}
        <span class="links">
          <a href={p.articleUrl} target="_blank" rel="noopener noreferrer">
            {t('contact.article')}
          </a>
          <button type="button" class="close" onClick={closeRule}>
            {t('contact.close')}
          </button>
        </span>
      </span>
      <span class="reminder-live" role="status" aria-live="polite">
        {p.reminder && (
          <span class="reminder" data-reminder="">
            <span>{t(`contact.copied.${kind}`)}</span>
            <button
              type="button"
              class="dismiss"
              aria-label={t('contact.close')}
              onClick={() => {
                p.onDismissReminder();
                pill.current?.focus();
              }}
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        )}
      </span>
    </span>
  );
}

export const CONTACT_WARNING_CSS = `
:host { vertical-align: middle; line-height: 1; }
.lga-root { display: block; font-size: 12px; line-height: 16px; white-space: nowrap; }
/* Overlay fits (see lib/ui/placement.ts fitAfter): the host takes no room, the pill floats over free space. */
:host([data-fit="overlay"]) .lga-root, :host([data-fit="compact"]) .lga-root { width: 0; }
:host([data-fit="compact"]) .short { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.warning { position: relative; display: inline-block; margin-left: 6px; }
.pill { display: inline-flex; align-items: center; gap: 4px; height: 18px; margin: -1px 0; padding: 0 7px; border-radius: 9px;
  border: 1px solid var(--lga-warn-fg); background: var(--lga-warn-bg); color: var(--lga-warn-fg);
  font-size: 11.5px; line-height: 16px; font-weight: 600; white-space: nowrap; vertical-align: middle; }
.kind-placeholder .pill, .kind-freight .pill { border-width: 2px; padding: 0 6px; }
:host([data-fit="compact"]) .pill { padding: 0 4px; }
.icon { font-size: 11px; }
.panel, .reminder { position: absolute; z-index: 2147483000; top: calc(100% + 6px); left: 0; width: max-content; max-width: min(22rem, 80vw);
  background: var(--lga-bg); color: var(--lga-fg); border: 1px solid var(--lga-border); border-left: 4px solid var(--lga-warn-fg);
  border-radius: 6px; padding: 8px 10px; box-shadow: 0 4px 14px rgba(0,0,0,.18); font-size: 13px; line-height: 1.45; white-space: normal; }
.panel { display: grid; gap: 6px; }
.panel[hidden] { display: none; }
.align-end .panel, .align-end .reminder { left: auto; right: 0; }
.links { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; }
.close, .dismiss { background: none; border: 1px solid var(--lga-border); border-radius: 4px; padding: 1px 8px; font-size: 12px; }
.reminder { display: flex; gap: 8px; align-items: flex-start; background: var(--lga-warn-bg); color: var(--lga-warn-fg); }
.dismiss { border: 0; padding: 0 4px; font-size: 16px; line-height: 1; }
`;
