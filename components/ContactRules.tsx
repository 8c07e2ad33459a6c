import type { MessageKey, Translate } from '../lib/i18n';

export interface ContactRulesProps {
  t: Translate;
  /** OTTO's contact article (LINKS.contactArticle). */
  articleUrl: string;
}

/** Allowed reasons (OTTO terms, annex 9 section 10) and OTTO's own notifications, in order. */
export const ALLOWED_REASONS = ['processing', 'delivery', 'shipment', 'recall', 'return', 'takeback'] as const;
export const NEVER_RESEND = ['orderConfirmation', 'shippingConfirmation', 'parcelShop', 'delivered'] as const;

/** Beside the portal's "Kund*in kontaktieren": when contacting a buyer is allowed, and what never to resend. */
export function ContactRules({ t, articleUrl }: ContactRulesProps) {
  return (
    <section class="rules" aria-labelledby="lga-rules-title">
      <p class="title" id="lga-rules-title">
        <span aria-hidden="true">⚠ </span>
        {t('contact.rules.title')}
        <a class="article" href={articleUrl} target="_blank" rel="noopener noreferrer">
          {t('contact.rules.article')}
        </a>
      </p>
      <ChipRow id="lga-rules-allowed" label={t('contact.rules.allowed')} list="allowed" item="reason" keys={ALLOWED_REASONS.map((r) => [r, t(`contact.reason.${r}` as MessageKey)])} />
      <ChipRow id="lga-rules-never" label={t('contact.rules.never')} list="never" item="never" keys={NEVER_RESEND.map((n) => [n, t(`contact.never.${n}` as MessageKey)])} />
      <p class="risk">{t('contact.rules.risk')}</p>
    </section>
  );
}

export const CONTACT_RULES_CSS = `
.lga-root { font-size: 12.5px; line-height: 1.4; padding: 8px 0; }
.rules { border: 1px solid var(--lga-border); border-left: 4px solid var(--lga-warn-fg); border-radius: 6px; padding: 6px 10px;
  background: var(--lga-bg); max-width: 46rem; display: grid; gap: 4px; }
.title { margin: 0; font-weight: 600; display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.article { font-weight: 400; }
.row { display: flex; flex-wrap: wrap; gap: 2px 6px; align-items: baseline; }
.label { font-weight: 600; color: var(--lga-muted); }
.chips { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 0; }
.chips li:not(:last-child)::after { content: " · "; color: var(--lga-muted); white-space: pre; }
.never li { color: var(--lga-fg); }
.risk { margin: 0; color: var(--lga-muted); font-size: 12px; }
`;

/** One labelled list of chips; each chip names its entry in `data-<item>` (what tests read). */
function ChipRow({ id, label, list, item, keys }: { id: string; label: string; list: 'allowed' | 'never'; item: 'reason' | 'never'; keys: Array<[string, string]> }) {
  return (
    <div class="row">
      <span class="label" id={id}>
        {label}:
      </span>
      <ul class={list === 'never' ? 'chips never' : 'chips'} aria-labelledby={id} data-list={list}>
        {keys.map(([key, text]) => (
          <li key={key} {...{ [`data-${item}`]: key }}>
            {text}
          </li>
        ))}
      </ul>
    </div>
  );
}
