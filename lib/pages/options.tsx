import { useEffect, useState } from 'preact/hooks';
import type { Signal } from '@preact/signals';
import type { StoreView } from '../content/store';
import { startExtensionPage } from './start';
import { send } from '../messaging/client';
import { formatDate, translator } from '../i18n';
import { Notice } from '../../components/Notice';
import { STEP_IDS } from '../onboarding/steps';
import { noticeText } from './notice';
import { OptionsForm, OPTIONS_CSS } from '../../components/OptionsForm';
import { TemplateEditor, TEMPLATE_CSS } from '../../components/TemplateEditor';
import { BASE_CSS } from '../ui/theme';
import type { SettingsPatchInput } from '../settings/defaults';
import { registerStrings } from '../i18n';
import * as sitesStrings from '../i18n/strings/sites';
import { OptionsSites } from '../../components/OptionsSites';
import { siteActions } from '../sites/options-actions';
import { isSenderAddress } from '../settings/schema';
import { OptionsCompanion } from '../../components/OptionsCompanion';
import { useSiteAccess } from '../companion/use-access';
import { COMPANION_OPTIONS_HASH, OTTO_COMPANION } from '../companion/site';

type Status = { text: string; kind: 'ok' | 'error' } | null;

function Options({ view }: { view: Signal<StoreView> }) {
  const { settings, lang, notice, dropped, copies = [] } = view.value;
  const t = translator(lang);
  const [status, setStatus] = useState<Status>(null);
  const companion = useSiteAccess(OTTO_COMPANION);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('options.title');
  }, [lang]);

  const patch = async (p: SettingsPatchInput) => {
    const reply = await send({ type: 'settings/patch', patch: p });
    // Show the saved settings at once (the storage change notification follows).
    if (reply.ok) view.value = { ...view.value, settings: reply.data };
    setStatus(reply.ok ? { text: t('options.saved'), kind: 'ok' } : { text: t('options.saveFailed'), kind: 'error' });
    return reply.ok;
  };
  const sites = siteActions({
    settings: () => view.value.settings,
    patch,
    say: (what, site) => setStatus({ text: t(`sites.${what}`, { site }), kind: what === 'denied' ? 'error' : 'ok' }),
  });

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
    setStatus({ text: t('options.importFailed', { reason: reply.reason ?? reply.error }), kind: 'error' });
  };

  const restore = async (at: number) => {
    const reply = await send({ type: 'quarantine/restore', at });
    const count = reply.ok ? reply.data.restored : 0;
    setStatus(
      !reply.ok
        ? { text: t('options.restoreFailed'), kind: 'error' }
        : { text: count ? t('options.restored', { count }) : t('options.restoredNone'), kind: 'ok' },
    );
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
      notice={notice && <Notice text={noticeText(t, notice, dropped)} dismissLabel={t('dismiss')} onDismiss={() => void send({ type: 'notice/dismiss' })} />}
      copies={copies.map((c) => {
        const date = formatDate(lang, c.at);
        return { at: c.at, text: t('options.copy', { date, done: c.done, count: STEP_IDS.length }), restoreLabel: t('options.restoreLabel', { date }) };
      })}
      onRestore={(at) => void restore(at)}
      afterFeatures={
        <>
        <OptionsSites
          settings={settings}
          t={t}
          isSenderAddress={isSenderAddress}
          onSender={(senderAddress) => void patch({ senderAddress })}
          onService={sites.toggleService}
          onAddOrigin={sites.addOrigin}
          onRemoveOrigin={sites.removeOrigin}
        />
        {/* otto.de companion: consent is the optional permission (lib/companion/use-access.ts). */}
        <OptionsCompanion
          t={t}
          id={COMPANION_OPTIONS_HASH}
          granted={companion.granted}
          refused={companion.refused}
          onSet={companion.set}
          focus={location.hash === `#${COMPANION_OPTIONS_HASH}`}
        />
        </>
      }
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
  registerStrings(sitesStrings);
  return startExtensionPage(el, BASE_CSS + OPTIONS_CSS + TEMPLATE_CSS, (view) => <Options view={view} />);
}
