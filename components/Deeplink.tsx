import type { ProductStatus } from '../lib/otto/products';
import type { Translate } from '../lib/i18n';

export type CopyState = 'copied' | 'failed' | null;

export interface DeeplinkProps {
  /** Always a checked `https://www.otto.de/…` URL (lib/otto/urls.ts safeShopUrl). */
  url: string;
  status: ProductStatus;
  /** The product's name from the page, rendered as text only. */
  name: string;
  t: Translate;
  /** Called when the merchant opens the link (click or middle click); the link itself navigates. */
  onOpen: () => void;
  onCopy: () => void;
  copy?: CopyState;
}

/**
 * "Open on otto.de" (a real link, new tab) and "copy link" for one product. Emphasised for
 * restricted products, which customers can reach only through this link.
 */
export function Deeplink({ url, status, name, t, onOpen, onCopy, copy = null }: DeeplinkProps) {
  const hint = t(`deeplink.status.${status}`);
  return (
    <span class="dl" data-emph={status === 'restricted' ? '' : undefined}>
      <a
        class="open"
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        title={hint}
        aria-label={name ? t('deeplink.openNamed', { name }) : t('deeplink.openNewTab')}
        onClick={onOpen}
        onAuxClick={(e) => {
          if ((e as MouseEvent).button === 1) onOpen();
        }}
      >
        <span aria-hidden="true">↗</span>
        {t('deeplink.open')}
      </a>
      <button type="button" class="copy" aria-label={name ? t('deeplink.copyNamed', { name }) : t('deeplink.copy')} onClick={onCopy}>
        {copy === 'copied' ? t('deeplink.copied') : t('deeplink.copy')}
      </button>
      <span class="lga-visually-hidden" role="status">
        {copy === 'copied' ? t('deeplink.copied') : copy === 'failed' ? t('deeplink.copyFailed') : ''}
      </span>
    </span>
  );
}

export const DEEPLINK_CSS = `
.lga-root { font-size: 12px; line-height: 1.5; }
.dl { display: inline-flex; flex-wrap: nowrap; gap: 4px; margin: 0 0 0 8px; vertical-align: middle; }
.dl a, .dl button { display: inline-flex; align-items: center; gap: 3px; padding: 1px 7px; border-radius: 5px; border: 1px solid var(--lga-border); background: var(--lga-bg); color: var(--lga-link); text-decoration: none; font-size: 12px; line-height: 1.5; white-space: nowrap; }
.dl a:hover, .dl button:hover { text-decoration: underline; }
.dl[data-emph] .open { background: var(--lga-accent); border-color: var(--lga-accent); color: var(--lga-accent-fg); font-weight: 600; }
`;
