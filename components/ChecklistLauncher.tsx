import { useEffect, useRef, useState } from 'preact/hooks';
import { STEP_IDS } from '../lib/onboarding/steps';
import { nextOpenStep } from '../lib/onboarding/state';
import { Checklist, type ChecklistProps } from './Checklist';

export type ChecklistLauncherProps = Omit<ChecklistProps, 'headerExtra' | 'collapsed' | 'onCollapse' | 'quietWhenDone'>;

/**
 * A small button in the corner of OPC pages without the product list ("Livegang 3/8", or "✓ Live"
 * once everything is done) that opens the same checklist as a panel. Escape or the close
 * button closes it and returns focus to the button.
 */
export function ChecklistLauncher(props: ChecklistLauncherProps) {
  const { state, t, idPrefix = 'lga-launcher' } = props;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);
  const done = STEP_IDS.filter((id) => state.steps[id].done).length;
  const total = STEP_IDS.length;
  const live = !nextOpenStep(state);
  const panelId = `${idPrefix}-panel`;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div class="launcher-wrap">
      {open && (
        <div
          class="popover"
          id={panelId}
          ref={panel}
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <Checklist
            {...props}
            idPrefix={idPrefix}
            quietWhenDone
            headerExtra={
              <button type="button" class="close" onClick={close}>
                <span aria-hidden="true">×</span>
                <span class="lga-visually-hidden">{t('checklist.close')}</span>
              </button>
            }
          />
        </div>
      )}
      <button
        type="button"
        ref={button}
        class={live ? 'launcher is-live' : 'launcher'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={t('checklist.launcherLabel', { done, total })}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {live ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('checklist.launcherLive')}
          </>
        ) : (
          t('checklist.launcher', { done, total })
        )}
      </button>
    </div>
  );
}

