/**
 * The host-independent side of reading C2PA / Content Credentials: the plain-data summary
 * both hosts return, the cheap byte scan that decides whether a reader is needed at all, the
 * reader settings, and the normalisation of a c2pa-rs manifest store (JSON) into the summary.
 * It imports no wasm and no host API: the Node and browser readers hand it their own
 * `WasmReader.fromBytes`, so both hosts run the same code on the same c2pa-rs build and
 * produce the same summary. Interpreting the summary (AI, camera, edits) is the detector's job.
 */
import type { ImageFormat } from './format';
import { clip } from './limits';

export type C2paValidationState = 'Trusted' | 'Valid' | 'Invalid' | 'Unknown';

export interface C2paStatus {
  code: string;
  explanation?: string;
}

export interface C2paAction {
  /** e.g. 'c2pa.created', 'c2pa.edited'. */
  action: string;
  softwareAgent?: string;
  description?: string;
  /** The action's digitalSourceType, as written (an IPTC URI or a bare term). */
  digitalSourceType?: string;
  /** A digitalSourceType carried in the action's parameters (Adobe's `com.adobe.digitalSourceType`). */
  parameterSourceType?: string;
  when?: string;
}

export interface C2paIngredient {
  title?: string;
  /** 'parentOf' | 'componentOf' | 'inputTo' */
  relationship?: string;
  /** Label of the ingredient's own manifest in the store, when it had one. */
  manifest?: string;
  /** Validation problems recorded for the ingredient when it was added. */
  problems: C2paStatus[];
}

export interface C2paSigner {
  issuer?: string;
  commonName?: string;
  time?: string;
  alg?: string;
}

export interface C2paManifest {
  label: string;
  /** The raw claim_generator string (v1 claims), e.g. 'Adobe_Photoshop/25.1.0 adobe_c2pa/0.7.6'. */
  claimGenerator?: string;
  /** claim_generator_info entries as 'name version'. */
  generatorInfo: string[];
  title?: string;
  signer?: C2paSigner;
  actions: C2paAction[];
  /** Labels of every assertion in the manifest. */
  assertions: string[];
  ingredients: C2paIngredient[];
  /** digitalSourceType values found outside the actions (metadata assertions, ingredients). */
  sourceTypes: { value: string; where: string }[];
  /** The legacy `com.adobe.generative-ai` assertion's text, when present. */
  generativeAiAssertion?: string;
  /** Make and model from a `stds.exif` assertion. */
  exifMake?: string;
  exifModel?: string;
}

export interface C2paSummary {
  activeLabel?: string;
  validationState: C2paValidationState;
  /** Every manifest in the store; the active one first. */
  manifests: C2paManifest[];
  /** Validation failures of the active manifest. */
  failures: C2paStatus[];
  /** Validation failures reported for ingredients (earlier steps of the history). */
  ingredientFailures: C2paStatus[];
  /** Set when the file carries C2PA data that the reader could not parse. */
  readError?: string;
}

/** What each host provides: reads one file's C2PA manifest store. */
export interface C2paReader {
  /** Null when the file has no manifest. Throws only when the reader itself cannot run. */
  read(bytes: Uint8Array, mimeType: string): Promise<C2paSummary | null>;
}

/**
 * Reader settings, identical in every host: trust checking stays on (there is no trust list,
 * so signers come out as untrusted, which the detector says plainly) and nothing is fetched
 * from the network — no OCSP and no remote manifests.
 */
export const C2PA_READER_SETTINGS = JSON.stringify({
  verify: { verify_trust: true, ocsp_fetch: false, remote_manifest_fetch: false },
});

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  heic: 'image/heic',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
};

export const mimeTypeOf = (format: ImageFormat): string => MIME[format];

const LABELS = ['jumb', 'c2pa'].map((s) => new TextEncoder().encode(s));

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * True when the bytes may carry a C2PA manifest store (a JUMBF box or a 'c2pa' label).
 * Ordinary photos fail this scan, so the reader (and its wasm) is never loaded for them.
 */
