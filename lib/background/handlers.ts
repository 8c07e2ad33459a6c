import { browser } from 'wxt/browser';
import { KEYS } from '../storage/keys';
import { ALLOWED, MAX_MESSAGE_BYTES, MessageSchema, type MessageOf, type MessageType, type Reply } from '../messaging/protocol';
import { senderRole, type SenderLike } from '../messaging/sender';
import { reduce, type OnboardingEvent } from '../onboarding/reducer';
import { OnboardingStateSchema } from '../onboarding/schema';
import { openCount } from '../onboarding/state';
import { SettingsSchema } from '../settings/schema';
import { keepAside, readAll, readQuarantine, serialized } from './store';
import { stepsIn } from './quarantine';
import type { Snapshot } from '../messaging/snapshot';
import { showProgress } from './badge';
import { buildExport, parseImport } from './transfer';
import { onDeeplinkClick, onGuideDismiss, onPageFacts, openConsent } from '../companion/background';

/** How long an "open confirmation ticket" request stays valid. */
export const TICKET_REQUEST_TTL_MS = 2 * 60 * 1000;

/** Size of a message as JSON; `Infinity` for values that cannot be serialised. */
function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

/**
 * The single entry point for messages. Checks size, shape and sender before anything touches
 * storage; never throws (an unexpected failure becomes `{ ok: false, error: 'internal' }`).
 */
export async function handleMessage(raw: unknown, sender: SenderLike): Promise<Reply> {
  try {
    const role = senderRole(sender, browser.runtime.id, new URL(browser.runtime.getURL('/')).origin);
    if (!role) return { ok: false, error: 'forbidden' };
    if (jsonSize(raw) > MAX_MESSAGE_BYTES) return { ok: false, error: 'too-large' };
    const parsed = MessageSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'invalid' };
    if (!ALLOWED[parsed.data.type].includes(role)) return { ok: false, error: 'forbidden' };
    return await dispatch(parsed.data, sender);
  } catch (error) {
    console.warn('[livegang-assistent] message failed:', error instanceof Error ? error.name : 'error');
    return { ok: false, error: 'internal' };
  }
}

type Handlers = { [T in MessageType]: (message: MessageOf<T>, sender: SenderLike) => Promise<Reply<T>> };

/** One handler per message type; each answers the reply its type names (`ReplyData`). */
const HANDLERS: Handlers = {
  ping: async () => ({ ok: true, data: 'pong' }),
  'state/get': () => serialized(async () => ({ ok: true, data: await snapshot() })),
  evidence: (m) =>
    applyEvent(
      { type: 'evidence', code: m.code, count: m.count },
      ...(m.also ?? []).map((e): OnboardingEvent => ({ type: 'evidence', code: e.code, count: e.count })),
    ),
  toggle: (m) => applyEvent({ type: 'toggle', step: m.step, done: m.done }),
  reset: () =>
    serialized(async () => {
      await browser.storage.local.remove([KEYS.onboarding, KEYS.settings, KEYS.quarantine]);
      const { state, settings } = await readAll();
      await showProgress(state, settings);
      return { ok: true };
    }),
  'settings/patch': (m) => patchSettings(m.patch),
  // Collapsed: the compact line; expanded: the full panel, also after the first visit.
  'ui/collapse': (m) => patchSettings({ checklistCollapsed: m.collapsed, checklistExpanded: !m.collapsed }),
  export: () => serialized(async () => ({ ok: true, data: buildExport(await readAll(), await readQuarantine(), Date.now()) })),
  import: async (m) => {
    const parsed = parseImport(m.data);
    if (!parsed.ok) return { ok: false, error: 'invalid', reason: parsed.reason };
    return serialized(async () => {
      await browser.storage.local.set({ [KEYS.onboarding]: parsed.state, [KEYS.settings]: parsed.settings });
      if (parsed.quarantine.length) await keepAside(...parsed.quarantine);
      await showProgress(parsed.state, parsed.settings);
      return { ok: true };
    });
  },
  // The notice goes; the kept copies stay (export, restore) until a reset.
  'notice/dismiss': () =>
    serialized(async () => {
      const list = await readQuarantine();
      if (list.some((e) => !e.seen)) await browser.storage.local.set({ [KEYS.quarantine]: list.map((e) => ({ ...e, seen: true })) });
      return { ok: true };
    }),
  'quarantine/restore': (m) => restore(m.at),
  'ticket/request': async () => {
    await browser.storage.session.set({ [KEYS.ticketRequest]: { at: Date.now() } });
    return { ok: true };
  },
  'ticket/consume': () =>
    serialized(async () => {
      const got = (await browser.storage.session.get(KEYS.ticketRequest))[KEYS.ticketRequest] as { at?: unknown } | undefined;
      await browser.storage.session.remove(KEYS.ticketRequest);
      const at = got && typeof got.at === 'number' ? got.at : null;
      const fresh = at !== null && Date.now() - at >= 0 && Date.now() - at < TICKET_REQUEST_TTL_MS;
      return { ok: true, data: fresh };
    }),
  // otto.de companion (lib/companion/background.ts): evidence comes only from its page facts.
  'companion/deeplink': async () => {
    await onDeeplinkClick();
    return { ok: true };
  },
  'companion/page': async ({ type: _type, ...facts }, sender) => {
    const got = await onPageFacts(facts, { tab: sender.tab?.id ?? null, frame: sender.frameId ?? 0 }, (code) => applyEvent({ type: 'evidence', code }));
    // The guide's language (the setting only; nothing else of the settings goes to otto.de).
    return { ok: true, data: { ...got, lang: (await readAll()).settings.language } };
  },
  'companion/guide-dismiss': async () => {
    await onGuideDismiss();
    return { ok: true };
  },
  'companion/consent': async () => {
    await openConsent();
    return { ok: true };
  },
};

