import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../lib/i18n';

export interface OptionsCompanionProps {
  t: Translate;
  /** Whether access to www.otto.de is granted (`null`: not known yet). */
  granted: boolean | null;
  refused: boolean;
  onSet: (on: boolean) => void;
  /** The page was opened for this section ("Testbestellung auf otto.de begleiten"): focus the switch. */
  focus?: boolean;
  /** Id of the section (the page's hash points at it). */
  id: string;
}

/** The options' otto.de companion section: what it does and does not read, and its switch (the optional permission). */
export function OptionsCompanion({ t, granted, refused, onSet, focus, id }: OptionsCompanionProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus && granted !== null) {
      input.current?.focus();
      input.current?.scrollIntoView({ block: 'center' });
    }
  }, [focus, granted !== null]);
  return (
    <section id={id} class="companion" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('companion.options.title')}</h2>
      <p class="hint" id={`${id}-explain`}>
        {t('companion.options.explain')}
      </p>
      <div class="check">
        <input
          ref={input}
          id={`${id}-switch`}
          type="checkbox"
          role="switch"
          name="otto-companion"
          checked={granted === true}
          disabled={granted === null}
          aria-describedby={`${id}-explain ${id}-state`}
          onClick={(e) => {
            // The switch shows the permission, not the click: it changes once the browser answers.
            const on = (e.currentTarget as HTMLInputElement).checked;
            e.preventDefault();
            onSet(on);
          }}
        />
        <label for={`${id}-switch`}>{t('companion.options.switch')}</label>
      </div>
      <p id={`${id}-state`} class="hint" data-companion={granted === null ? 'unknown' : granted ? 'on' : 'off'} aria-live="polite">
        {refused ? t('companion.options.refused') : granted === null ? '' : granted ? t('companion.options.on') : t('companion.options.off')}
      </p>
    </section>
  );
}
