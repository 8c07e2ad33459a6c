import { browser } from 'wxt/browser';
import type { Message, Reply } from './protocol';

/**
 * Sends a message to the background. When the service worker was stopped in between, the first
 * attempt can fail; one retry is safe because every event is idempotent in the reducer.
 */
export async function send(message: Message): Promise<Reply> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage(message)) as Reply | undefined;
      return reply ?? { ok: false, error: 'internal' };
    } catch (error) {
      if (attempt >= 1) return { ok: false, error: 'internal' };
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}
