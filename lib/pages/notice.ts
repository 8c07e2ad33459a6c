import type { Translate } from '../i18n';
import type { Dropped } from '../onboarding/state';
import type { Snapshot } from '../messaging/snapshot';

/**
 * The text of the notice about stored data that could not be used as it was (popup, options):
 * after a repair it names each step that lost something and what it lost.
 */
export function noticeText(t: Translate, notice: NonNullable<Snapshot['notice']>, dropped: Dropped[] = []): string {
  if (notice === 'repaired') {
    if (!dropped.length) return t('notice.repairedKept');
    const byStep = new Map<Dropped['step'], string[]>();
    for (const d of dropped) byStep.set(d.step, [...(byStep.get(d.step) ?? []), t(`notice.part.${d.part}`)]);
    const parts = [...byStep].map(([step, what]) => t('notice.stepParts', { step: t(`step.${step}`), parts: what.join(', ') })).join('; ');
    return t('notice.repaired', { parts });
  }
  return t(notice === 'unknown-version' ? 'notice.unknown-version' : notice === 'settings' ? 'notice.settings' : 'notice.corrupt');
}
