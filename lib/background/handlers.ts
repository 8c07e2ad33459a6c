import { browser } from 'wxt/browser';
import { KEYS } from '../storage/keys';
import { ALLOWED, MAX_MESSAGE_BYTES, MessageSchema, type Message, type Reply, type SenderRole } from '../messaging/protocol';
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
    return await dispatch(parsed.data, role, sender);
  } catch (error) {
    console.warn('[livegang-assistent] message failed:', error instanceof Error ? error.name : 'error');
    return { ok: false, error: 'internal' };
  }
}

async function dispatch(message: Message, _role: SenderRole, sender: SenderLike): Promise<Reply> {
  switch (message.type) {
    case 'ping':
      return { ok: true, data: 'pong' };
    case 'state/get':
      return serialized(async () => ({ ok: true, data: await snapshot() }));
    case 'evidence':
      return applyEvent({ type: 'evidence', code: message.code, count: message.count });
    case 'toggle':
      return applyEvent({ type: 'toggle', step: message.step, done: message.done });
    case 'reset':
      return serialized(async () => {
        await browser.storage.local.remove([KEYS.onboarding, KEYS.settings, KEYS.quarantine]);
        const { state, settings } = await readAll();
        await showProgress(state, settings);
        return { ok: true };
      });
    case 'settings/patch':
      return patchSettings(message.patch);
    case 'ui/collapse':
      return patchSettings({ checklistCollapsed: message.collapsed });
    case 'export':
      return serialized(async () => ({ ok: true, data: buildExport(await readAll(), await readQuarantine(), Date.now()) }));
    case 'import': {
      const parsed = parseImport(message.data);
      if (!parsed.ok) return { ok: false, error: 'invalid', data: parsed.reason } as Reply;
      return serialized(async () => {
        await browser.storage.local.set({ [KEYS.onboarding]: parsed.state, [KEYS.settings]: parsed.settings });
        if (parsed.quarantine.length) await keepAside(...parsed.quarantine);
        await showProgress(parsed.state, parsed.settings);
        return { ok: true };
      });
    }
    case 'notice/dismiss':
      // The notice goes; the kept copies stay (export, restore) until a reset.
      return serialized(async () => {
        const list = await readQuarantine();
        if (list.some((e) => !e.seen)) await browser.storage.local.set({ [KEYS.quarantine]: list.map((e) => ({ ...e, seen: true })) });
        return { ok: true };
      });
    case 'quarantine/restore':
      return restore(message.at);
    case 'ticket/request':
      await browser.storage.session.set({ [KEYS.ticketRequest]: { at: Date.now() } });
      return { ok: true };
    case 'ticket/consume':
      return serialized(async () => {
        const got = (await browser.storage.session.get(KEYS.ticketRequest))[KEYS.ticketRequest] as { at?: unknown } | undefined;
        await browser.storage.session.remove(KEYS.ticketRequest);
        const at = got && typeof got.at === 'number' ? got.at : null;
        const fresh = at !== null && Date.now() - at >= 0 && Date.now() - at < TICKET_REQUEST_TTL_MS;
        return { ok: true, data: fresh };
      });
    // otto.de companion (lib/companion/background.ts): evidence comes only from its page facts.
    case 'companion/deeplink':
      await onDeeplinkClick();
      return { ok: true };
    case 'companion/page': {
      const { type: _t, ...facts } = message;
      const got = await onPageFacts(facts, { tab: sender.tab?.id ?? null, frame: sender.frameId ?? 0 }, (code) => applyEvent({ type: 'evidence', code }));
      // The guide's language (the setting only; nothing else of the settings goes to otto.de).
      return { ok: true, data: { ...got, lang: (await readAll()).settings.language } };
    }
    case 'companion/guide-dismiss':
      await onGuideDismiss();
      return { ok: true };
    case 'companion/consent':
      await openConsent();
      return { ok: true };
  }
}

function applyEvent(event: OnboardingEvent): Promise<Reply> {
  return serialized(async () => {
    const { state, settings } = await readAll();
    const next = reduce(state, event, Date.now());
    if (next !== state) {
      try {
        await browser.storage.local.set({ [KEYS.onboarding]: next });
      } catch {
        return { ok: false, error: 'storage' } as Reply;
      }
      await showProgress(next, settings);
    }
    return { ok: true, data: next };
  });
}

function patchSettings(patch: Record<string, unknown>): Promise<Reply> {
  return serialized(async () => {
    const { state, settings } = await readAll();
    const merged = SettingsSchema.safeParse({ ...settings, ...patch, features: { ...settings.features, ...((patch.features as object) ?? {}) } });
    if (!merged.success) return { ok: false, error: 'invalid' } as Reply;
    try {
      await browser.storage.local.set({ [KEYS.settings]: merged.data });
    } catch {
      return { ok: false, error: 'storage' } as Reply;
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
function restore(at: number): Promise<Reply> {
  return serialized(async () => {
    const entry = (await readQuarantine()).find((e) => e.key === KEYS.onboarding && e.at === at);
    const read = entry ? stepsIn(entry.raw) : null;
    if (!read) return { ok: false, error: 'invalid' } as Reply;
    const { state, settings } = await readAll();
    const next = reduce(state, { type: 'restore', steps: read.steps }, Date.now());
    const valid = OnboardingStateSchema.safeParse(next);
    if (!valid.success) return { ok: false, error: 'invalid' } as Reply;
    const restored = openCount(state) - openCount(valid.data);
    if (restored) {
      try {
        await browser.storage.local.set({ [KEYS.onboarding]: valid.data });
      } catch {
        return { ok: false, error: 'storage' } as Reply;
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
