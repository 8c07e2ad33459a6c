import type { Translate } from '../lib/i18n';
import { ContactRules } from './ContactRules';

export interface RulesToggleProps {
  t: Translate;
  articleUrl: string;
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
}

/**
 * The allowed reasons and the never-resend list in a compose view of an opt-in site: a pill that
 * opens them floating over the page, so the compose window does not move.
 */
export function RulesToggle(p: RulesToggleProps) {
  return (
    <span class="toggle" onKeyDown={(e) => e.key === 'Escape' && p.expanded && p.onToggle(false)}>
      <button type="button" class="pill" aria-expanded={p.expanded ? 'true' : 'false'} aria-controls="lga-rules-panel" onClick={() => p.onToggle(!p.expanded)}>
        {p.t('sender.rules')}
      </button>
      <span id="lga-rules-panel" class="panel" hidden={!p.expanded}>
        <ContactRules t={p.t} articleUrl={p.articleUrl} />
      </span>
    </span>
  );
}
