import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Signal } from '@preact/signals';
import type { StoreView } from '../content/store';
import { startExtensionPage } from './start';
import { translator } from '../i18n';
import { send } from '../messaging/client';
import { Checklist } from '../../components/Checklist';
import { CHECKLIST_CSS } from '../../components/checklist-css';
import { Notice } from '../../components/Notice';
import { BASE_CSS } from '../ui/theme';
import { LINKS } from '../otto/urls';
import type { Reply } from '../messaging/protocol';
import { TabStatus, type TabState } from '../../components/TabStatus';
import { diagnosticsText } from '../diagnostics/report';
import { askTab } from '../messaging/tab';
import { DIAGNOSTICS_REQUEST, STRUCTURE_REQUEST } from '../messaging/snapshot';
import { structureFileName, STRUCTURE_FORMAT } from '../diagnostics/structure';
import { noticeText } from './notice';
import { useSiteAccess } from '../companion/use-access';
import { OTTO_COMPANION } from '../companion/site';

/**
 * The tab the popup describes: the active tab of its window. `?tab=<id>` overrides it, so tests
 * that open popup.html in a tab of their own can point it at an OTTO tab.
 */
async function targetTabId(): Promise<number | undefined> {
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(forced) && forced > 0) return forced;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function readTab(): Promise<TabState> {
  const id = await targetTabId();
  if (id === undefined) return { kind: 'not-otto' };
  try {
    const diagnostics = await askTab(id, DIAGNOSTICS_REQUEST);
    return diagnostics ? { kind: 'ok', diagnostics } : { kind: 'no-answer' };
  } catch {
    // No content script in that tab: not an OTTO page (or one opened before the extension).
    return { kind: 'not-otto' };
  }
}

/**
 * "Save page structure": asks the tab's top frame for its page-structure report and saves it as
 * a JSON file through a download link (no permission needed). Returns the file name.
 */
async function saveStructure(): Promise<string> {
  const id = await targetTabId();
  if (id === undefined) throw new Error('no tab');
  const report = await askTab(id, STRUCTURE_REQUEST);
  if (!report || report.format !== STRUCTURE_FORMAT) throw new Error('no report');
  const file = structureFileName(report.pageKind);
  const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 1)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}

async function openTab(url: string) {
  await browser.tabs.create({ url });
  window.close();
}

async function openTicket() {
  await send({ type: 'ticket/request' });
  await browser.tabs.create({ url: LINKS.ticketForm });
  window.close();
}

function Popup({ view }: { view: Signal<StoreView> }) {
  const { state, lang, notice, dropped } = view.value;
  const t = translator(lang);
  const companion = useSiteAccess(OTTO_COMPANION);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('appName');
  }, [lang]);
  const report = (r: Reply) => setError(r.ok ? null : t('notice.writeFailed'));
  const [tab, setTab] = useState<TabState>({ kind: 'loading' });
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const [structureStatus, setStructureStatus] = useState<string | null>(null);
  useEffect(() => {
    void readTab().then(setTab);
  }, []);
  const copy = async () => {
    if (tab.kind !== 'ok') return;
    try {
      await navigator.clipboard.writeText(diagnosticsText(tab.diagnostics, navigator.userAgent));
      setCopyStatus(t('popup.copied'));
    } catch {
      setCopyStatus(t('popup.copyFailed'));
    }
  };
  const problem = notice;
  return (
    <main class="lga-root popup">
      <h1 class="lga-visually-hidden">{t('appName')}</h1>
      {problem && (
        <Notice
          text={noticeText(t, problem, dropped)}
          dismissLabel={t('dismiss')}
          onDismiss={() => {
            // The button goes away with the notice: keep keyboard focus in the popup, on the first step.
            document.querySelector<HTMLElement>('[data-step]')?.focus();
            void send({ type: 'notice/dismiss' }).then(report);
          }}
        />
      )}
      {error && <Notice text={error} />}
      <Checklist
        state={state}
        t={t}
        lang={lang}
        headingLevel={2}
        idPrefix="popup"
        onToggle={(step, done) => send({ type: 'toggle', step, done }).then((r) => r.ok)}
        onOpenTicket={() => void openTicket()}
        onCompanion={companion.granted === false ? () => void send({ type: 'companion/consent' }).then(() => window.close()) : undefined}
      />
      {companion.granted !== null && (
        <p class="companion-state" data-companion={companion.granted ? 'on' : 'off'}>
          {t(companion.granted ? 'companion.popup.on' : 'companion.popup.off')}
        </p>
      )}
      <nav class="actions" aria-label={t('popup.actions')}>
        <button type="button" onClick={() => void openTab(LINKS.productOverview)}>
          {t('popup.openOverview')}
        </button>
        <button type="button" onClick={() => void openTicket()}>
          {t('openTicket')}
        </button>
        <button type="button" onClick={() => void openTab(LINKS.livegangArticle)}>
          {t('popup.openArticle')}
        </button>
      </nav>
      <TabStatus
        tab={tab}
        t={t}
        onCopy={() => void copy()}
        copyStatus={copyStatus}
        onSaveStructure={() =>
          void saveStructure().then(
            (file) => setStructureStatus(t('popup.structureSaved', { file })),
            () => setStructureStatus(t('popup.structureFailed')),
          )
        }
        structureStatus={structureStatus}
      />
      <p class="links">
        <button type="button" class="linkish" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </p>
    </main>
  );
}

export function startPopup(el: HTMLElement) {
  return startExtensionPage(el, BASE_CSS + CHECKLIST_CSS + POPUP_CSS, (view) => <Popup view={view} />);
}

const POPUP_CSS = `
html, body { margin: 0; }
html { background: var(--lga-bg); }
.popup { display: block; width: 380px; padding: 10px; background: var(--lga-bg); min-height: 100vh; }
.actions { display: grid; gap: 6px; margin: 8px 4px; }
.companion-state { margin: 6px 4px; color: var(--lga-muted); }
.actions button { text-align: left; background: var(--lga-bg); border: 1px solid var(--lga-border); border-radius: 6px; padding: 6px 10px; }
.tab-status { margin: 10px 4px; border-top: 1px solid var(--lga-border); padding-top: 6px; }
.tab-status h2 { font-size: 14px; margin: 4px 0; }
.tab-status p { margin: 4px 0; }
.tab-status .features { margin: 4px 0; padding-left: 18px; }
.tab-status button { margin-top: 4px; background: var(--lga-bg); border: 1px solid var(--lga-border); border-radius: 6px; padding: 4px 10px; }
.needs-update { color: var(--lga-warn-fg); background: var(--lga-warn-bg); border-radius: 6px; padding: 6px 8px; }
.copy-status, .structure-status { margin-left: 8px; font-size: 13px; }
.tab-status .structure { margin-top: 8px; }
.tab-status .hint { display: block; font-size: 12px; color: var(--lga-muted); margin-top: 2px; }
.popup .checklist { border: 0; padding: 4px; }
.links { margin: 8px 4px 0; }
.linkish { background: none; border: 0; padding: 0; color: var(--lga-link); text-decoration: underline; }
.notice { display: flex; gap: 8px; align-items: flex-start; background: var(--lga-warn-bg); color: var(--lga-warn-fg); border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; }
.notice p { margin: 0; flex: 1; }
`;
