/**
 * The whole settings object a team can configure, its defaults, validation of untrusted
 * input (imports, managed policy), the merge of a managed policy over the agent's own
 * choices (a managed value wins and locks the option), and checksummed export files.
 * Pure: storage lives in lib/store/settings.ts.
 */
import type { RiskLevel } from '../engine/types';
import { DEFAULT_CLAIM_POLICY, DEFAULT_VERDICT_SETTINGS, type ClaimPolicy, type VerdictSettings } from './defaults';

export interface KnownBadHash {
  sha256?: string;
  pdq?: string;
  note?: string;
}

export interface Settings {
  verdict: VerdictSettings;
  policy: ClaimPolicy;
  /** Days the case memory keeps a sighting. */
  retentionDays: number;
  /** Run the neural detector (when the build ships one). */
  modelEnabled: boolean;
  /** Helpdesk adapters turned on, by adapter id; missing ids count as on. */
  sites: Record<string, boolean>;
  /** Extra origins (e.g. "https://support.example.com") scanned automatically once the agent grants access. */
  customSites: string[];
  /** The team's YARA rules source. */
  yaraRules: string;
  /** Photos the team already knows to be fraudulent, shared as hash lists. */
  knownBadHashes: KnownBadHash[];
}

export const DEFAULT_SETTINGS: Settings = {
  verdict: DEFAULT_VERDICT_SETTINGS,
  policy: DEFAULT_CLAIM_POLICY,
  retentionDays: 180,
  modelEnabled: true,
  sites: {},
  customSites: [],
  yaraRules: '',
  knownBadHashes: [],
};

/** Dotted paths of the settings a managed policy can set (and so lock). */
export const SETTING_PATHS = [
  'verdict.reviewAt',
  'verdict.highAt',
  'verdict.recommendations.low',
  'verdict.recommendations.review',
  'verdict.recommendations.high',
  'policy.claimWindowDays',
  'policy.customerClaimLimit',
  'policy.orderClaimLimit',
  'retentionDays',
  'modelEnabled',
  'sites',
  'customSites',
  'yaraRules',
  'knownBadHashes',
] as const;
export type SettingPath = (typeof SETTING_PATHS)[number];

const HEX64 = /^[0-9a-f]{64}$/;
const MAX_TEXT = 2000;
const MAX_RULES = 200_000;
const MAX_HASHES = 100_000;

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function set(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
}

const intIn = (min: number, max: number) => (v: unknown) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `a whole number from ${min} to ${max}`);
const text = (max: number) => (v: unknown) => (typeof v === 'string' && v.length <= max ? undefined : `text of at most ${max} characters`);

function hashList(v: unknown): string | undefined {
  if (!Array.isArray(v) || v.length > MAX_HASHES) return `a list of at most ${MAX_HASHES} hashes`;
  for (const h of v) {
    if (!h || typeof h !== 'object') return 'a list of {sha256, pdq, note} entries';
    const { sha256, pdq, note } = h as KnownBadHash;
    if (sha256 === undefined && pdq === undefined) return 'entries with a sha256 or a pdq hash';
    if ((sha256 !== undefined && !HEX64.test(sha256)) || (pdq !== undefined && !HEX64.test(pdq))) return 'hashes of 64 lowercase hex digits';
    if (note !== undefined && (typeof note !== 'string' || note.length > 200)) return 'notes of at most 200 characters';
  }
  return undefined;
}

const RULES: Record<SettingPath, (v: unknown) => string | undefined> = {
  'verdict.reviewAt': intIn(1, 99),
  'verdict.highAt': intIn(1, 100),
  'verdict.recommendations.low': text(MAX_TEXT),
  'verdict.recommendations.review': text(MAX_TEXT),
  'verdict.recommendations.high': text(MAX_TEXT),
  'policy.claimWindowDays': intIn(1, 3650),
  'policy.customerClaimLimit': intIn(1, 1000),
  'policy.orderClaimLimit': intIn(1, 1000),
  retentionDays: intIn(1, 3650),
  modelEnabled: (v) => (typeof v === 'boolean' ? undefined : 'true or false'),
  sites: (v) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((b) => typeof b === 'boolean') ? undefined : 'an object of site ids to true/false',
  customSites: (v) =>
    Array.isArray(v) && v.length <= 50 && v.every((o) => typeof o === 'string' && /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o)) ? undefined : 'a list of https origins such as https://support.example.com',
  yaraRules: text(MAX_RULES),
  knownBadHashes: hashList,
};

