import { browser } from 'wxt/browser';
import type { Message, MessageType, MessageOf, Reply } from './protocol';

/**
 * Pauses between attempts while the background cannot be reached (a stopped service worker is
 * started by the next message, but a message that meets it while it is stopping or starting is
 * lost: the call rejects, or its reply never comes). About 6 s in all, then the caller hears
 * `unreachable` and can say so.
 */
export const RETRY_DELAYS_MS = [100, 200, 400, 800, 1500, 2500] as const;
/** An attempt whose reply has not come after this long counts as lost. */
export const ATTEMPT_TIMEOUT_MS = 4000;

/** Messages that only read: they need not wait for this context's earlier writes. */
const READS = new Set<Message['type']>(['ping', 'state/get']);

/** A reply as the background sends it (its shape per type is the protocol's `ReplyData`). */
const isReply = <T extends MessageType>(value: unknown): value is Reply<T> => !!value && typeof value === 'object' && 'ok' in value;

/** One attempt: the background's reply, or `null` when the message or its reply was lost. */
function attempt<T extends MessageType>(message: MessageOf<T>): Promise<Reply<T> | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ATTEMPT_TIMEOUT_MS);
    const done = (reply: Reply<T> | null) => {
      clearTimeout(timer);
      resolve(reply);
    };
    try {
      Promise.resolve(browser.runtime.sendMessage(message)).then(
        (reply: unknown) => done(isReply<T>(reply) ? reply : null),
        () => done(null),
      );
    } catch {
      done(null);
    }
  });
}

async function deliver<T extends MessageType>(message: MessageOf<T>): Promise<Reply<T>> {
  for (let i = 0; ; i++) {
    const reply = await attempt(message);
    if (reply) return reply;
    if (i >= RETRY_DELAYS_MS.length) return { ok: false, error: 'unreachable' };
    await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[i]));
  }
}

// Writes from one context go out one after the other, so a retried older click can never land
// after a newer one (tick, untick of the same step).
let writes: Promise<unknown> = Promise.resolve();

/**
 * Sends a message to the background and answers its reply, or `{ ok: false, error:
 * 'unreachable' }` when no attempt got through. Repeating a message is safe: every write is
 * idempotent (a toggle sets a value, evidence completes a step once).
 */
export function send<T extends MessageType>(message: MessageOf<T>): Promise<Reply<T>> {
  if (READS.has(message.type)) return deliver(message);
  const run = writes.then(() => deliver(message));
  writes = run.catch(() => undefined);
  return run;
}
