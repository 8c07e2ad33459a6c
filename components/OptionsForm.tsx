import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LANGUAGE_PREFS, SWITCHABLE_FEATURES, type Settings, type SettingsPatchInput } from '../lib/settings/defaults';
import type { Translate } from '../lib/i18n';

export interface OptionsFormProps {
  settings: Settings;
  t: Translate;
  onPatch: (patch: SettingsPatchInput) => void;
  onExport: () => void;
  onImport: (file: File) => void;
  onReset: () => void;
  /** Result of the last action, announced to screen readers. */
  status: { text: string; kind: 'ok' | 'error' } | null;
  /** The ticket template editor (from the ticket area). */
  templateEditor?: ComponentChildren;
  /** The notice about stored data that had to be repaired (dismissable). */
  notice?: ComponentChildren;
  /** Kept-aside copies of the progress that hold done steps; each can be restored. */
  copies?: Array<{ at: number; text: string; restoreLabel: string }>;
  onRestore?: (at: number) => void;
  /** Sections shown after the feature switches (the opt-in sites', the otto.de companion's). */
  afterFeatures?: ComponentChildren;
}

/** The options page: signature, template, language, feature switches, data, privacy. */
export function OptionsForm({ settings, t, onPatch, onExport, onImport, onReset, status, templateEditor, notice, copies = [], onRestore, afterFeatures }: OptionsFormProps) {
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelReset = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // The confirmation opens with the focus on "No"; when it closes (answered or Escape), the
  // focus returns to the reset button.
  useLayoutEffect(() => {
    if (confirming && !wasConfirming.current) cancelReset.current?.focus();
    if (wasConfirming.current && !confirming) resetButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const text = (key: 'name' | 'company' | 'partnerId', label: string, hint?: string, max = 120) => (
    <TextField key={key} name={key} label={label} hint={hint} max={max} value={settings[key]} onCommit={(v) => onPatch({ [key]: v })} />
  );
  return (
    <main class="lga-root options">
      <h1>{t('options.title')}</h1>
      {notice}

      <section>
        <h2 id="opt-sig">{t('options.signature')}</h2>
        {text('name', t('options.name'), t('options.nameHint'))}
        {text('company', t('options.company'), undefined, 160)}
        {text('partnerId', t('options.partnerId'), undefined, 40)}
        {templateEditor}
      </section>

      <section>
        <h2 id="opt-lang-h">{t('options.language')}</h2>
        <div class="field">
          <label for="opt-lang">{t('options.language')}</label>
          <select id="opt-lang" name="language" value={settings.language} onChange={(e) => onPatch({ language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })}>
            {LANGUAGE_PREFS.map((l) => (
              <option key={l} value={l}>
                {t(`options.language.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section>
        <h2 id="opt-feat">{t('options.features')}</h2>
        {SWITCHABLE_FEATURES.map((f) => (
          <div class="check" key={f}>
            <input
              id={`opt-f-${f}`}
              type="checkbox"
              name={`feature-${f}`}
              data-feature={f}
              checked={settings.features[f]}
              onChange={(e) => onPatch({ features: { [f]: (e.currentTarget as HTMLInputElement).checked } })}
            />
            <label for={`opt-f-${f}`}>{t(`options.feature.${f}`)}</label>
          </div>
        ))}
        <div class="check">
          <input
            id="opt-hide-live"
            type="checkbox"
            name="hideChecklistWhenLive"
            checked={settings.hideChecklistWhenLive}
            onChange={(e) => onPatch({ hideChecklistWhenLive: (e.currentTarget as HTMLInputElement).checked })}
          />
          <label for="opt-hide-live">{t('options.hideWhenLive')}</label>
        </div>
      </section>
      {afterFeatures}

      <section>
        <h2 id="opt-data">{t('options.data')}</h2>
        <div class="row">
          <button type="button" onClick={onExport}>
            {t('options.export')}
          </button>
          {/* The file input comes first: its keyboard focus is drawn on the label that follows it. */}
          <input
            id="opt-import"
            class="lga-visually-hidden"
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) onImport(file);
              input.value = '';
            }}
          />
          <label class="button" for="opt-import">
            {t('options.import')}
          </label>
          {!confirming ? (
            <button type="button" class="danger" ref={resetButton} onClick={() => setConfirming(true)}>
              {t('options.reset')}
            </button>
          ) : (
            <span
              class="confirm"
              role="group"
              aria-label={t('options.resetConfirm')}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setConfirming(false);
              }}
            >
              <span>{t('options.resetConfirm')}</span>
              <button
                type="button"
                class="danger"
                onClick={() => {
                  setConfirming(false);
                  onReset();
                }}
              >
                {t('options.resetYes')}
              </button>
              <button type="button" ref={cancelReset} onClick={() => setConfirming(false)}>
                {t('options.resetNo')}
              </button>
            </span>
          )}
        </div>
      </section>

      {copies.length > 0 && onRestore && (
        <section aria-labelledby="opt-copies">
          <h3 id="opt-copies">{t('options.copies')}</h3>
          <p class="hint">{t('options.copiesHint')}</p>
          <ul class="copies">
            {copies.map((c) => (
              <li key={c.at} data-copy={c.at}>
                <span>{c.text}</span>{' '}
                <button type="button" aria-label={c.restoreLabel} onClick={() => onRestore(c.at)}>
                  {t('options.restore')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <p class={`status ${status?.kind ?? ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>

      <section>
        <h2 id="opt-privacy">{t('options.privacy')}</h2>
        <p>{t('options.privacyText')}</p>
      </section>
    </main>
  );
}

interface TextFieldProps {
  name: 'name' | 'company' | 'partnerId';
  label: string;
  hint?: string;
  max: number;
  /** The stored value. */
  value: string;
  /** Called with the trimmed text when the merchant leaves a changed field. */
  onCommit: (value: string) => void;
}

/**
 * A text setting. What the merchant types stays theirs until they leave the field: a re-render
 * while typing (another setting saved, progress changed in a tab) must not put the stored value back.
 */
function TextField({ name, label, hint, max, value, onCommit }: TextFieldProps) {
  const [draft, setDraft] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (input.current?.ownerDocument.activeElement !== input.current) setDraft(value);
  }, [value]);
  return (
    <div class="field">
      <label for={`opt-${name}`}>{label}</label>
      <input
        ref={input}
        id={`opt-${name}`}
        name={name}
        type="text"
        maxLength={max}
        autoComplete={name === 'name' ? 'name' : name === 'company' ? 'organization' : 'off'}
        value={draft}
        aria-describedby={hint ? `opt-${name}-hint` : undefined}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => onCommit((e.currentTarget as HTMLInputElement).value.trim())}
      />
      {hint && (
        <p class="hint" id={`opt-${name}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export const OPTIONS_CSS = `
html, body { margin: 0; }
html { background: var(--lga-bg); }
.options { display: block; max-width: 720px; margin: 0 auto; padding: 16px 20px 40px; background: var(--lga-bg); min-height: 100vh; }
h1 { font-size: 22px; margin: 8px 0 16px; }
h2 { font-size: 17px; margin: 24px 0 8px; }
.field { display: grid; gap: 4px; margin: 10px 0; }
.field input, .field select, .field textarea { font: inherit; color: var(--lga-fg); background: var(--lga-bg); border: 1px solid var(--lga-muted); border-radius: 6px; padding: 6px 8px; max-width: 100%; }
.hint { margin: 0; color: var(--lga-muted); font-size: 13px; }
.check { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
.check input { width: 18px; height: 18px; accent-color: var(--lga-accent); }
.row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
button, .button { display: inline-block; font: inherit; color: var(--lga-fg); background: var(--lga-bg); border: 1px solid var(--lga-muted); border-radius: 6px; padding: 6px 12px; cursor: pointer; }
input:focus-visible + .button, .button:focus-within { outline: 3px solid var(--lga-focus); outline-offset: 2px; }
.danger { border-color: var(--lga-accent); color: var(--lga-accent); }
.confirm { display: inline-flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.status { min-height: 1.5em; font-weight: 600; }
h3 { font-size: 15px; margin: 16px 0 4px; }
.copies { list-style: none; margin: 6px 0; padding: 0; display: grid; gap: 6px; }
.notice { display: flex; gap: 8px; align-items: flex-start; background: var(--lga-warn-bg); color: var(--lga-warn-fg); border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; }
.notice p { margin: 0; flex: 1; }
.status.error { color: var(--lga-accent); }
.status.ok { color: var(--lga-ok); }
`;
