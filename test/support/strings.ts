import { registerStrings } from '../../lib/i18n';
import * as checklist from '../../lib/i18n/strings/checklist';
import * as contact from '../../lib/i18n/strings/contact';
import * as deeplinks from '../../lib/i18n/strings/deeplinks';
import * as options from '../../lib/i18n/strings/options';
import * as popup from '../../lib/i18n/strings/popup';
import * as ticket from '../../lib/i18n/strings/ticket';
import * as sites from '../../lib/i18n/strings/sites';
import * as companion from '../../lib/i18n/strings/companion';

/**
 * Registers every string area with this process's translator: for tests that name texts of all
 * surfaces. The bundles themselves register only their own areas (lib/i18n/index.ts).
 */
export function registerAllStrings(): void {
  registerStrings(checklist, contact, deeplinks, options, popup, ticket, sites, companion);
}