function dispatch<T extends MessageType>(message: MessageOf<T>, sender: SenderLike): Promise<Reply<T>> {
  const handler: Handlers[T] = HANDLERS[message.type];
  return handler(message, sender);
}

function applyEvent(...events: OnboardingEvent[]): Promise<Reply<'evidence' | 'toggle'>> {
  return serialized(async (): Promise<Reply<'evidence' | 'toggle'>> => {
    const { state, settings } = await readAll();
    const now = Date.now();
    const next = events.reduce((s, e) => reduce(s, e, now), state);
    if (next !== state) {
      try {
        await browser.storage.local.set({ [KEYS.onboarding]: next });
      } catch {
        return { ok: false, error: 'storage' };
      }
      await showProgress(next, settings);
    }
    return { ok: true, data: next };
  });
}

function patchSettings(patch: Record<string, unknown>): Promise<Reply<'settings/patch' | 'ui/collapse'>> {
  return serialized(async (): Promise<Reply<'settings/patch' | 'ui/collapse'>> => {
    const { state, settings } = await readAll();
    const merged = SettingsSchema.safeParse({ ...settings, ...patch, features: { ...settings.features, ...((patch.features as object) ?? {}) } });
    if (!merged.success) return { ok: false, error: 'invalid' };
    try {
      await browser.storage.local.set({ [KEYS.settings]: merged.data });
    } catch {
      return { ok: false, error: 'storage' };
    }
    await showProgress(state, merged.data);
    return { ok: true, data: merged.data };
  });
}

/** On install, update and browser start: make storage valid and the badge current. */
export async function refresh(): Promise<void> {
  await serialized(async () => {
    const { state, settings } = await readAll();
    await showProgress(state, settings);
  });
}

/** Brings back the done steps of a kept-aside copy into steps that are open now; validated. */
function restore(at: number): Promise<Reply<'quarantine/restore'>> {
  return serialized(async (): Promise<Reply<'quarantine/restore'>> => {
    const entry = (await readQuarantine()).find((e) => e.key === KEYS.onboarding && e.at === at);
    const read = entry ? stepsIn(entry.raw) : null;
    if (!read) return { ok: false, error: 'invalid' };
    const { state, settings } = await readAll();
    const next = reduce(state, { type: 'restore', steps: read.steps }, Date.now());
    const valid = OnboardingStateSchema.safeParse(next);
    if (!valid.success) return { ok: false, error: 'invalid' };
    const restored = openCount(state) - openCount(valid.data);
    if (restored) {
      try {
        await browser.storage.local.set({ [KEYS.onboarding]: valid.data });
      } catch {
        return { ok: false, error: 'storage' };
      }
      await showProgress(valid.data, settings);
    }
    return { ok: true, data: { restored } };
  });
}

async function snapshot(): Promise<Snapshot> {
  const { state, settings } = await readAll();
  const list = await readQuarantine();
  const last = list.filter((e) => !e.seen).at(-1);
  const copies = list.filter((e) => e.key === KEYS.onboarding && e.done).map((e) => ({ at: e.at, done: e.done ?? 0 }));
  return { state, settings, notice: last ? last.problem : null, dropped: last?.dropped ?? [], copies };
}
