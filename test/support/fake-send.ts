import type { Message, Reply, Send } from '../../lib/messaging/protocol';

/**
 * A test's stand-in for the background: a function of any message that answers any reply.
 * The one place tests widen it to the typed `Send` (the fake decides what each type answers).
 */
export const fakeSend = (answer: (message: Message) => Reply | Promise<Reply>): Send => (async (message: Message) => answer(message)) as Send;
