import { render, type ComponentChild } from 'preact';
import { mountHost, type MountedHost, type MountOptions } from './host';

export { hostGuardStyle, isolateHost, mountHost, type HostTag, type MountedHost, type MountOptions, type Placement } from './host';

export interface Mounted extends MountedHost {
  render: (ui: ComponentChild) => void;
}

/** Hosts whose container already unmounts its Preact tree on removal. */
const withPreact = new WeakSet<MountedHost>();

/**
 * Mounts Preact UI into an open shadow root under one of our host elements (lib/ui/host.ts
 * mountHost: idempotent per (anchor, tag, key), removed when `signal` aborts, events kept
 * inside, our text never part of the page's selection). The Preact tree is unmounted with the host.
 */
export function mountUi(opts: MountOptions): Mounted {
  const host = mountHost(opts);
  if (!withPreact.has(host)) {
    withPreact.add(host);
    host.onRemove(() => render(null, host.container));
  }
  return {
    ...host,
    render: (ui) => {
      if (!opts.signal.aborted) render(ui, host.container);
    },
  };
}
