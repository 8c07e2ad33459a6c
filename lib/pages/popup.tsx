import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { signal, type Signal } from '@preact/signals';
import { createStore, type StoreView } from '../content/store';
import { translator } from '../i18n';
import { send } from '../messaging/client';
import { Checklist, CHECKLIST_CSS } from '../../components/Checklist';
import { Notice } from '../../components/Notice';
import { BASE_CSS } from '../ui/theme';
import { LINKS } from '../otto/urls';
import type { Reply } from '../messaging/protocol';

async function openTicket() {
  await send({ type: 'ticket/request' });
  await browser.tabs.create({ url: LINKS.ticketForm });
  window.close();
}

function Popup({ view }: { view: Signal<StoreView> }) {
  const { state, lang, notice } = view.value;
  const t = translator(lang);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('appName');
  }, [lang]);
  const report = (r: Reply) => setError(r.ok ? null : t('notice.writeFailed'));
  const problem = notice;
  return (
    <main class="lga-root popup">
      {problem && (
        <Notice
          text={t(problem === 'unknown-version' ? 'notice.unknown-version' : problem === 'settings' ? 'notice.settings' : 'notice.corrupt')}
          dismissLabel={t('dismiss')}
          onDismiss={() => void send({ type: 'notice/dismiss' }).then(report)}
        />
      )}
      {error && <Notice text={error} />}
      <Checklist
        state={state}
        t={t}
        lang={lang}
        headingLevel={2}
        idPrefix="popup"
        onToggle={(step, done) => void send({ type: 'toggle', step, done }).then(report)}
        onOpenTicket={() => void openTicket()}
      />
      <p class="links">
        <button type="button" class="linkish" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </p>
    </main>
  );
}

export async function startPopup(el: HTMLElement) {
  const style = document.createElement('style');
  style.textContent = BASE_CSS + CHECKLIST_CSS + POPUP_CSS;
  document.head.append(style);
  const store = createStore(send);
  await store.ready;
  const view = signal(store.get());
  store.subscribe((v) => (view.value = v));
  render(<Popup view={view} />, el);
}

const POPUP_CSS = `
body { margin: 0; background: var(--lga-page, Canvas); }
.popup { display: block; width: 380px; padding: 10px; background: var(--lga-bg); min-height: 100vh; }
.popup .checklist { border: 0; padding: 4px; }
.links { margin: 8px 4px 0; }
.linkish { background: none; border: 0; padding: 0; color: var(--lga-link); text-decoration: underline; }
.notice { display: flex; gap: 8px; align-items: flex-start; background: var(--lga-warn-bg); color: var(--lga-warn-fg); border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; }
.notice p { margin: 0; flex: 1; }
`;
