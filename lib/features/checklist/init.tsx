import { Checklist, CHECKLIST_CSS } from '../../../components/Checklist';
import { mountUi } from '../../ui/mount';
import { renderLive } from '../../ui/live';
import { LINKS } from '../../otto/urls';
import type { FeatureContext, FeatureInit } from '../types';

/** Registers the one-shot "fill the ticket" request, then opens the ticket form. */
export async function openConfirmationTicket(send: FeatureContext['send']) {
  await send({ type: 'ticket/request' });
  window.open(LINKS.ticketForm, '_blank', 'noopener');
}

export const initChecklist: FeatureInit = ({ anchors, signal, store, send }) => {
  const ui = mountUi({ tag: 'lga-checklist', anchor: anchors.productList!, placement: 'before', signal, css: PANEL_CSS });
  renderLive(ui, store, signal, ({ state, settings, lang }, t) => (
    <Checklist
      state={state}
      t={t}
      lang={lang}
      collapsed={settings.checklistCollapsed}
      onCollapse={(collapsed) => void send({ type: 'ui/collapse', collapsed })}
      onToggle={(step, done) => void send({ type: 'toggle', step, done })}
      onOpenTicket={() => void openConfirmationTicket(send)}
    />
  ));
};

const PANEL_CSS = `${CHECKLIST_CSS}
.lga-root { margin: 0 0 12px; max-width: 720px; }
`;
