import { render } from 'preact';
import { Checklist, type ChecklistProps } from '../../../components/Checklist';
import { ChecklistLauncher, type ChecklistLauncherProps } from '../../../components/ChecklistLauncher';

/**
 * The checklist's Preact part (PARTS.checklistPanel in lib/content/chunks.ts, built from
 * entrypoints/checklist-panel.ts): the full panel and the corner launcher, drawn into a host's
 * container that the checklist's code (lib/features/checklist/init.ts, in the page's chunk)
 * mounted. Imported only when one of them is shown, so the overview's compact line needs no Preact.
 */
export interface ChecklistPanelPart {
  panel: (container: HTMLElement, props: ChecklistProps) => void;
  launcher: (container: HTMLElement, props: ChecklistLauncherProps) => void;
  /** Unmounts what was drawn into `container` (before the container shows something else or goes). */
  clear: (container: HTMLElement) => void;
}

export const CHECKLIST_PANEL: ChecklistPanelPart = {
  panel: (container, props) => render(<Checklist {...props} />, container),
  launcher: (container, props) => render(<ChecklistLauncher {...props} />, container),
  clear: (container) => render(null, container),
};
