import type { AnchorSpec } from '../selectors';

/**
 * Help-center ticket form (issue: ticket assistant). Salesforce Experience Cloud: the form may be
 * built from Lightning base components (synthetic or native shadow), Aura `ui:input*` fields, a
 * rich-text editor or a plain HTML form. Fields are told apart by label, `name`, role and
 * structure (lib/otto/ticket/fields.ts) — never by id, which Salesforce rewrites.
 */
export const TICKET_ANCHORS = {
  /** The description field: its presence means the ticket form has rendered. */
  ticketDescription: {
    selectors: [
      'textarea[name="description" i]',
      'textarea[name*="description" i]',
      'textarea[name*="beschreibung" i]',
      'lightning-textarea textarea',
      '.uiInputTextArea textarea',
      '.ql-editor[contenteditable="true"]',
      '[contenteditable="true"][role="textbox"]',
      'form textarea',
      'form [contenteditable="true"]',
    ],
  },
  /** The signed-in user's name in the help center's user menu (offered for the signature). */
  helpUserName: {
    selectors: [
      '.forceCommunityUserProfileMenu .profileName',
      'comm-user-profile-menu .profileName',
      '[data-region-name="profileMenu"] .profileName',
      '.profileName',
      '.forceCommunityUserProfileMenu .triggerLinkText',
      '[class*="userProfileMenu" i] [class*="userName" i]',
    ],
  },
} as const satisfies Record<string, AnchorSpec>;

/** Structural selectors of the ticket form, used by lib/otto/ticket/. */
export const TICKET_FORM_SELECTORS = {
  /** Every control that can hold a ticket field's value. */
  controls: [
    'input:not([type])',
    'input[type="text"]',
    'input[type="search"]',
    'input[role="combobox"]',
    'textarea',
    'select',
    'button[role="combobox"]',
    '[role="combobox"]:not(input):not(button):not(:has(input, button))',
    '[contenteditable="true"]',
    '[contenteditable=""]',
  ].join(', '),
  /** Containers that wrap one field with its label (SLDS, Aura, plain). */
  fieldContainers: [
    '.slds-form-element',
    '.uiInput',
    '.form-element',
    'lightning-input',
    'lightning-textarea',
    'lightning-combobox',
    'lightning-input-rich-text',
    'lightning-select',
    'fieldset',
    'p',
    'li',
  ].join(', '),
  /** Label-like elements inside a field container. */
  labels: 'label, legend, .slds-form-element__label, .uiLabel, .form-element__label',
  /** Around a combobox trigger: where its options render. */
  comboboxScope: ['.slds-combobox_container', 'lightning-base-combobox', 'lightning-combobox', '.slds-combobox', '[class*="combobox" i]'],
  /** One option of an open combobox. */
  comboboxOption: 'lightning-base-combobox-item, [role="option"]',
  /** Notices that may carry the page's success message after sending (text decides). */
  notices: '.forceToastMessage, .slds-notify, .slds-theme_success, .slds-theme--success, [role="status"], [role="alert"], .toastMessage',
} as const;
