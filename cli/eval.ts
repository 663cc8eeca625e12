/**
 * `claimlens eval --manifest FILE.csv [--json] [--write-calibration FILE]`
 * Runs the scan engine over a labelled corpus and reports how often each evidence id and
 * each detector fires per label, and how well the risk score separates AI from real images
 * (ROC AUC, TPR at 1% and 5% FPR, real photos at high/review), overall and on held-out
 * sources. With --write-calibration it also writes the verdict calibration (prior and one
 * log-likelihood ratio per evidence id), counted on the calibration split only.
 */
import { writeFile } from 'node:fs/promises';
import type { Report, RiskLevel } from '../lib/engine/types';
import { ENGINE_VERSION } from '../lib/engine/types';
import type { Calibration } from '../lib/verdict';
import { analyzeFile } from './scan';
import { readManifest, AI_LABELS, C2PA_LABEL, REAL_LABELS, type ManifestRow } from './manifest';
import { rocAuc, tprAtFpr, type RatePoint, type Scored } from './metrics';

export interface EvaluateOptions {
  manifest: string;
  json: boolean;
  writeCalibration?: string;
}

/**
 * Source repositories kept out of calibration and reported separately, so that at least one
 * set of numbers comes from generators, cameras and pipelines the weights never saw. Chosen
 * to hold both classes: new generators (Kandinsky 3, IC-Light, LoRA, ControlNet, PixArt-Σ,
 * LaMa inpainting via IOPaint), C2PA-signed AI and camera files, and real photos from small
 * sources (phone HEIC, photo-manager test assets, re-encoded photos).
 */
export const HELD_OUT_SOURCES: readonly string[] = [
  'ai-forever/Kandinsky-3',
  'lllyasviel/IC-Light',
  'Sanster/IOPaint',
  'cloneofsimo/lora',
  'Mikubill/sd-webui-controlnet',
  'PixArt-alpha/PixArt-sigma',
  'AI-Image-Gen/generator-testing',
  'photoview/photoview',
  'LycheeOrg/Lychee',
  'bigcat88/pillow_heif',
  'mindeng/nom-exif',
  'microsoft/c2pa-extension-validator',
  'c2pa-org/public-testfiles',
];

/**
 * Probability that a claim photo is AI-made before any evidence is seen (the prior is its
 * log-odds). The corpus is about half AI, but most photos customers send are honest, so the
 * verdict does not start from the corpus's base rate. 20% is a deliberately generous share
 * of suspect photos: low enough that an honest photo with no evidence either way stays
 * "low", high enough that a few weak AI hints together still reach "review".
 */
export const PRIOR_PROBABILITY = 0.2;
/** Laplace smoothing added to every count (a = 1). */
export const SMOOTHING = 1;
/** Largest absolute weight one evidence item may carry. */
export const MAX_WEIGHT = 3;

/**
 * Evidence families calibration leaves out. 'claim' and 'reuse' depend on the claim's context
 * (dates, ticket history), which a labelled image corpus says nothing about: their detectors'
 * declared weights apply. 'pixels' are visual aids: on this corpus their statistics only learn
 * each file's compression history (AUC 0.31–0.58 after re-encoding every image the same way),
 * so they stay at weight 0 until one separates real from AI on equal terms. 'model': the neural
 * detector was trained on this corpus's calibration sources, so rates measured there overstate it
 * (held-out AUC 0.83 vs 0.95 in-sample); it stays at 0 until calibrated on data it never saw.
 */
export const CONTEXT_FAMILIES: readonly string[] = ['claim', 'reuse', 'pixels', 'model'];

/**
 * Evidence ids calibration leaves at weight 0 because they are built from this same corpus:
 * the JPEG table catalogue lists tables seen in its files, so its own files match themselves
 * (in-sample) and the measured rates would overstate the signal.
 */
export const IN_SAMPLE_IDS: readonly string[] = ['metadata.jpeg.camera-tables', 'metadata.jpeg.editor-tables', 'metadata.jpeg.tables-mismatch-camera'];

