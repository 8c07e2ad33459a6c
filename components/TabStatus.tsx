import type { Translate } from '../lib/i18n';
import { missingAnchors, type TabDiagnostics } from '../lib/diagnostics/report';
import type { FeatureId } from '../lib/features/types';

export type TabState = { kind: 'loading' } | { kind: 'not-otto' } | { kind: 'no-answer' } | { kind: 'ok'; diagnostics: TabDiagnostics };

export interface TabStatusProps {
  tab: TabState;
  t: Translate;
  onCopy: () => void;
  copyStatus: string | null;
  /** "Save page structure" (lib/diagnostics/structure.ts) and its outcome. */
  onSaveStructure?: () => void;
  structureStatus?: string | null;
}

/** "This page": what the extension recognised on the current tab and which features ran. */
export function TabStatus({ tab, t, onCopy, copyStatus, onSaveStructure, structureStatus }: TabStatusProps) {
  if (tab.kind === 'loading') return null;
  return (
    <section class="tab-status" aria-labelledby="tab-status-h">
      <h2 id="tab-status-h">{t('popup.thisPage')}</h2>
      {tab.kind === 'not-otto' && <p>{t('popup.notOtto')}</p>}
      {tab.kind === 'no-answer' && <p>{t('popup.noAnswer')}</p>}
      {tab.kind === 'ok' && <Details d={tab.diagnostics} t={t} onCopy={onCopy} copyStatus={copyStatus} />}
      {tab.kind === 'ok' && onSaveStructure && (
        <p class="structure">
          <button type="button" aria-describedby="structure-hint" onClick={onSaveStructure}>
            {t('popup.saveStructure')}
          </button>
          <span class="structure-status" role="status">
            {structureStatus ?? ''}
          </span>
          <span id="structure-hint" class="hint">
            {t('popup.structureHint')}
          </span>
        </p>
      )}
    </section>
  );
}

function Details({ d, t, onCopy, copyStatus }: { d: TabDiagnostics; t: Translate; onCopy: () => void; copyStatus: string | null }) {
  const missing = missingAnchors(d);
  const features = Object.entries(d.features) as Array<[FeatureId, NonNullable<TabDiagnostics['features'][FeatureId]>]>;
  return (
    <>
      <p data-page={d.page}>{t('popup.pageType', { page: t(`page.${d.page}`) })}</p>
      {features.length > 0 && (
        <ul class="features">
          {features.map(([id, f]) => (
            <li key={id} data-feature={id} data-status={f.status}>
              {t(`feature.${id}`)}: {t(`status.${f.status}`)}
            </li>
          ))}
        </ul>
      )}
      <Recognised d={d} t={t} />
      {missing.length > 0 && (
        <p class="needs-update" role="alert">
          {t('popup.needsUpdate', { anchors: missing.join(', ') })}
        </p>
      )}
      <button type="button" onClick={onCopy}>
        {t('popup.copyDiagnostics')}
      </button>
      <span class="copy-status" role="status">
        {copyStatus ?? ''}
      </span>
    </>
  );
}

/** What the site adapter recognises on the page (counts only), and which part it did not. */
function Recognised({ d, t }: { d: TabDiagnostics; t: Translate }) {
  const r = d.recognition;
  if (!r) return null;
  const products = d.page === 'opc-product-overview' || d.page === 'opc-product-page';
  const orders = d.page === 'opc-order-list' || d.page === 'opc-order-details';
  const contacts = Object.values(r.contacts).reduce((a, b) => a + (b ?? 0), 0);
  const listMissing = d.page === 'opc-product-overview' && r.items === 0 && Object.values(d.features).some((f) => f?.anchors.productList === 'missing');
  return (
    <>
      {products && (
        <p data-recognised="items" data-count={r.items}>
          {t('popup.recognisedItems', { items: String(r.items), stock: r.withStock === null ? t('popup.stockUnknown') : String(r.withStock) })}
        </p>
      )}
      {orders && (
        <p data-recognised="contacts" data-count={contacts}>
          {t('popup.recognisedContacts', { contacts: String(contacts) })}
        </p>
      )}
      {listMissing && (
        <p class="needs-update" data-missing="productList">
          {t('popup.listNotRecognised')}
        </p>
      )}
    </>
  );
}
