import { RulesToggle } from '../../components/RulesToggle';
import { SenderWarning, SENDER_WARNING_CSS } from '../../components/SenderWarning';
import { CONTACT_RULES_CSS } from '../../components/ContactRules';
import { translator } from '../i18n';
import { LINKS } from '../otto/urls';
import { mountUi, type Mounted } from '../ui/mount';
import type { LangSource } from '../features/contact/warning';
import type { SenderState } from './compose';

/** What one compose view with a relay recipient shows: the sender note (unless the sender is right) and the rules, once. */
export interface ViewNotes {
  /** Where the notes sit (the sender control, else the first relay recipient). */
  anchor: Element;
  update: (state: SenderState, sender: string | null, registered: string) => void;
  isPlaced: () => boolean;
  dispose: () => void;
}

export interface ViewNotesOptions {
  anchor: Element;
  signal: AbortSignal;
  store: LangSource;
  /** The merchant hid our notes for this view. */
  onDismiss: () => void;
}

/**
 * Mounts `<lga-sender-warning data-state="mismatch|unknown">` (only while the sender is wrong or not
 * visible) and one `<lga-contact-rules>` right after `anchor`. Both take one line at most; their
 * details float over the page.
 */
export function mountViewNotes({ anchor, signal, store, onDismiss }: ViewNotesOptions): ViewNotes {
  const own = new AbortController();
  const stop = () => own.abort();
  signal.addEventListener('abort', stop, { once: true });
  let state: SenderState = 'ok';
  let sender: string | null = null;
  let registered = '';
  let senderOpen = false;
  let rulesOpen = false;
  let warning: Mounted | null = null;
  const rules = mountUi({ tag: 'lga-contact-rules', anchor, placement: 'after', signal: own.signal, css: SENDER_WARNING_CSS + CONTACT_RULES_CSS, inline: true });

  const draw = () => {
    if (own.signal.aborted) return;
    const t = translator(store.get().lang);
    rules.render(<RulesToggle t={t} articleUrl={LINKS.contactArticle} expanded={rulesOpen} onToggle={(open) => ((rulesOpen = open), draw())} />);
    if (state === 'ok') {
      warning?.remove();
      warning = null;
      return;
    }
    warning ??= mountUi({ tag: 'lga-sender-warning', anchor, placement: 'after', signal: own.signal, css: SENDER_WARNING_CSS });
    warning.setAttrs({ 'data-state': state });
    warning.render(
      <SenderWarning
        state={state}
        sender={sender}
        registered={registered}
        t={t}
        expanded={senderOpen}
        onToggle={(open) => ((senderOpen = open), draw())}
        onDismiss={onDismiss}
      />,
    );
  };
  const unsubscribe = store.subscribe(draw);
  return {
    anchor,
    update: (nextState, nextSender, nextRegistered) => {
      if (nextState === state && nextSender === sender && nextRegistered === registered && (state === 'ok' || warning?.host.isConnected)) return;
      state = nextState;
      sender = nextSender;
      registered = nextRegistered;
      draw();
    },
    isPlaced: () => rules.host.isConnected && (state === 'ok' || !!warning?.host.isConnected),
    dispose: () => {
      unsubscribe();
      own.abort();
      signal.removeEventListener('abort', stop);
    },
  };
}
