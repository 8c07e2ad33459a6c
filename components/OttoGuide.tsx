import type { Translate } from '../lib/i18n';

export interface OttoGuideProps {
  t: Translate;
  /** OTTO's current article (LINKS.livegangArticle). */
  articleUrl: string;
  onClose: () => void;
}

/**
 * The otto.de companion's guide on the product page opened through the deeplink: why only the
 * deeplink shows it, the next steps of the test order, and OTTO's current article. Dismissible.
 */
export function OttoGuide({ t, articleUrl, onClose }: OttoGuideProps) {
  return (
    <aside class="guide" aria-labelledby="lga-guide-title">
      <div class="head">
        <h2 id="lga-guide-title">{t('companion.guide.title')}</h2>
        <button type="button" class="close" aria-label={t('companion.guide.close')} title={t('companion.guide.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p>{t('companion.guide.restricted')}</p>
      <p>{t('companion.guide.next')}</p>
      <ol>
        <li>{t('companion.guide.step.login')}</li>
        <li>{t('companion.guide.step.cart')}</li>
        <li>{t('companion.guide.step.order')}</li>
      </ol>
      <p class="note">{t('companion.guide.emailNote')}</p>
      <p>
        <a href={articleUrl} target="_blank" rel="noopener noreferrer">
          {t('companion.guide.article')}
        </a>
      </p>
    </aside>
  );
}

export const OTTO_GUIDE_CSS = `
.guide { background: var(--lga-bg); color: var(--lga-fg); border: 2px solid var(--lga-accent); border-radius: 8px; padding: 10px 14px; margin: 8px 0; max-width: 640px; }
.head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
h2 { font-size: 16px; margin: 0 0 6px; }
p, ol { margin: 4px 0; }
ol { padding-left: 22px; }
.note { color: var(--lga-muted); }
.close { background: transparent; border: 1px solid var(--lga-border); border-radius: 6px; min-width: 32px; min-height: 32px; font-size: 18px; line-height: 1; }
`;
