import { effect } from '@preact/signals';
import { Checklist, CHECKLIST_CSS } from '../../../components/Checklist';
import { mountUi } from '../../ui/mount';
import { LINKS } from '../../otto/urls';
import { defineFeature, type FeatureContext } from '../types';

/** Registers the one-shot "fill the ticket" request, then opens the ticket form. */
export async function openConfirmationTicket(send: FeatureContext['send']) {
  await send({ type: 'ticket/request' });
  window.open(LINKS.ticketForm, '_blank', 'noopener');
}

/** The live-readiness panel above the product list. */
export const checklist = defineFeature({
  id: 'checklist',
  pages: ['opc-product-overview'],
  anchors: ['productList'],
  init({ anchors, signal, store, send }) {
    const ui = mountUi({ tag: 'lga-checklist', anchor: anchors.productList!, placement: 'before', signal, css: PANEL_CSS });
    const dispose = effect(() => {
      const settings = store.settings.value;
      ui.render(
        <Checklist
          state={store.state.value}
          t={store.t.value}
          lang={store.lang.value}
          collapsed={settings.checklistCollapsed}
          onCollapse={(collapsed) => void send({ type: 'ui/collapse', collapsed })}
          onToggle={(step, done) => void send({ type: 'toggle', step, done })}
          onOpenTicket={() => void openConfirmationTicket(send)}
        />,
      );
    });
    signal.addEventListener('abort', dispose, { once: true });
  },
});

const PANEL_CSS = `${CHECKLIST_CSS}
.lga-root { margin: 0 0 12px; max-width: 720px; }
`;
