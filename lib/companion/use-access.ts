import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { concerns, hasAccess, removeAccess, requestAccess, type OptionalSite } from './site-access';

export interface SiteAccess {
  /** `null` while not known yet. */
  granted: boolean | null;
  /** The merchant asked and the browser said no (or the prompt was closed). */
  refused: boolean;
  /** Ask for the permission (call from the click itself) or give it back. */
  set: (on: boolean) => void;
}

/**
 * The site's permission as extension pages (options, popup) show it: read at start and kept
 * current when it changes anywhere (this page, another page, the browser's own settings).
 */
export function useSiteAccess(site: OptionalSite): SiteAccess {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    let live = true;
    const read = () => void hasAccess(site).then((g) => live && setGranted(g));
    const onChange = (p: { origins?: string[] }) => concerns(site, p) && read();
    read();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [site]);
  const set = (on: boolean) => {
    // The request is made synchronously inside the click: browsers want a user gesture.
    const done = on ? requestAccess(site) : removeAccess(site).then((removed) => !removed);
    void done.then((now) => {
      setRefused(on && !now);
      setGranted(now);
    });
  };
  return { granted, refused, set };
}
