import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import type { Settings } from '../lib/settings/defaults';
import { normaliseOrigin, SITE_SERVICES, type SiteServiceId } from '../lib/sites/catalog';

export interface OptionsSitesProps {
  settings: Settings;
  t: Translate;
  /** Validates the sender address ('' allowed: not given). */
  isSenderAddress: (value: string) => boolean;
  onSender: (address: string) => void;
  onService: (id: SiteServiceId, on: boolean) => void;
  onAddOrigin: (origin: string) => void;
  onRemoveOrigin: (origin: string) => void;
}

/** Options section "Weitere Seiten schützen": the sender registered with OTTO, one switch per service, other sites. */
export function OptionsSites({ settings, t, isSenderAddress, onSender, onService, onAddOrigin, onRemoveOrigin }: OptionsSitesProps) {
  const [sender, setSender] = useState(settings.senderAddress);
  const [senderBad, setSenderBad] = useState(false);
  const [other, setOther] = useState('');
  const [otherBad, setOtherBad] = useState(false);
  const senderInput = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (senderInput.current?.ownerDocument.activeElement !== senderInput.current) setSender(settings.senderAddress);
  }, [settings.senderAddress]);
  // Read from the field itself: a change may come before the re-render of the last input.
  const commitSender = (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value.trim().toLowerCase();
    const ok = isSenderAddress(value);
    setSenderBad(!ok);
    if (ok && value !== settings.senderAddress) onSender(value);
  };
  const addOther = (e: Event) => {
    e.preventDefault();
    const origin = normaliseOrigin(other);
    setOtherBad(!origin);
    if (!origin) return;
    onAddOrigin(origin);
    setOther('');
  };
  return (
    <section aria-labelledby="opt-sites">
      <h2 id="opt-sites">{t('sites.title')}</h2>
      <p class="hint">{t('sites.intro')}</p>
      <div class="field">
        <label for="opt-sender">{t('sites.sender')}</label>
        <input
          ref={senderInput}
          id="opt-sender"
          name="senderAddress"
          type="email"
          maxLength={254}
          autoComplete="email"
          value={sender}
          aria-invalid={senderBad ? 'true' : 'false'}
          aria-describedby="opt-sender-hint"
          onInput={(e) => setSender((e.currentTarget as HTMLInputElement).value)}
          onChange={commitSender}
        />
        <p class="hint" id="opt-sender-hint">
          {senderBad ? <strong class="error">{t('sites.senderInvalid')}</strong> : t('sites.senderHint')}
        </p>
      </div>
      <h3 id="opt-services">{t('sites.services')}</h3>
      <div role="group" aria-labelledby="opt-services">
        {SITE_SERVICES.map((s) => (
          <div class="check" key={s.id}>
            <input
              id={`opt-site-${s.id}`}
              type="checkbox"
              role="switch"
              data-site={s.id}
              checked={settings.siteServices.includes(s.id)}
              onChange={(e) => {
                const box = e.currentTarget as HTMLInputElement;
                const on = box.checked;
                // Shown as saved only once the browser granted it and it was stored.
                box.checked = settings.siteServices.includes(s.id);
                onService(s.id, on);
              }}
            />
            <label for={`opt-site-${s.id}`}>{s.name}</label>
          </div>
        ))}
      </div>
      <form class="field" onSubmit={addOther}>
        <label for="opt-site-other">{t('sites.other')}</label>
        <div class="row">
          <input
            id="opt-site-other"
            name="siteOrigin"
            type="text"
            inputMode="url"
            autoComplete="url"
            value={other}
            aria-invalid={otherBad ? 'true' : 'false'}
            aria-describedby="opt-site-other-hint"
            onInput={(e) => setOther((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{t('sites.otherAdd')}</button>
        </div>
        <p class="hint" id="opt-site-other-hint">
          {otherBad ? <strong class="error">{t('sites.otherInvalid')}</strong> : t('sites.otherHint')}
        </p>
      </form>
      {settings.siteOrigins.length > 0 && (
        <ul class="copies" data-list="sites">
          {settings.siteOrigins.map((o) => (
            <li key={o} class="row">
              <span>{o}</span>
              <button type="button" aria-label={t('sites.otherRemove', { site: o })} onClick={() => onRemoveOrigin(o)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
