import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { KEYS } from '../storage/keys';
import { defaultState, type OnboardingState } from '../onboarding/state';
import { defaultSettings, type Settings } from '../settings/defaults';
import { resolveLang, translator, type Lang, type Translate } from '../i18n';
import type { Message, Reply } from '../messaging/protocol';
import type { Snapshot } from '../messaging/snapshot';

/**
 * A live, read-only view of the stored state for content scripts and extension pages. The
 * background validates and repairs what storage holds and answers `state/get`; this view asks
 * again whenever storage changes. (Content scripts carry no schema library: it would triple
 * their size.)
 */
export interface Store {
  state: ReadonlySignal<OnboardingState>;
  settings: ReadonlySignal<Settings>;
  notice: ReadonlySignal<Snapshot['notice']>;
  lang: ReadonlySignal<Lang>;
  t: ReadonlySignal<Translate>;
  ready: Promise<void>;
  refresh: () => Promise<void>;
}

const WATCHED: string[] = [KEYS.onboarding, KEYS.settings, KEYS.quarantine];

export function createStore(send: (m: Message) => Promise<Reply>, abort?: AbortSignal): Store {
  const state = signal(defaultState());
  const settings = signal(defaultSettings());
  const notice = signal<Snapshot['notice']>(null);
  const lang = computed(() => resolveLang(settings.value.language));
  const t = computed(() => translator(lang.value));

  let pending: Promise<void> | null = null;
  const refresh = () =>
    (pending ??= send({ type: 'state/get' })
      .then((reply) => {
        if (!reply.ok || !reply.data) return;
        const snap = reply.data as Snapshot;
        state.value = snap.state;
        settings.value = snap.settings;
        notice.value = snap.notice;
      })
      .finally(() => (pending = null)));

  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && WATCHED.some((k) => k in changes)) void refresh();
  };
  browser.storage.onChanged.addListener(onChanged);
  abort?.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });

  return { state, settings, notice, lang, t, ready: refresh(), refresh };
}
