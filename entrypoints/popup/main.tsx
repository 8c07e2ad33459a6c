import { registerStrings } from '../../lib/i18n';
import * as popup from '../../lib/i18n/strings/popup';
import * as checklist from '../../lib/i18n/strings/checklist';
import { startPopup } from '../../lib/pages/popup';

// The popup shows its own texts and the checklist (core: steps, progress, notices, is always there).
registerStrings(popup, checklist);
startPopup(document.getElementById('app')!);