export function mayContainC2pa(bytes: Uint8Array): boolean {
  return LABELS.some((label) => contains(bytes, label));
}

/** c2pa-rs errors that only mean "there is no manifest here (for this format)". */
const NO_MANIFEST = /JumbfNotFound|ProvenanceMissing|ManifestNotFound|UnsupportedType|RemoteManifest/;

export interface WasmReaderLike {
  json(): string;
  free(): void;
}

export type OpenReader = (format: string, bytes: Uint8Array, settings: string) => Promise<WasmReaderLike>;

/** The reading flow both hosts share: open, summarise, free; "no manifest" becomes null. */
export async function readWith(open: OpenReader, bytes: Uint8Array, mimeType: string): Promise<C2paSummary | null> {
  let reader: WasmReaderLike;
  try {
    reader = await open(mimeType, bytes, C2PA_READER_SETTINGS);
  } catch (err) {
    // c2pa-wasm rejects with the c2pa-rs error as a string; anything else is the host's own failure.
    if (typeof err !== 'string') throw err;
    if (NO_MANIFEST.test(err)) return null;
    return { validationState: 'Unknown', manifests: [], failures: [], ingredientFailures: [], readError: clip(err, 300) };
  }
  try {
    return summarizeManifestStore(JSON.parse(reader.json()));
  } finally {
    reader.free();
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const MAX_FIELD = 500;

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() ? clip(v.trim(), MAX_FIELD) : undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** A softwareAgent is a string in v1 actions and a claim-generator-info object in v2. */
function agentName(v: unknown): string | undefined {
  if (isObject(v)) return str([str(v.name), str(v.version)].filter(Boolean).join(' '));
  return str(v);
}

function statuses(v: unknown): C2paStatus[] {
  const out: C2paStatus[] = [];
  for (const s of asArray(v)) {
    if (!isObject(s)) continue;
    const code = str(s.code);
    if (code) out.push({ code, ...(str(s.explanation) ? { explanation: str(s.explanation) } : {}) });
  }
  return out;
}

/** Collects every `…digitalSourceType…: "string"` pair below `value`, with its path. */
function findSourceTypes(value: unknown, path: string, out: { value: string; where: string }[], depth = 0): void {
  if (depth > 12 || out.length > 50) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => findSourceTypes(v, `${path}[${i}]`, out, depth + 1));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const sub = `${path}.${key}`;
    if (/digitalsourcetype/i.test(key) && typeof v === 'string') out.push({ value: clip(v, MAX_FIELD), where: clip(sub, 200) });
    else findSourceTypes(v, sub, out, depth + 1);
  }
}

function parameterSourceType(params: unknown): string | undefined {
  if (!isObject(params)) return undefined;
  for (const [key, v] of Object.entries(params)) if (/digitalsourcetype/i.test(key) && typeof v === 'string') return str(v);
  return undefined;
}

function actionsOf(data: unknown): C2paAction[] {
  const out: C2paAction[] = [];
  for (const a of asArray(isObject(data) ? data.actions : undefined)) {
    if (!isObject(a)) continue;
    const action = str(a.action);
    if (!action) continue;
    const params = isObject(a.parameters) ? a.parameters : undefined;
    const entry: C2paAction = { action };
    const agent = agentName(a.softwareAgent) ?? agentName(a.software_agent);
    const description = str(a.description) ?? str(params?.description);
    const dst = str(a.digitalSourceType);
    const paramDst = parameterSourceType(params);
    const when = str(a.when);
    if (agent) entry.softwareAgent = agent;
    if (description) entry.description = description;
    if (dst) entry.digitalSourceType = dst;
    if (paramDst) entry.parameterSourceType = paramDst;
    if (when) entry.when = when;
    out.push(entry);
  }
  return out;
}

function exifField(data: unknown, field: 'make' | 'model'): string | undefined {
  if (!isObject(data)) return undefined;
  for (const [key, v] of Object.entries(data)) if (key.toLowerCase().endsWith(`:${field}`) || key.toLowerCase() === field) return str(v);
  return undefined;
}