/**
 * Informational items that fire for every file of a format (every JPEG has tables and a
 * quality). Weighting them would learn the file format — the corpus's AI images are mostly PNG,
 * its real photos JPEG — so they stay at 0.
 */
export const FORMAT_IDS: readonly string[] = ['metadata.jpeg.quality', 'metadata.jpeg.standard-tables'];

/** Evidence may only move the score the way its meaning points (an "edited" sign never lowers it). */
function directed(llr: number, points: string | undefined): number {
  if (points === 'ai' || points === 'edited' || points === 'reused') return Math.max(0, llr);
  if (points === 'authentic') return Math.min(0, llr);
  return llr;
}

interface Sample {
  row: ManifestRow;
  heldOut: boolean;
  report?: Report;
  error?: string;
}

export interface FireCount {
  count: number;
  percent: number;
}

export interface FiringRow {
  id: string;
  /** Per label: files where it fired, and their share of the label's analysed files. */
  byLabel: Record<string, FireCount>;
}

export interface SplitMetrics {
  /** Analysed files in this split, every label. */
  files: number;
  ai: number;
  real: number;
  rocAuc: number | null;
  tprAt1PctFpr: RatePointJson;
  tprAt5PctFpr: RatePointJson;
  realHigh: FireCount;
  realReview: FireCount;
  aiHigh: FireCount;
  aiReview: FireCount;
  /** Level counts per label (analysed files only) plus unreadable files. */
  levels: Record<string, Record<RiskLevel | 'unreadable', number>>;
}

export interface RatePointJson {
  tpr: number | null;
  fpr: number | null;
  /** Lowest flagged score; null when only "flag nothing" keeps the FPR low enough. */
  threshold: number | null;
}

export interface CalibrationFile extends Calibration {
  prior: number;
  weights: Record<string, number>;
  generatedAt: string;
  source: string;
  heldOutSources: string[];
  counts: {
    ai: number;
    real: number;
    evidence: Record<string, { ai: number; real: number }>;
  };
}

