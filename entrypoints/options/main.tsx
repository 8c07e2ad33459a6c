import { registerStrings } from '../../lib/i18n';
import * as options from '../../lib/i18n/strings/options';
import { startOptions } from '../../lib/pages/options';

// The options page shows its own texts (core's, e.g. the notices, are always there).
registerStrings(options);
startOptions(document.getElementById('app')!);
