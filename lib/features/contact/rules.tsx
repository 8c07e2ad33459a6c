import { ContactRules, CONTACT_RULES_CSS } from '../../../components/ContactRules';
import type { LangSource } from './warning';
import { translator } from '../../i18n';
import { LINKS } from '../../otto/urls';
import { mountUi, type Mounted, type Placement } from '../../ui/mount';

/** One `<lga-contact-rules>` box: the allowed reasons and the notifications never to resend. */
export interface RulesBox {
  anchor: Element;
  ui: Mounted;
  dispose: () => void;
}

/** Mounts the rules at (`anchor`, `placement`), drawn in the merchant's language until `dispose()` or `signal`. */
export function mountRules(anchor: Element, placement: Placement, signal: AbortSignal, store: LangSource): RulesBox {
  const own = new AbortController();
  const stop = () => own.abort();
  signal.addEventListener('abort', stop, { once: true });
  const ui = mountUi({ tag: 'lga-contact-rules', anchor, placement, signal: own.signal, css: CONTACT_RULES_CSS });
  const draw = () => {
    if (!own.signal.aborted) ui.render(<ContactRules t={translator(store.get().lang)} articleUrl={LINKS.contactArticle} />);
  };
  draw();
  const unsubscribe = store.subscribe(draw);
  return {
    anchor,
    ui,
    dispose: () => {
      unsubscribe();
      own.abort();
      signal.removeEventListener('abort', stop);
    },
  };
}
