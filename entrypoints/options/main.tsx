import { startOptions } from '../../lib/pages/options';

startOptions(document.getElementById('app')!);
