import { useEffect, useState } from 'preact/hooks';
import type { Signal } from '@preact/signals';
import type { StoreView } from '../content/store';
import { startExtensionPage } from './start';
import { send } from '../messaging/client';
import { translator } from '../i18n';
import { OptionsForm, OPTIONS_CSS } from '../../components/OptionsForm';
import { TemplateEditor, TEMPLATE_CSS } from '../../components/TemplateEditor';
import { BASE_CSS } from '../ui/theme';
import type { SettingsPatchInput } from '../settings/defaults';

type Status = { text: string; kind: 'ok' | 'error' } | null;

function Options({ view }: { view: Signal<StoreView> }) {
  const { settings, lang } = view.value;
  const t = translator(lang);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('options.title');
  }, [lang]);

  const patch = async (p: SettingsPatchInput) => {
    const reply = await send({ type: 'settings/patch', patch: p as never });
    // Show the saved settings at once (the storage change notification follows).
    if (reply.ok && reply.data) view.value = { ...view.value, settings: reply.data as StoreView['settings'] };
    setStatus(reply.ok ? { text: t('options.saved'), kind: 'ok' } : { text: t('options.saveFailed'), kind: 'error' });
  };

  const exportAll = async () => {
    const reply = await send({ type: 'export' });
    if (!reply.ok) return setStatus({ text: t('notice.writeFailed'), kind: 'error' });
    const blob = new Blob([JSON.stringify(reply.data, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `livegang-assistent-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importFile = async (file: File) => {
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return setStatus({ text: t('options.importNotJson'), kind: 'error' });
    }
    const reply = await send({ type: 'import', data });
    if (reply.ok) return setStatus({ text: t('options.importDone'), kind: 'ok' });
    const reason = (reply as { data?: unknown }).data;
    setStatus({ text: t('options.importFailed', { reason: typeof reason === 'string' ? reason : reply.error }), kind: 'error' });
  };

  const reset = async () => {
    const reply = await send({ type: 'reset' });
    setStatus(reply.ok ? { text: t('options.resetDone'), kind: 'ok' } : { text: t('notice.writeFailed'), kind: 'error' });
  };

  return (
    <OptionsForm
      settings={settings}
      t={t}
      status={status}
      onPatch={(p) => void patch(p)}
      onExport={() => void exportAll()}
      onImport={(f) => void importFile(f)}
      onReset={() => void reset()}
      templateEditor={
        <TemplateEditor
          template={settings.template}
          lang={settings.templateLang}
          values={{ name: settings.name, company: settings.company, partnerId: settings.partnerId }}
          t={t}
          onSave={(template, templateLang) => void patch({ template, templateLang })}
        />
      }
    />
  );
}

export function startOptions(el: HTMLElement) {
  return startExtensionPage(el, BASE_CSS + OPTIONS_CSS + TEMPLATE_CSS, (view) => <Options view={view} />);
}
