/**
 * The ticket form's choice fields: Lightning comboboxes (open, wait a frame, click the option
 * whose `data-value` matches) and plain selects (value setter and events, like text).
 */
import { closestComposed, composedParent, deepText, deepWithin } from '../query';
import { TICKET_FORM_SELECTORS } from '../anchors/ticket';
import { isDisabled, type TicketField } from './fields';
import { fire, focusQuietly, leave, setNativeValue } from './fill';

export interface ChoiceOption {
  value: string;
  label: string;
  selected: boolean;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One animation frame, or 50 ms where frames are throttled (background tabs). */
export const nextFrame = () =>
  new Promise<void>((r) => {
    let done = false;
    const go = () => {
      if (!done) {
        done = true;
        r();
      }
    };
    requestAnimationFrame(go);
    setTimeout(go, 50);
  });

/** Around a combobox trigger (never the trigger itself): the most specific known wrapper. */
function comboboxScope(trigger: HTMLElement): Element {
  const parent = composedParent(trigger);
  if (parent) {
    for (const selector of TICKET_FORM_SELECTORS.comboboxScope) {
      const hit = closestComposed(parent, selector);
      if (hit) return hit;
    }
  }
  return trigger.getRootNode() as Element;
}

function comboboxItems(trigger: HTMLElement): HTMLElement[] {
  const scope = comboboxScope(trigger);
  const root = scope.nodeType === 1 ? scope : (trigger.getRootNode() as unknown as Element);
  return deepWithin<HTMLElement>(root, TICKET_FORM_SELECTORS.comboboxOption);
}

const isOpen = (trigger: HTMLElement) => trigger.getAttribute('aria-expanded') === 'true';

function optionOf(item: HTMLElement, displayed: string): ChoiceOption {
  const label = deepText(item) || item.getAttribute('title') || item.getAttribute('aria-label') || '';
  const value = item.getAttribute('data-value') ?? item.getAttribute('value') ?? label;
  const checked = item.getAttribute('aria-checked');
  return { value, label, selected: checked === 'true' || (checked === null && (item.getAttribute('aria-selected') === 'true' || (!!displayed && label === displayed))) };
}

/** Opens a combobox (if needed) and lists its options. Options render only after the first open. */
async function openCombobox(trigger: HTMLElement): Promise<HTMLElement[]> {
  if (!isOpen(trigger) || !comboboxItems(trigger).length) {
    trigger.click();
    await nextFrame();
  }
  for (let i = 0; i < 20; i++) {
    const items = comboboxItems(trigger);
    if (items.length) return items;
    await wait(50);
  }
  return [];
}

async function closeCombobox(trigger: HTMLElement): Promise<void> {
  if (!isOpen(trigger)) return;
  fire(trigger, 'keydown', { key: 'Escape' });
  await nextFrame();
  if (isOpen(trigger)) {
    trigger.click();
    await nextFrame();
  }
}

/** The options of a choice field and which one is selected (the combobox is closed again). */
export async function readChoices(field: TicketField): Promise<ChoiceOption[]> {
  if (field.kind === 'select') {
    const select = field.control as HTMLSelectElement;
    return Array.from(select.options).map((o) => ({ value: o.value, label: o.text.replace(/\s+/g, ' ').trim(), selected: o.selected }));
  }
  const trigger = field.control;
  const displayed = deepText(trigger);
  const items = await openCombobox(trigger);
  const options = items.map((i) => optionOf(i, displayed));
  await closeCombobox(trigger);
  return options;
}

/** The selected value of a choice field ('' when nothing is chosen). */
export function selectedValue(options: ChoiceOption[]): string {
  return options.find((o) => o.selected)?.value ?? '';
}

/** Chooses the option with API value `value`, the way a click would. True when it took. */
export async function choose(field: TicketField, value: string): Promise<boolean> {
  if (field.kind === 'select') {
    const select = field.control as HTMLSelectElement;
    if (!Array.from(select.options).some((o) => o.value === value)) return false;
    focusQuietly(select);
    setNativeValue(select, value);
    fire(select, 'input');
    fire(select, 'change');
    leave(select);
    return select.value === value;
  }
  const trigger = field.control;
  const items = await openCombobox(trigger);
  const item = items.find((i) => (i.getAttribute('data-value') ?? i.getAttribute('value') ?? deepText(i)) === value);
  if (!item) {
    await closeCombobox(trigger);
    return false;
  }
  const label = deepText(item);
  item.click();
  await nextFrame();
  await closeCombobox(trigger);
  return !label || deepText(trigger) === label || item.getAttribute('aria-checked') === 'true';
}

/** Waits (bounded) until a field is enabled, e.g. a dependent sub-category after its category. */
export async function whenEnabled(find: () => TicketField | undefined, timeout = 2000): Promise<TicketField | undefined> {
  const end = Date.now() + timeout;
  for (;;) {
    const field = find();
    if (field && !isDisabled(field)) return field;
    if (Date.now() > end) return field;
    await wait(50);
  }
}
