import { browser } from 'wxt/browser';

/**
 * Content scripts registered at run time for optional sites, generic (any feature that asks for
 * an optional host permission can use it): keeps one registered script matching exactly the
 * patterns that are both enabled and granted, and injects it into open tabs of newly added
 * patterns (a registered script only runs on the next page load).
 */
export interface RuntimeScript {
  /** Registration id, unique per feature. */
  id: string;
  /** The built file, e.g. `content-scripts/site.js`. */
  file: string;
}

/** The patterns of `wanted` the browser has granted (one by one: a grant may cover only some). */
export async function grantedPatterns(wanted: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const pattern of wanted) {
    try {
      if (await browser.permissions.contains({ origins: [pattern] })) out.push(pattern);
    } catch {
      /* a pattern the browser does not accept counts as not granted */
    }
  }
  return out;
}

/** The patterns `script` is registered for now (none when it is not registered). */
export async function registeredPatterns(script: RuntimeScript): Promise<string[]> {
  const found = await browser.scripting.getRegisteredContentScripts({ ids: [script.id] });
  return found[0]?.matches ?? [];
}

/**
 * Registers `script` for exactly `patterns` (unregisters it for none). Returns the patterns that
 * were not registered before. Open tabs on those get the script injected once, unless `inject` is
 * false (a script that should only meet pages loaded after the merchant's consent).
 */
export async function syncRuntimeScript(script: RuntimeScript, patterns: readonly string[], { inject = true } = {}): Promise<string[]> {
  const before = await registeredPatterns(script);
  const added = patterns.filter((p) => !before.includes(p));
  const same = added.length === 0 && before.length === patterns.length;
  if (same) return [];
  if (before.length) await browser.scripting.unregisterContentScripts({ ids: [script.id] });
  if (patterns.length) {
    await browser.scripting.registerContentScripts([
      { id: script.id, matches: [...patterns], js: [script.file], runAt: 'document_idle', allFrames: false, persistAcrossSessions: false },
    ]);
  }
  if (added.length && inject) await injectIntoOpenTabs(script, added);
  return added;
}

/** Runs the script in open tabs on `patterns` (the script itself makes sure it starts once per page). */
async function injectIntoOpenTabs(script: RuntimeScript, patterns: readonly string[]): Promise<void> {
  let tabs: Array<{ id?: number }> = [];
  try {
    tabs = await browser.tabs.query({ url: [...patterns] });
  } catch {
    return;
  }
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [script.file as never] }).catch(() => undefined);
  }
}