function summarizeManifest(label: string, m: Json): C2paManifest {
  const manifest: C2paManifest = {
    label: clip(label, 200),
    generatorInfo: [],
    actions: [],
    assertions: [],
    ingredients: [],
    sourceTypes: [],
  };
  const claimGenerator = str(m.claim_generator);
  if (claimGenerator) manifest.claimGenerator = claimGenerator;
  for (const info of asArray(m.claim_generator_info)) {
    const name = agentName(info);
    if (name) manifest.generatorInfo.push(name);
  }
  const title = str(m.title);
  if (title) manifest.title = title;
  if (isObject(m.signature_info)) {
    const s = m.signature_info;
    const signer: C2paSigner = {};
    if (str(s.issuer)) signer.issuer = str(s.issuer);
    if (str(s.common_name)) signer.commonName = str(s.common_name);
    if (str(s.time)) signer.time = str(s.time);
    if (str(s.alg)) signer.alg = str(s.alg);
    manifest.signer = signer;
  }
  asArray(m.assertions).forEach((a, i) => {
    if (!isObject(a)) return;
    const assertionLabel = str(a.label) ?? '';
    manifest.assertions.push(assertionLabel);
    if (/^c2pa\.actions(\.v\d+)?$/.test(assertionLabel)) {
      manifest.actions.push(...actionsOf(a.data));
      return;
    }
    if (assertionLabel === 'com.adobe.generative-ai') {
      const d = a.data;
      manifest.generativeAiAssertion = (isObject(d) ? (str(d.description) ?? str(d.name)) : undefined) ?? 'generative AI';
    }
    if (assertionLabel === 'stds.exif') {
      manifest.exifMake ??= exifField(a.data, 'make');
      manifest.exifModel ??= exifField(a.data, 'model');
    }
    findSourceTypes(a.data, `assertions[${i}](${assertionLabel})`, manifest.sourceTypes);
  });
  asArray(m.ingredients).forEach((ing, i) => {
    if (!isObject(ing)) return;
    const entry: C2paIngredient = { problems: statuses(ing.validation_status) };
    if (str(ing.title)) entry.title = str(ing.title);
    if (str(ing.relationship)) entry.relationship = str(ing.relationship);
    const own = str(ing.active_manifest) ?? str(ing.manifest);
    if (own) entry.manifest = own;
    manifest.ingredients.push(entry);
    const { validation_status: _status, validation_results: _results, ...rest } = ing;
    findSourceTypes(rest, `ingredients[${i}]`, manifest.sourceTypes);
  });
  return manifest;
}

/** Normalises a c2pa-rs manifest store (`Reader.json()`, parsed) into a C2paSummary. */
export function summarizeManifestStore(store: unknown): C2paSummary {
  const root = isObject(store) ? store : {};
  const activeLabel = str(root.active_manifest);
  const manifests: C2paManifest[] = [];
  if (isObject(root.manifests)) {
    for (const [label, m] of Object.entries(root.manifests)) if (isObject(m)) manifests.push(summarizeManifest(label, m));
  }
  manifests.sort((a, b) => Number(b.label === activeLabel) - Number(a.label === activeLabel));

  const results = isObject(root.validation_results) ? root.validation_results : undefined;
  const active = results && isObject(results.activeManifest) ? results.activeManifest : undefined;
  const failures = active ? statuses(active.failure) : statuses(root.validation_status);
  const ingredientFailures: C2paStatus[] = [];
  for (const delta of asArray(results?.ingredientDeltas)) {
    if (isObject(delta) && isObject(delta.validationDeltas)) ingredientFailures.push(...statuses(delta.validationDeltas.failure));
  }
  const state = str(root.validation_state);
  return {
    ...(activeLabel ? { activeLabel } : {}),
    validationState: state === 'Trusted' || state === 'Valid' || state === 'Invalid' ? state : 'Unknown',
    manifests,
    failures,
    ingredientFailures,
  };
}
