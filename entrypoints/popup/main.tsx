import { startPopup } from '../../lib/pages/popup';

startPopup(document.getElementById('app')!);
