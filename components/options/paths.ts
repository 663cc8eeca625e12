/**
 * The options page's view of the settings: reading and replacing one value by its dotted
 * path, the label each path has on the page, and validation messages (from validateSettings)
 * attached to the fields they concern.
 */
import { SETTING_PATHS, type SettingPath, type Settings } from '@/lib/settings/schema';

export const FIELD_LABELS: Record<SettingPath, string> = {
  'verdict.reviewAt': 'Needs review from score',
  'verdict.highAt': 'High risk from score',
  'verdict.recommendations.low': 'Next step for low risk',
  'verdict.recommendations.review': 'Next step when review is needed',
  'verdict.recommendations.high': 'Next step for high risk',
  'policy.claimWindowDays': 'Claim window (days)',
  'policy.customerClaimLimit': 'Claims per customer before a flag',
  'policy.orderClaimLimit': 'Claims per order before a flag',
  retentionDays: 'Keep case memory for (days)',
  modelEnabled: 'Use the neural AI-image detector',
  sites: 'Helpdesks',
  customSites: 'Your own helpdesk addresses',
  yaraRules: 'YARA rules source',
  knownBadHashes: 'Known-bad photo hashes',
};

export function getPath(settings: Settings, path: SettingPath): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), settings);
}

/** A copy of `settings` with the value at `path` replaced (the objects on the way are copied). */
export function setPath(settings: Settings, path: SettingPath, value: unknown): Settings {
  const keys = path.split('.');
  const copy = (o: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const obj = (o && typeof o === 'object' ? o : {}) as Record<string, unknown>;
    return { ...obj, [keys[i]]: copy(obj[keys[i]], i + 1) };
  };
  return copy(settings, 0) as Settings;
}

// Longest first, so 'verdict.recommendations.low' is not taken for a shorter prefix.
const BY_LENGTH = [...SETTING_PATHS].sort((a, b) => b.length - a.length);

/** Replaces every dotted path in a message with the field's label. */
function labelled(text: string): string {
  return BY_LENGTH.reduce((t, p) => t.split(p).join(`“${FIELD_LABELS[p]}”`), text);
}

export interface FieldErrors {
  /** The message for each field, without the field's name. */
  byPath: Partial<Record<SettingPath, string>>;
  /** Every message with the field's label, for the summary. */
  messages: string[];
}

/** Attaches validateSettings' messages ("verdict.reviewAt: expected …") to their fields. */
export function fieldErrors(errors: readonly string[]): FieldErrors {
  const byPath: Partial<Record<SettingPath, string>> = {};
  const messages: string[] = [];
  for (const error of errors) {
    const path = BY_LENGTH.find((p) => error.startsWith(`${p}:`) || error.startsWith(`${p} `));
    if (!path) {
      messages.push(labelled(error));
      continue;
    }
    const rest = labelled(error.slice(path.length).replace(/^:\s*/, '').trim());
    byPath[path] = byPath[path] ? `${byPath[path]}; ${rest}` : rest;
    messages.push(`${FIELD_LABELS[path]}: ${rest}`);
  }
  return { byPath, messages };
}
