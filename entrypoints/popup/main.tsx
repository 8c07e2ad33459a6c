import { registerStrings } from '../../lib/i18n';
import * as popup from '../../lib/i18n/strings/popup';
import * as checklist from '../../lib/i18n/strings/checklist';
import * as companion from '../../lib/i18n/strings/companion';
import { startPopup } from '../../lib/pages/popup';

// The popup shows its own texts and the checklist (core: steps, progress, notices, is always there).
registerStrings(popup, checklist, companion);
startPopup(document.getElementById('app')!);
