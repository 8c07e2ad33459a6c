import { useLayoutEffect, useRef } from 'preact/hooks';
import type { OnboardingState } from '../lib/onboarding/state';
import type { Translate } from '../lib/i18n';
import { compactLine, type CompactLine } from '../lib/features/checklist/compact-line';
import type { StepButtons, StepExtras } from './step-link';

export interface ChecklistCompactProps {
  state: OnboardingState;
  t: Translate;
  headingId: string;
  headingLevel: 2 | 3;
  buttons?: StepButtons;
  extras?: StepExtras;
  onExpand: () => void;
  toggleRef?: { current: HTMLButtonElement | null };
}

/**
 * The panel's collapsed form (issue 16): the overview's plain-DOM compact line
 * (lib/features/checklist/compact-line.ts) placed by Preact, so there is one implementation of
 * the line. Its actions read the latest props when clicked.
 */
export function ChecklistCompact(props: ChecklistCompactProps) {
  const slot = useRef<HTMLSpanElement>(null);
  const line = useRef<CompactLine | null>(null);
  const latest = useRef(props);
  latest.current = props;
  useLayoutEffect(() => {
    const l = compactLine(slot.current!.ownerDocument, {
      headingId: props.headingId,
      headingLevel: props.headingLevel,
      onExpand: () => latest.current.onExpand(),
      get buttons() {
        return latest.current.buttons;
      },
      get extras() {
        return latest.current.extras;
      },
    });
    line.current = l;
    slot.current!.replaceChildren(l.el);
    if (props.toggleRef) props.toggleRef.current = l.toggle;
    return () => l.el.remove();
  }, [props.headingId, props.headingLevel]);
  useLayoutEffect(() => line.current?.update(props.state, props.t));
  // `display: contents`: the line's section is laid out as if it stood in the slot's place.
  return <span ref={slot} style={{ display: 'contents' }} />;
}
