/**
 * Reads the labelled corpus manifest of `claimlens eval` (CSV with a header row) and decides
 * which class each row belongs to for the AI-vs-real metrics.
 * Required columns: `file` (relative to the manifest's folder) and `label`.
 * Optional: `source_repo` (for the held-out split) and `c2pa_claim` (for `c2pa` rows).
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

/** `ai` and `real` take part in the metrics; `excluded` and `unknown` only in firing rates. */
export type RowClass = 'ai' | 'real' | 'excluded' | 'unknown';

export interface ManifestRow {
  /** As written in the manifest. */
  file: string;
  /** Resolved against the manifest's folder. */
  path: string;
  label: string;
  sourceRepo?: string;
  c2paClaim?: string;
  cls: RowClass;
}

export interface Manifest {
  rows: ManifestRow[];
  /** Whether the manifest has a `source_repo` column (needed for the held-out split). */
  hasSourceRepo: boolean;
  /** Labels that are none of the known ones, sorted. */
  unknownLabels: string[];
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

export const REAL_LABELS = ['real-camera', 'real-photo-stripped'] as const;
export const AI_LABELS = ['ai-generated', 'ai-edited'] as const;
export const C2PA_LABEL = 'c2pa';

/**
 * `c2pa` rows are classed by what their manifest claims: an AI claim ("AI-generated …",
 * "AI-edited …") is positive, "camera capture" is negative, anything else (plain edits,
 * no assertions) says nothing about AI and is left out of the metrics.
 */
export function classify(label: string, c2paClaim?: string): RowClass {
  if ((REAL_LABELS as readonly string[]).includes(label)) return 'real';
  if ((AI_LABELS as readonly string[]).includes(label)) return 'ai';
  if (label === C2PA_LABEL) {
    const claim = (c2paClaim ?? '').trim();
    if (claim.startsWith('AI-')) return 'ai';
    if (claim.toLowerCase() === 'camera capture') return 'real';
    return 'excluded';
  }
  return 'unknown';
}

export function parseManifest(text: string, manifestPath: string): Manifest {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (err) {
    throw new ManifestError(`${manifestPath}: not a readable CSV (${err instanceof Error ? err.message : String(err)})`);
  }
  const columns = new Set(records.length ? Object.keys(records[0]) : firstLine(text));
  for (const required of ['file', 'label']) {
    if (!columns.has(required)) throw new ManifestError(`${manifestPath}: the manifest has no "${required}" column`);
  }
  const hasSourceRepo = columns.has('source_repo');
  const base = dirname(manifestPath);
  const unknown = new Set<string>();
  const rows: ManifestRow[] = [];
  for (const r of records) {
    const file = r.file ?? '';
    if (!file) continue;
    const label = r.label ?? '';
    const c2paClaim = r.c2pa_claim || undefined;
    const cls = classify(label, c2paClaim);
    if (cls === 'unknown') unknown.add(label || '(empty)');
    rows.push({ file, path: resolve(base, file), label, sourceRepo: r.source_repo || undefined, c2paClaim, cls });
  }
  return { rows, hasSourceRepo, unknownLabels: [...unknown].sort() };
}

function firstLine(text: string): string[] {
  return (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').split(',').map((c) => c.trim());
}

export async function readManifest(manifestPath: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ManifestError(`Cannot read the manifest ${manifestPath}${code === 'ENOENT' ? ': no such file' : ` (${String(err)})`}`);
  }
  return parseManifest(text, manifestPath);
}
