/**
 * Settings storage: the agent's own choices in chrome.storage.local, the team's managed
 * policy in chrome.storage.managed (Chrome/Edge enterprise policy, Firefox `3rdparty`
 * policies). Readers always get the effective settings (managed over local over defaults).
 */
import { effectiveSettings, validateSettings, type EffectiveSettings, type Settings } from '../settings/schema';

const KEY = 'settings';

async function managedPolicy(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // No policy configured (Firefox throws when there is no managed storage manifest).
    return {};
  }
}

export async function loadSettings(): Promise<EffectiveSettings> {
  const [local, managed] = await Promise.all([browser.storage.local.get(KEY), managedPolicy()]);
  return effectiveSettings(local[KEY] ?? {}, managed);
}

/** Saves the agent's choices; values a managed policy locks are ignored. Returns validation errors. */
export async function saveSettings(next: Partial<Settings>): Promise<string[]> {
  const { values, errors } = validateSettings(next);
  if (errors.length) return errors;
  const { locked } = await loadSettings();
  const current = ((await browser.storage.local.get(KEY))[KEY] ?? {}) as Record<string, unknown>;
  const merged = structuredClone(current);
  for (const [path, v] of Object.entries(values)) {
    if (locked.includes(path as never)) continue;
    const keys = path.split('.');
    let o = merged;
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[keys[keys.length - 1]] = v;
  }
  await browser.storage.local.set({ [KEY]: merged });
  return [];
}

/** Calls `listener` with the effective settings whenever local or managed settings change. */
export function onSettingsChanged(listener: (s: EffectiveSettings) => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && KEY in changes) || area === 'managed') void loadSettings().then(listener);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
