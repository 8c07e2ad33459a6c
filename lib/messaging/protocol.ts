import * as z from 'zod/mini';
import { COMPANION_EVIDENCE, EVIDENCE_CODES, STEP_IDS, type EvidenceCode } from '../onboarding/steps';
import { SettingsPatchSchema } from '../settings/schema';
import type { OnboardingState } from '../onboarding/state';
import type { LanguagePref, Settings } from '../settings/defaults';
import type { ExportFile } from '../background/transfer';
import type { Snapshot } from './snapshot';

/**
 * Every message the background accepts. Objects are strict: unknown fields, wrong types and
 * unknown `type`s are refused. Nothing here may carry personal data: evidence is a code and a count.
 */
const count = z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000)));
/** Page evidence a content script may report; the otto.de companion's codes are the background's own. */
const PAGE_EVIDENCE = EVIDENCE_CODES.filter((c) => !(COMPANION_EVIDENCE as readonly EvidenceCode[]).includes(c)) as [EvidenceCode, ...EvidenceCode[]];

export const MessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ping') }),
  z.strictObject({ type: z.literal('state/get') }),
  z.strictObject({
    type: z.literal('evidence'),
    code: z.enum(PAGE_EVIDENCE),
    count,
    /** More evidence of the same page view, stored in the same write (issue 16: one message, one write, one render). */
    also: z.optional(z.array(z.strictObject({ code: z.enum(PAGE_EVIDENCE), count })).check(z.maxLength(PAGE_EVIDENCE.length))),
  }),
  z.strictObject({ type: z.literal('toggle'), step: z.enum(STEP_IDS), done: z.boolean() }),
  z.strictObject({ type: z.literal('settings/patch'), patch: SettingsPatchSchema }),
  z.strictObject({ type: z.literal('ui/collapse'), collapsed: z.boolean() }),
  z.strictObject({ type: z.literal('reset') }),
  z.strictObject({ type: z.literal('export') }),
  z.strictObject({ type: z.literal('import'), data: z.unknown() }),
  z.strictObject({ type: z.literal('notice/dismiss') }),
  /** Restore the done steps of a kept-aside copy (named by its time) into the open steps. */
  z.strictObject({ type: z.literal('quarantine/restore'), at: z.number() }),
  z.strictObject({ type: z.literal('ticket/request') }),
  z.strictObject({ type: z.literal('ticket/consume') }),
  // otto.de companion (lib/companion/). A merchant's click on a product's otto.de link in Partner Connect:
  z.strictObject({ type: z.literal('companion/deeplink') }),
  // What the otto.de script recognised on its page: facts only, never text from the page.
  z.strictObject({ type: z.literal('companion/page'), product: z.boolean(), loggedIn: z.boolean(), confirmation: z.boolean() }),
  z.strictObject({ type: z.literal('companion/guide-dismiss') }),
  // "Testbestellung auf otto.de begleiten": opens the options' companion section (where consent is asked).
  z.strictObject({ type: z.literal('companion/consent') }),
]);
export type Message = z.infer<typeof MessageSchema>;
export type MessageType = Message['type'];

/** `shop`: our otto.de companion script (https://www.otto.de, only with the merchant's consent). */
export type SenderRole = 'extension-page' | 'content' | 'shop';

/** Which sender may send what. Content scripts report page evidence; only extension pages may reset or import. */
export const ALLOWED: Record<MessageType, readonly SenderRole[]> = {
  ping: ['extension-page', 'content'],
  'state/get': ['extension-page', 'content'],
  evidence: ['content'],
  toggle: ['extension-page', 'content'],
  'settings/patch': ['extension-page'],
  'ui/collapse': ['extension-page', 'content'],
  reset: ['extension-page'],
  export: ['extension-page'],
  import: ['extension-page'],
  'notice/dismiss': ['extension-page'],
  'quarantine/restore': ['extension-page'],
  'ticket/request': ['extension-page', 'content'],
  'ticket/consume': ['content'],
  'companion/deeplink': ['content'],
  'companion/page': ['shop'],
  'companion/guide-dismiss': ['shop'],
  'companion/consent': ['extension-page', 'content'],
};

/** What the background answers to each message when it succeeds (`undefined`: nothing but `ok`). */
export interface ReplyData {
  ping: 'pong';
  'state/get': Snapshot;
  evidence: OnboardingState;
  toggle: OnboardingState;
  'settings/patch': Settings;
  'ui/collapse': Settings;
  reset: undefined;
  export: ExportFile;
  import: undefined;
  'notice/dismiss': undefined;
  'quarantine/restore': { restored: number };
  'ticket/request': undefined;
  /** Whether a fresh "open confirmation ticket" request was waiting (it is gone now). */
  'ticket/consume': boolean;
  'companion/deeplink': undefined;
  /** Whether the otto.de page shows the guide, and in which language (the setting only). */
  'companion/page': { guide: boolean; lang: LanguagePref };
  'companion/guide-dismiss': undefined;
  'companion/consent': undefined;
}

/** The message of one type (a map, so handlers and replies can be indexed by the type). */
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** The reply to a message of type `T`; `reason` says in words why an import was refused. */
export type Reply<T extends MessageType = MessageType> = ReplySuccess<T> | ReplyFailure;
export type ReplySuccess<T extends MessageType> = T extends MessageType
  ? ReplyData[T] extends undefined
    ? { ok: true; data?: undefined }
    : { ok: true; data: ReplyData[T] }
  : never;
/** Sends a message and answers its typed reply (lib/messaging/client.ts `send`, or a test's fake). */
export type Send = <T extends MessageType>(message: MessageOf<T>) => Promise<Reply<T>>;
export type ReplyFailure = { ok: false; error: ReplyError; reason?: string };
/** `unreachable`: the sender got no reply at all (answered by the client, never by the background). */
export type ReplyError = 'invalid' | 'too-large' | 'forbidden' | 'storage' | 'internal' | 'unreachable';

/** Messages larger than this (as JSON) are refused before parsing. */
export const MAX_MESSAGE_BYTES = 512 * 1024;
