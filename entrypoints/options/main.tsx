import { registerStrings } from '../../lib/i18n';
import * as options from '../../lib/i18n/strings/options';
import * as popup from '../../lib/i18n/strings/popup';
import * as companion from '../../lib/i18n/strings/companion';
import { startOptions } from '../../lib/pages/options';

// The options page shows its own texts (core's are always there) and the popup's notice texts.
registerStrings(options, popup, companion);
startOptions(document.getElementById('app')!);
