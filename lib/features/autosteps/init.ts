import type { FeatureInit } from '../types';

/** `registered`: the sign-out link of a logged-in OPC page is there. */
export const initAutosteps: FeatureInit = ({ store, send }) => {
  if (!store.get().state.steps.registered.done) void send({ type: 'evidence', code: 'portal-seen' });
};
