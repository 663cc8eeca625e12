/**
 * The options page's view of the settings: reading and replacing one value by its dotted
 * path, the label each path has on the page, and validation messages (from validateSettings)
 * attached to the fields they concern, in the UI language.
 */
import { SETTING_PATHS, type SettingPath, type Settings } from '@/lib/settings/schema';
import { t, type Locale } from '@/lib/i18n/messages';
import type { OptionsKey } from '@/lib/i18n/options-en';

/** The label of a setting's field on the page. */
export function fieldLabel(path: SettingPath, locale: Locale = 'en'): string {
  return t(`options.field.${path}` satisfies OptionsKey, undefined, locale);
}

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
function labelled(text: string, locale: Locale): string {
  return BY_LENGTH.reduce((s, p) => s.split(p).join(`“${fieldLabel(p, locale)}”`), text);
}

/** What validateSettings says a value should be (after "expected "), as a catalogue text. */
const EXPECTED: [RegExp, OptionsKey, string[]][] = [
  [/^a whole number from (\d+) to (\d+)$/, 'options.problem.wholeNumber', ['min', 'max']],
  [/^text of at most (\d+) characters$/, 'options.problem.text', ['max']],
  [/^a list of at most (\d+) hashes$/, 'options.problem.hashListSize', ['max']],
  [/^a list of \{sha256, pdq, note\} entries$/, 'options.problem.hashEntries', []],
  [/^entries with a sha256 or a pdq hash$/, 'options.problem.hashKind', []],
  [/^hashes of 64 lowercase hex digits$/, 'options.problem.hashFormat', []],
  [/^notes of at most (\d+) characters$/, 'options.problem.noteLength', ['max']],
  [/^true or false$/, 'options.problem.boolean', []],
  [/^an object of site ids to true\/false$/, 'options.problem.sites', []],
  [/^a list of https origins such as https:\/\/support\.example\.com$/, 'options.problem.origins', []],
];

/** One problem with a field's value (the text after the path), in `locale`. */
function problemText(problem: string, locale: Locale): string {
  const expected = problem.match(/^expected (.+)$/);
  if (expected) {
    for (const [pattern, key, names] of EXPECTED) {
      const m = expected[1].match(pattern);
      if (m) return t(key, Object.fromEntries(names.map((n, i) => [n, m[i + 1]])), locale);
    }
  }
  const above = problem.match(/^must be above ([\w.]+)$/);
  if (above && (SETTING_PATHS as readonly string[]).includes(above[1])) {
    return t('options.problem.above', { other: fieldLabel(above[1] as SettingPath, locale) }, locale);
  }
  return labelled(problem, locale);
}

/** A message that concerns no single field, in `locale`. */
function generalText(error: string, locale: Locale): string {
  if (error === 'Settings must be a JSON object') return t('options.problem.notObject', undefined, locale);
  return labelled(error, locale);
}

export interface FieldErrors {
  /** The message for each field, without the field's name. */
  byPath: Partial<Record<SettingPath, string>>;
  /** Every message with the field's label, for the summary. */
  messages: string[];
}

/** Attaches validateSettings' messages ("verdict.reviewAt: expected …") to their fields, in `locale`. */
export function fieldErrors(errors: readonly string[], locale: Locale = 'en'): FieldErrors {
  const byPath: Partial<Record<SettingPath, string>> = {};
  const messages: string[] = [];
  for (const error of errors) {
    const path = BY_LENGTH.find((p) => error.startsWith(`${p}:`) || error.startsWith(`${p} `));
    if (!path) {
      messages.push(generalText(error, locale));
      continue;
    }
    const rest = problemText(error.slice(path.length).replace(/^:\s*/, '').trim(), locale);
    byPath[path] = byPath[path] ? `${byPath[path]}${t('join.semicolon', undefined, locale)}${rest}` : rest;
    messages.push(t('options.problem.field', { field: fieldLabel(path, locale), problem: rest }, locale));
  }
  return { byPath, messages };
}

/** importFile's reasons for refusing a file, in `locale`; a reason it does not know stays as it is. */
export function importErrorText(error: string, locale: Locale = 'en'): string {
  if (error === 'The file is not valid JSON.') return t('options.import.notJson', undefined, locale);
  if (error === 'This is not a ClaimLens settings file.') return t('options.import.notSettings', undefined, locale);
  if (error === 'This is not a ClaimLens hash list file.') return t('options.import.notHashList', undefined, locale);
  if (error.startsWith('The checksum does not match')) return t('options.import.checksum', undefined, locale);
  const version = error.match(/^Unsupported file version (.*)\.$/s);
  if (version) return t('options.import.version', { version: version[1] }, locale);
  return error;
}