export interface Validated {
  /** Only the valid values found in the input, as a partial settings object. */
  values: Partial<Record<SettingPath, unknown>>;
  errors: string[];
}

/** Picks the valid settings out of untrusted input; every rejected value is explained. */
export function validateSettings(input: unknown): Validated {
  const values: Partial<Record<SettingPath, unknown>> = {};
  const errors: string[] = [];
  if (!input || typeof input !== 'object') return { values, errors: ['Settings must be a JSON object'] };
  for (const path of SETTING_PATHS) {
    const v = get(input, path);
    if (v === undefined) continue;
    const problem = RULES[path](v);
    if (problem) errors.push(`${path}: expected ${problem}`);
    else values[path] = v;
  }
  const review = (values['verdict.reviewAt'] as number | undefined) ?? DEFAULT_SETTINGS.verdict.reviewAt;
  const high = (values['verdict.highAt'] as number | undefined) ?? DEFAULT_SETTINGS.verdict.highAt;
  if (high <= review) {
    errors.push('verdict.highAt must be above verdict.reviewAt');
    delete values['verdict.reviewAt'];
    delete values['verdict.highAt'];
  }
  return { values, errors };
}

export interface EffectiveSettings {
  settings: Settings;
  /** Paths a managed policy set: shown locked in the options page. */
  locked: SettingPath[];
}

/** Defaults, then the agent's choices, then the managed policy on top (which locks what it sets). */
export function effectiveSettings(user: unknown, managed: unknown): EffectiveSettings {
  const merged = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  for (const [path, v] of Object.entries(validateSettings(user).values)) set(merged, path, v);
  const policy = validateSettings(managed).values;
  for (const [path, v] of Object.entries(policy)) set(merged, path, v);
  const settings = merged as unknown as Settings;
  if (settings.verdict.highAt <= settings.verdict.reviewAt) settings.verdict = { ...settings.verdict, reviewAt: DEFAULT_SETTINGS.verdict.reviewAt, highAt: DEFAULT_SETTINGS.verdict.highAt };
  return { settings, locked: Object.keys(policy) as SettingPath[] };
}

/** The recommendation shown for a level under these settings. */
export function recommendationFor(settings: Settings, level: RiskLevel): string {
  return settings.verdict.recommendations[level];
}

/** JSON with sorted keys, so the checksum does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export type ExportKind = 'claimlens-settings' | 'claimlens-hash-list';

/** A shareable file: its content plus a sha256 of the canonical content, checked on import. */
export async function exportFile(kind: ExportKind, content: unknown): Promise<string> {
  return JSON.stringify({ format: kind, version: 1, exportedAt: new Date().toISOString(), content, sha256: await sha256Hex(canonicalJson(content)) }, null, 2);
}

export async function importFile(kind: ExportKind, text: string): Promise<{ content: unknown } | { error: string }> {
  let file: { format?: unknown; version?: unknown; content?: unknown; sha256?: unknown };
  try {
    file = JSON.parse(text);
  } catch {
    return { error: 'The file is not valid JSON.' };
  }
  if (file?.format !== kind) return { error: `This is not a ClaimLens ${kind === 'claimlens-settings' ? 'settings' : 'hash list'} file.` };
  if (file.version !== 1) return { error: `Unsupported file version ${String(file.version)}.` };
  if (typeof file.sha256 !== 'string' || file.sha256 !== (await sha256Hex(canonicalJson(file.content)))) {
    return { error: 'The checksum does not match: the file was changed or damaged after export. Nothing was imported.' };
  }
  return { content: file.content };
}
