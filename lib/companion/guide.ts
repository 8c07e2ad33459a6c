import { h } from 'preact';
import { deepQuery } from '../otto/query';
import { LINKS } from '../otto/urls';
import { mountUi } from '../ui/mount';
import { translator } from '../i18n';
import { OttoGuide, OTTO_GUIDE_CSS } from '../../components/OttoGuide';
import { setGuideCode } from './guide-slot';

/**
 * The guide's code, kept out of the otto.de entry (which runs on every otto.de page): the
 * background injects `otto-guide.js` into the tab's isolated world (scripting.executeScript)
 * only when a deeplinked product page is to show it; the entry calls it through the slot.
 */
export function publishGuide(): void {
  setGuideCode(({ lang, signal, onClose }) => {
    const anchor = deepQuery(document, 'h1') ?? deepQuery(document, 'main, [role="main"]') ?? document.body;
    const guide = mountUi({ tag: 'lga-otto-guide', anchor, placement: anchor.tagName === 'H1' ? 'before' : 'prepend', signal, css: OTTO_GUIDE_CSS });
    guide.render(h(OttoGuide, { t: translator(lang), articleUrl: LINKS.livegangArticle, onClose }));
    return guide;
  });
}
