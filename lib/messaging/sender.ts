import { isOttoOrigin, SHOP_ORIGIN } from '../otto/urls';
import type { SenderRole } from './protocol';

/** The parts of `runtime.MessageSender` we look at. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Who sent a message: one of our extension pages, one of our content scripts on an OTTO page,
 * our otto.de companion script, or nobody we accept (`null`): other extensions, web pages, unknown frames.
 */
export function senderRole(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderRole | null {
  if (!sender || sender.id !== runtimeId || !sender.url) return null;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return null;
  }
  if (origin === extensionOrigin) return 'extension-page';
  if (sender.tab && isOttoOrigin(origin)) return 'content';
  // The otto.de companion's script (registered only with the merchant's consent); it may send only its own messages.
  if (sender.tab && origin === SHOP_ORIGIN) return 'shop';
  return null;
}