export interface EvalResult {
  manifest: string;
  engineVersion: string;
  files: { listed: number; analysed: number; unreadable: { file: string; error: string }[] };
  labels: string[];
  /** Analysed files per label (the denominators of the firing rates). */
  analysedPerLabel: Record<string, number>;
  evidence: FiringRow[];
  detectors: FiringRow[];
  overall: SplitMetrics;
  heldOut: { sources: string[]; metrics: SplitMetrics } | null;
  calibration: { path: string; ai: number; real: number } | null;
  warnings: string[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const finiteOrNull = (x: number, digits: number) => (Number.isFinite(x) ? round(x, digits) : null);
const share = (count: number, of: number): FireCount => ({ count, percent: of ? round((100 * count) / of, 1) : 0 });
const logit = (p: number) => Math.log(p / (1 - p));

/** The evidence id's first two segments: the detector that produced it. */
export function detectorOf(evidenceId: string): string {
  return evidenceId.split('.').slice(0, 2).join('.');
}

function orderLabels(present: Iterable<string>): string[] {
  const known: string[] = [...REAL_LABELS, ...AI_LABELS, C2PA_LABEL];
  const set = new Set(present);
  return [...known.filter((l) => set.has(l)), ...[...set].filter((l) => !known.includes(l)).sort()];
}

function firing(samples: readonly Sample[], labels: readonly string[], key: (id: string) => string): FiringRow[] {
  const analysed = countAnalysed(samples);
  const counts = new Map<string, Map<string, number>>();
  for (const s of samples) {
    if (!s.report) continue;
    for (const k of new Set(s.report.evidence.map((e) => key(e.id)))) {
      const perLabel = counts.get(k) ?? new Map<string, number>();
      perLabel.set(s.row.label, (perLabel.get(s.row.label) ?? 0) + 1);
      counts.set(k, perLabel);
    }
  }
  return [...counts.keys()].sort().map((id) => ({
    id,
    byLabel: Object.fromEntries(labels.map((l) => [l, share(counts.get(id)?.get(l) ?? 0, analysed[l] ?? 0)])),
  }));
}

function countAnalysed(samples: readonly Sample[]): Record<string, number> {
  const n: Record<string, number> = {};
  for (const s of samples) if (s.report) n[s.row.label] = (n[s.row.label] ?? 0) + 1;
  return n;
}

function ratePoint(p: RatePoint): RatePointJson {
  return { tpr: finiteOrNull(p.tpr, 4), fpr: finiteOrNull(p.fpr, 4), threshold: Number.isFinite(p.threshold) ? p.threshold : null };
}

function splitMetrics(samples: readonly Sample[], labels: readonly string[]): SplitMetrics {
  const scored: Scored[] = [];
  const levelOf = (cls: 'ai' | 'real', level: RiskLevel) =>
    samples.filter((s) => s.report && s.row.cls === cls && s.report.risk.level === level).length;
  for (const s of samples) {
    if (s.report && (s.row.cls === 'ai' || s.row.cls === 'real')) scored.push({ score: s.report.risk.score, positive: s.row.cls === 'ai' });
  }
  const ai = scored.filter((x) => x.positive).length;
  const real = scored.length - ai;
  const levels: SplitMetrics['levels'] = {};
  for (const label of labels) {
    const ofLabel = samples.filter((s) => s.row.label === label);
    if (!ofLabel.length) continue;
    const entry = { low: 0, review: 0, high: 0, unreadable: 0 };
    for (const s of ofLabel) entry[s.report ? s.report.risk.level : 'unreadable']++;
    levels[label] = entry;
  }
  return {
    files: samples.filter((s) => s.report).length,
    ai,
    real,
    rocAuc: finiteOrNull(rocAuc(scored), 4),
    tprAt1PctFpr: ratePoint(tprAtFpr(scored, 0.01)),
    tprAt5PctFpr: ratePoint(tprAtFpr(scored, 0.05)),
    realHigh: share(levelOf('real', 'high'), real),
    realReview: share(levelOf('real', 'review'), real),
    aiHigh: share(levelOf('ai', 'high'), ai),
    aiReview: share(levelOf('ai', 'review'), ai),
    levels,
  };
}

export interface CalibrationSample {
  cls: string;
  /** False for held-out files: they only tell which ids are decisive. */
  inSplit: boolean;
  evidence: readonly { id: string; family?: string; decisive?: boolean; points?: string }[];
}

/**
 * Weights from the calibration split: for each non-decisive evidence id,
 * ln((k_ai + a) / (n_ai + 2a)) − ln((k_real + a) / (n_real + 2a)), clipped to ±MAX_WEIGHT.
 * Decisive ids (they set the level by themselves, wherever they were seen) and
 * `engine.error` get 0; context families (CONTEXT_FAMILIES) get no entry.
 */
export function calibrate(
  samples: readonly CalibrationSample[],
  meta: { source: string; heldOutSources: string[]; generatedAt?: string },
): CalibrationFile {
  const decisive = new Set<string>();
  const pointsOf = new Map<string, string | undefined>();
  const counts = new Map<string, { ai: number; real: number }>();
  let nAi = 0;
  let nReal = 0;
  for (const s of samples) {
    for (const e of s.evidence) {
      if (e.decisive && !CONTEXT_FAMILIES.includes(e.family ?? '')) decisive.add(e.id);
      pointsOf.set(e.id, e.points);
    }
    if (!s.inSplit || (s.cls !== 'ai' && s.cls !== 'real')) continue;
    if (s.cls === 'ai') nAi++;
    else nReal++;
    const image = s.evidence.filter((e) => !CONTEXT_FAMILIES.includes(e.family ?? ''));
    for (const id of new Set(image.map((e) => e.id))) {
      const c = counts.get(id) ?? { ai: 0, real: 0 };
      c[s.cls]++;
      counts.set(id, c);
    }
  }
  const a = SMOOTHING;
  const weights: Record<string, number> = {};
  const ids = [...new Set([...counts.keys(), ...decisive, 'engine.error'])].sort();
  for (const id of ids) {
    const c = counts.get(id) ?? { ai: 0, real: 0 };
    // Engine notes (a check could not run) say nothing about the picture: always 0.
    if (decisive.has(id) || id.startsWith('engine.') || IN_SAMPLE_IDS.includes(id) || FORMAT_IDS.includes(id)) {
      weights[id] = 0;
      continue;
    }
    const llr = Math.log((c.ai + a) / (nAi + 2 * a)) - Math.log((c.real + a) / (nReal + 2 * a));
    weights[id] = round(Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, directed(llr, pointsOf.get(id)))), 3) + 0;
  }
  return {
    prior: round(logit(PRIOR_PROBABILITY), 3),
    weights,
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    source: meta.source,
    heldOutSources: meta.heldOutSources,
    counts: {
      ai: nAi,
      real: nReal,
      evidence: Object.fromEntries([...counts.keys()].sort().map((id) => [id, counts.get(id)!])),
    },
  };
}

