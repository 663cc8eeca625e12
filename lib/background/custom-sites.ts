/**
 * Automatic scanning on a team's own helpdesk hosts (settings.customSites). The agent grants
 * each origin from the options page (an optional host permission); this module keeps one
 * dynamically registered content script — the generic scanner — matching exactly the custom
 * origins that are both listed and granted, and follows changes to the list and to the
 * granted permissions. Runs in the background.
 */
import { loadSettings, onSettingsChanged } from '../store/settings';

export const CUSTOM_SITES_SCRIPT_ID = 'claimlens-custom-sites';
export const GENERIC_SCRIPT = '/content-scripts/generic.js';

/** The host permission (and content script match pattern) for an origin. */
export const originPattern = (origin: string): string => `${origin}/*`;

/** The origins of `origins` the agent has granted access to. */
export async function grantedOrigins(origins: readonly string[]): Promise<string[]> {
  const granted = await Promise.all(origins.map((o) => browser.permissions.contains({ origins: [originPattern(o)] }).catch(() => false)));
  return origins.filter((_, i) => granted[i]);
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs registrations one after another: two overlapping ones would register the same id twice. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Registers, updates or removes the custom-sites content script so that it matches the granted
 * custom origins. Reads the settings when `customSites` is not given. Returns the match patterns.
 */
export function registerCustomSites(customSites?: readonly string[]): Promise<string[]> {
  return serial(async () => {
    const sites = customSites ?? (await loadSettings()).settings.customSites;
    const matches = (await grantedOrigins(sites)).map(originPattern);
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SITES_SCRIPT_ID] });
    if (matches.length === 0) {
      if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CUSTOM_SITES_SCRIPT_ID] });
      return [];
    }
    // Explicit: Chrome's update resets an unspecified persistAcrossSessions to false.
    const script = { id: CUSTOM_SITES_SCRIPT_ID, js: [GENERIC_SCRIPT], matches, runAt: 'document_idle' as const, allFrames: false, persistAcrossSessions: true };
    if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
    else await browser.scripting.registerContentScripts([script]);
    return matches;
  });
}

/**
 * Registers now, and again whenever the settings or the granted permissions change (an agent
 * can also revoke access from the browser's extension page). Returns a function that stops.
 */
export function watchCustomSites(): () => void {
  const report = (err: unknown) => console.warn('ClaimLens: could not register the custom helpdesk sites', err);
  const sync = () => void registerCustomSites().catch(report);
  sync();
  const stop = onSettingsChanged(({ settings }) => void registerCustomSites(settings.customSites).catch(report));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  return () => {
    stop();
    browser.permissions.onAdded.removeListener(sync);
    browser.permissions.onRemoved.removeListener(sync);
  };
}