export async function runEvaluation(options: EvaluateOptions): Promise<EvalResult> {
  const manifest = await readManifest(options.manifest);
  const heldOutSet = new Set(manifest.hasSourceRepo ? HELD_OUT_SOURCES : []);
  const samples: Sample[] = [];
  for (const row of manifest.rows) {
    const heldOut = row.sourceRepo !== undefined && heldOutSet.has(row.sourceRepo);
    try {
      samples.push({ row, heldOut, report: await analyzeFile(row.path, { helpdesk: 'cli' }) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      samples.push({ row, heldOut, error: code === 'ENOENT' ? 'No such file' : err instanceof Error ? err.message : String(err) });
    }
  }

  const labels = orderLabels(manifest.rows.map((r) => r.label));
  const warnings: string[] = [];
  if (manifest.unknownLabels.length) {
    warnings.push(`Unknown labels, left out of the AI-vs-real metrics: ${manifest.unknownLabels.join(', ')}`);
  }
  const unreadable = samples.filter((s) => s.error).map((s) => ({ file: s.row.file, error: s.error! }));
  if (unreadable.length) warnings.push(`${unreadable.length} file(s) could not be analysed and are left out of every count`);

  let heldOut: EvalResult['heldOut'] = null;
  if (manifest.hasSourceRepo) {
    const held = samples.filter((s) => s.heldOut);
    const sources = HELD_OUT_SOURCES.filter((src) => held.some((s) => s.row.sourceRepo === src));
    if (held.length) heldOut = { sources, metrics: splitMetrics(held, labels) };
    else warnings.push('None of the held-out sources appear in this manifest: no held-out report');
  } else {
    warnings.push('The manifest has no source_repo column: every file is used for calibration and there is no held-out report');
  }

  let calibration: EvalResult['calibration'] = null;
  if (options.writeCalibration) {
    const analysed = samples.filter((s) => s.report);
    const file = calibrate(
      analysed.map((s) => ({ cls: s.row.cls, inSplit: !s.heldOut, evidence: s.report!.evidence })),
      { source: options.manifest, heldOutSources: manifest.hasSourceRepo ? [...HELD_OUT_SOURCES] : [] },
    );
    await writeFile(options.writeCalibration, `${JSON.stringify(file, null, 2)}\n`);
    calibration = { path: options.writeCalibration, ai: file.counts.ai, real: file.counts.real };
  }

  return {
    manifest: options.manifest,
    engineVersion: ENGINE_VERSION,
    files: { listed: samples.length, analysed: samples.length - unreadable.length, unreadable },
    labels,
    analysedPerLabel: countAnalysed(samples),
    evidence: firing(samples, labels, (id) => id),
    detectors: firing(samples, labels, detectorOf),
    overall: splitMetrics(samples, labels),
    heldOut,
    calibration,
    warnings,
  };
}

// ---------------------------------------------------------------------------------------
// Table output

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);

function grid(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function firingTable(title: string, rows: FiringRow[], labels: readonly string[]): string {
  return `${title}\n${grid(
    [title.startsWith('Evidence') ? 'EVIDENCE' : 'DETECTOR', ...labels],
    rows.map((r) => [r.id, ...labels.map((l) => `${r.byLabel[l].count} ${r.byLabel[l].percent.toFixed(1)}%`)]),
  )}`;
}

function levelsTable(m: SplitMetrics): string {
  const labels = Object.keys(m.levels);
  return grid(
    ['LABEL', 'LOW', 'REVIEW', 'HIGH', 'UNREADABLE'],
    labels.map((l) => [l, ...(['low', 'review', 'high', 'unreadable'] as const).map((k) => String(m.levels[l][k]))]),
  );
}

function rate(p: RatePointJson): string {
  if (p.tpr === null) return 'n/a';
  const at = p.threshold === null ? 'flagging nothing' : `flagging score ≥ ${p.threshold}`;
  return `${pct(p.tpr)}  (${at}; FPR ${pct(p.fpr)})`;
}

function metricsBlock(title: string, m: SplitMetrics): string {
  const count = (c: FireCount, of: number) => `${c.count} of ${of} (${c.percent.toFixed(1)}%)`;
  const rows = [
    ['ROC AUC of the risk score', m.rocAuc === null ? 'n/a' : m.rocAuc.toFixed(3)],
    ['TPR at 1% FPR', rate(m.tprAt1PctFpr)],
    ['TPR at 5% FPR', rate(m.tprAt5PctFpr)],
    ['Real photos at high', count(m.realHigh, m.real)],
    ['Real photos at review', count(m.realReview, m.real)],
    ['AI images at high', count(m.aiHigh, m.ai)],
    ['AI images at review', count(m.aiReview, m.ai)],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  return [
    `${title} — AI vs real: ${m.ai} AI, ${m.real} real (${m.files} analysed files in all)`,
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    '',
    'Levels per label',
    levelsTable(m),
  ].join('\n');
}

export function renderEvaluation(r: EvalResult): string {
  const excluded = r.overall.files - r.overall.ai - r.overall.real;
  const parts = [
    `ClaimLens evaluation of ${r.manifest} (engine ${r.engineVersion})`,
    `${r.files.listed} files listed, ${r.files.analysed} analysed, ${r.files.unreadable.length} unreadable; ` +
      `${excluded} analysed file(s) are in firing rates only (no AI/real class).`,
    '',
    firingTable('Evidence: files where it fires, per label (count, % of the label’s analysed files)', r.evidence, r.labels),
    '',
    firingTable('Detectors: files where any of their evidence fires, per label', r.detectors, r.labels),
    '',
    `Analysed files per label: ${r.labels.map((l) => `${l} ${r.analysedPerLabel[l] ?? 0}`).join(', ')}`,
    '',
    metricsBlock('Overall', r.overall),
  ];
  if (r.heldOut) {
    parts.push('', metricsBlock('Held-out sources', r.heldOut.metrics), '', `Held-out sources: ${r.heldOut.sources.join(', ')}`);
  }
  if (r.calibration) {
    parts.push(
      '',
      `Calibration written to ${r.calibration.path} from ${r.calibration.ai} AI and ${r.calibration.real} real files` +
        `${r.heldOut ? ' (held-out sources left out)' : ''}. The scores above used the calibration loaded at start; run eval again to measure the new one.`,
    );
  }
  if (r.files.unreadable.length) {
    parts.push('', 'Unreadable files', ...r.files.unreadable.map((u) => `  ${u.file}: ${u.error}`));
  }
  if (r.warnings.length) parts.push('', ...r.warnings.map((w) => `Warning: ${w}`));
  return parts.join('\n');
}

export async function evaluate(options: EvaluateOptions, out: (s: string) => void): Promise<void> {
  const result = await runEvaluation(options);
  out(options.json ? JSON.stringify(result) : renderEvaluation(result));
}
