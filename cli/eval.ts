/**
 * `claimlens eval --manifest FILE.csv [--json] [--write-calibration FILE]`
 * Runs the scan engine over a labelled corpus and reports how often each evidence id and
 * each detector fires per label, how well the risk score separates AI from real images
 * (ROC AUC, TPR at 1% and 5% FPR, real photos at high/review), overall and on held-out
 * sources, and how well the continuous statistic of each pixel detector and of the neural
 * model separates them on its own, as received and with compression equalised (every
 * picture re-encoded the same way). With --write-calibration it also writes the verdict
 * calibration (prior and one log-likelihood ratio per evidence id): counted on the
 * calibration split, except the neural model's, which are counted on the held-out sources
 * (the only files the model never saw). The held-out verdict metrics are also reported with
 * those model weights cross-fitted by source, so that no file is scored with a weight
 * counted on its own source.
 */
import { readFile, writeFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import type { Evidence, Report, RiskLevel } from '../lib/engine/types';
import { ENGINE_VERSION } from '../lib/engine/types';
import { analyze } from '../lib/engine/analyze';
import { sniffFormat } from '../lib/engine/format';
import { nodeHost } from '../lib/engine/host-node';
import type { Detector } from '../lib/engine/detector';
import { errorLevel } from '../lib/detectors/pixels/ela';
import { noiseConsistency } from '../lib/detectors/pixels/noise';
import { spectralFingerprint } from '../lib/detectors/pixels/spectrum';
import { nprModel } from '../lib/detectors/model/npr';
import { CALIBRATION, combine, type Calibration } from '../lib/verdict';
import { DEFAULT_VERDICT_SETTINGS } from '../lib/settings/defaults';
import heldOutList from '../models/held-out-sources.json' with { type: 'json' };
import { analyzeFile } from './scan';
import { readManifest, AI_LABELS, C2PA_LABEL, REAL_LABELS, type ManifestRow } from './manifest';
import { rocAuc, separation, tprAtFpr, type RatePoint, type Scored } from './metrics';

export interface EvaluateOptions {
  manifest: string;
  json: boolean;
  writeCalibration?: string;
  /** Measure the detector statistics on compression-equalised copies too (default true; slower). */
  equalise?: boolean;
}

/**
 * Source repositories kept out of calibration's counted weights and out of the neural model's
 * training, and reported separately, so that at least one set of numbers comes from
 * generators, cameras and pipelines the weights and the model never saw. Chosen to hold both
 * classes: new generators (Kandinsky 3, IC-Light, LoRA, ControlNet, PixArt-Σ, LaMa inpainting
 * via IOPaint), C2PA-signed AI and camera files, and real photos from small sources (phone
 * HEIC, photo-manager test assets, re-encoded photos). One list, models/held-out-sources.json,
 * read here and by models/train.py.
 */
export const HELD_OUT_SOURCES: readonly string[] = heldOutList.sources;

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
 * declared weights apply. 'pixels' are visual aids: on this corpus their statistics mostly
 * learn each file's compression history. Once every picture is re-encoded the same way (the
 * "equalised" rows of the detector table; 2026-11-26, all files / held out) ELA's ratio falls
 * to AUC 0.41 / 0.35, the spectrum's peak ratio runs the other way (0.31 / 0.32), and the noise
 * outlier share reaches 0.58 / 0.70 but flags 1 of 44 held-out AI images before it flags a real
 * photo; so they stay at weight 0 until one separates AI from real on equal terms.
 */
export const CONTEXT_FAMILIES: readonly string[] = ['claim', 'reuse', 'pixels'];

/**
 * Evidence families whose weights are counted on the held-out sources instead of the
 * calibration split. The neural model was trained on the calibration sources, so rates
 * measured there overstate it (in-sample AUC 0.95 against 0.83 held out); the held-out files
 * are the only ones it never saw. Their held-out verdict metrics are then in-sample for these
 * weights, which is why eval also reports them cross-fitted by source.
 */
export const OUT_OF_SAMPLE_FAMILIES: readonly string[] = ['model'];

/**
 * Largest absolute weight of an out-of-sample family's evidence. The held-out sources hold few
 * real photos (17 on the development corpus), so one photo more or less in a bin moves the
 * ratio by about half a unit. 1.5 lets the model's "likely AI" move a photo without camera
 * details from low to review, never to high on its own: with the prior (−1.39) and "no camera
 * details" (+0.87), +1.5 gives a score of 73, under high's 85.
 */
export const OUT_OF_SAMPLE_MAX_WEIGHT = 1.5;

/**
 * The continuous statistic each pixel detector and the neural model computes, read from its
 * evidence `data`; eval reports how well each separates AI from real on its own. "Higher" is
 * taken to mean "more AI-like" for all of them, so an AUC under 0.5 means the statistic runs
 * the other way on the corpus.
 */
export const DETECTOR_STATISTICS: readonly { detector: string; field: string; meaning: string }[] = [
  { detector: 'pixels.ela', field: 'ratio', meaning: '99th-percentile over median cell re-compression error' },
  { detector: 'pixels.noise', field: 'outlierShare', meaning: 'share of cells whose noise level is an outlier' },
  { detector: 'pixels.spectrum', field: 'peakRatio', meaning: 'strongest periodic peak over its surroundings' },
  { detector: 'model.npr', field: 'score', meaning: 'mean crop score of the neural model' },
];

/**
 * Compression equalisation for the detector table: every decodable picture is decoded, re-encoded
 * as a JPEG at this quality (jpeg-js, 4:4:4, no metadata) and measured again by the detectors of
 * DETECTOR_STATISTICS. A statistic that only learnt the files' compression history (camera JPEGs
 * against generator PNGs) loses most of its separation here; not all of it, since an original
 * JPEG's 8×8 block grid survives a second compression.
 */
export const EQUALISED_JPEG_QUALITY = 90;
const EQUALISED_DETECTORS: readonly Detector[] = [errorLevel, noiseConsistency, spectralFingerprint, nprModel];

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
  /** Evidence of DETECTOR_STATISTICS' detectors on the compression-equalised copy. */
  equalised?: readonly Evidence[];
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

export interface EvidenceCounts {
  ai: number;
  real: number;
  evidence: Record<string, { ai: number; real: number }>;
}

export interface CalibrationFile extends Calibration {
  prior: number;
  weights: Record<string, number>;
  generatedAt: string;
  source: string;
  heldOutSources: string[];
  counts: EvidenceCounts & {
    /** The counts behind the weights of OUT_OF_SAMPLE_FAMILIES: held-out files only. */
    outOfSample: EvidenceCounts & { families: string[]; maxWeight: number };
  };
}

/** How well one continuous statistic separates AI (positive) from real files. */
export interface SeparationJson {
  /** Files of either class that have the statistic. */
  files: number;
  ai: number;
  real: number;
  /** Analysed AI/real files without the statistic (too small, not decodable, no model). */
  unscored: number;
  rocAuc: number | null;
  tprAt1PctFpr: RatePointJson;
  tprAt5PctFpr: RatePointJson;
}

export interface DetectorSeparationRow {
  detector: string;
  statistic: string;
  /** 'as-received': the files as they are; 'equalised': re-encoded as JPEG EQUALISED_JPEG_QUALITY. */
  condition: 'as-received' | 'equalised';
  all: SeparationJson;
  heldOut: SeparationJson | null;
}

export interface ModelWeightsReport {
  families: string[];
  maxWeight: number;
  /** Counted on every held-out file of this run (what --write-calibration writes). */
  fitted: Record<string, number>;
  counts: EvidenceCounts;
  /** The weights the reports of this run were scored with (the calibration loaded at start). */
  loaded: Record<string, number>;
  /** Leave one held-out source out: the weights used for that source's files. */
  folds: { source: string; files: number; weights: Record<string, number> }[];
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
  /** Own separation of each detector statistic (DETECTOR_STATISTICS), per condition. */
  detectorStatistics: { equalisedJpegQuality: number; equalisedUnreadable: number; rows: DetectorSeparationRow[] };
  /** Weights of OUT_OF_SAMPLE_FAMILIES fitted on the held-out sources, with their per-source folds. */
  modelWeights: ModelWeightsReport | null;
  /**
   * Verdict metrics with the OUT_OF_SAMPLE_FAMILIES weights replaced: each held-out file scored
   * with the weights fitted without its own source (leave one source out), every other file
   * with the weights fitted on all held-out files. Every other weight is the loaded one.
   */
  crossFitted: { overall: SplitMetrics; heldOut: SplitMetrics } | null;
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
  /** False for held-out files: they only tell which ids are decisive, and weigh OUT_OF_SAMPLE_FAMILIES. */
  inSplit: boolean;
  evidence: readonly { id: string; family?: string; decisive?: boolean; points?: string }[];
}

type CountedEvidence = CalibrationSample['evidence'][number];

/** Class sizes and, per evidence id, the files of each class where it fires (AI/real files only). */
function countEvidence(samples: readonly Pick<CalibrationSample, 'cls' | 'evidence'>[], keep: (e: CountedEvidence) => boolean): EvidenceCounts {
  const counts = new Map<string, { ai: number; real: number }>();
  let ai = 0;
  let real = 0;
  for (const s of samples) {
    if (s.cls !== 'ai' && s.cls !== 'real') continue;
    if (s.cls === 'ai') ai++;
    else real++;
    for (const id of new Set(s.evidence.filter(keep).map((e) => e.id))) {
      const c = counts.get(id) ?? { ai: 0, real: 0 };
      c[s.cls]++;
      counts.set(id, c);
    }
  }
  return { ai, real, evidence: Object.fromEntries([...counts.keys()].sort().map((id) => [id, counts.get(id)!])) };
}

/** ln((k_ai + a) / (n_ai + 2a)) − ln((k_real + a) / (n_real + 2a)), in the evidence's direction, clipped to ±cap. */
function smoothedWeight(c: { ai: number; real: number }, n: { ai: number; real: number }, points: string | undefined, cap: number): number {
  const a = SMOOTHING;
  const llr = Math.log((c.ai + a) / (n.ai + 2 * a)) - Math.log((c.real + a) / (n.real + 2 * a));
  return round(Math.max(-cap, Math.min(cap, directed(llr, points))), 3) + 0;
}

const isOutOfSample = (e: { family?: string }) => OUT_OF_SAMPLE_FAMILIES.includes(e.family ?? '');

/**
 * Weights of the OUT_OF_SAMPLE_FAMILIES evidence from files the producing model never saw: the
 * same smoothed log-likelihood ratio as calibrate(), clipped to ±OUT_OF_SAMPLE_MAX_WEIGHT.
 * Every id of those families seen in `samples` gets an entry; all are 0 when a class is missing.
 * Neutral ids (the model's "uncertain" bin) get 0: their explanation tells the agent that the
 * result neither supports nor weakens the claim, and any weight above 0 would make the model
 * count as a second kind of sign in the verdict's rule that high needs two evidence families.
 */
export function fitOutOfSampleWeights(
  samples: readonly Pick<CalibrationSample, 'cls' | 'evidence'>[],
  pointsOf: ReadonlyMap<string, string | undefined> = pointsMap(samples),
): { weights: Record<string, number>; counts: EvidenceCounts } {
  const counts = countEvidence(samples, isOutOfSample);
  const weights: Record<string, number> = {};
  const ids = new Set(samples.flatMap((s) => s.evidence.filter(isOutOfSample).map((e) => e.id)));
  for (const id of [...ids].sort()) {
    const c = counts.evidence[id] ?? { ai: 0, real: 0 };
    const points = pointsOf.get(id);
    weights[id] = counts.ai && counts.real && points !== 'neutral' ? smoothedWeight(c, counts, points, OUT_OF_SAMPLE_MAX_WEIGHT) : 0;
  }
  return { weights, counts };
}

function pointsMap(samples: readonly Pick<CalibrationSample, 'evidence'>[]): Map<string, string | undefined> {
  const m = new Map<string, string | undefined>();
  for (const s of samples) for (const e of s.evidence) m.set(e.id, e.points);
  return m;
}

/**
 * Leave one source out: for each source among `samples`, the OUT_OF_SAMPLE_FAMILIES weights
 * fitted on the samples of every other source.
 */
export function leaveOneSourceOut(
  samples: readonly (Pick<CalibrationSample, 'cls' | 'evidence'> & { source: string })[],
): { source: string; files: number; weights: Record<string, number> }[] {
  const pointsOf = pointsMap(samples);
  const sources = [...new Set(samples.map((s) => s.source))];
  return sources.map((source) => ({
    source,
    files: samples.filter((s) => s.source === source).length,
    weights: fitOutOfSampleWeights(samples.filter((s) => s.source !== source), pointsOf).weights,
  }));
}

/** The report scored again with other weights for the OUT_OF_SAMPLE_FAMILIES evidence (absent ids weigh 0). */
export function rescore(report: Report, weights: Readonly<Record<string, number>>, cal: Calibration = CALIBRATION): Report {
  const evidence = report.evidence.map((e) => (isOutOfSample(e) ? { ...e, weight: weights[e.id] ?? 0 } : e));
  return { ...report, evidence, risk: combine(evidence, DEFAULT_VERDICT_SETTINGS, cal) };
}

/**
 * Weights from the calibration split: for each non-decisive evidence id,
 * ln((k_ai + a) / (n_ai + 2a)) − ln((k_real + a) / (n_real + 2a)), clipped to ±MAX_WEIGHT.
 * Decisive ids (they set the level by themselves, wherever they were seen) and
 * `engine.error` get 0; context families (CONTEXT_FAMILIES) get no entry. Evidence of
 * OUT_OF_SAMPLE_FAMILIES is counted on the held-out files instead (fitOutOfSampleWeights).
 */
export function calibrate(
  samples: readonly CalibrationSample[],
  meta: { source: string; heldOutSources: string[]; generatedAt?: string },
): CalibrationFile {
  const decisive = new Set<string>();
  for (const s of samples) {
    for (const e of s.evidence) if (e.decisive && !CONTEXT_FAMILIES.includes(e.family ?? '')) decisive.add(e.id);
  }
  const pointsOf = pointsMap(samples);
  const inSplit = countEvidence(
    samples.filter((s) => s.inSplit),
    (e) => !CONTEXT_FAMILIES.includes(e.family ?? '') && !isOutOfSample(e),
  );
  const outOfSample = fitOutOfSampleWeights(
    samples.filter((s) => !s.inSplit),
    pointsOf,
  );
  const weights: Record<string, number> = {};
  const ids = [...new Set([...Object.keys(inSplit.evidence), ...decisive, 'engine.error'])].sort();
  for (const id of ids) {
    // Engine notes (a check could not run) say nothing about the picture: always 0.
    if (decisive.has(id) || id.startsWith('engine.') || IN_SAMPLE_IDS.includes(id) || FORMAT_IDS.includes(id)) {
      weights[id] = 0;
      continue;
    }
    weights[id] = smoothedWeight(inSplit.evidence[id] ?? { ai: 0, real: 0 }, inSplit, pointsOf.get(id), MAX_WEIGHT);
  }
  for (const [id, w] of Object.entries(outOfSample.weights)) if (!decisive.has(id)) weights[id] = w;
  return {
    prior: round(logit(PRIOR_PROBABILITY), 3),
    weights: Object.fromEntries(Object.entries(weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    source: meta.source,
    heldOutSources: meta.heldOutSources,
    counts: {
      ...inSplit,
      outOfSample: { families: [...OUT_OF_SAMPLE_FAMILIES], maxWeight: OUT_OF_SAMPLE_MAX_WEIGHT, ...outOfSample.counts },
    },
  };
}

/** The numeric `field` of the detector's evidence data, when it fired with one. */
export function statisticOf(evidence: readonly Pick<Evidence, 'id' | 'data'>[], detector: string, field: string): number | undefined {
  for (const e of evidence) {
    if (detectorOf(e.id) !== detector) continue;
    const v = e.data?.[field];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

function separationJson(items: readonly { score: number | undefined; positive: boolean }[]): SeparationJson {
  const scored: Scored[] = items.filter((i): i is Scored => i.score !== undefined);
  const m = separation(scored);
  return {
    files: scored.length,
    ai: m.positives,
    real: m.negatives,
    unscored: items.length - scored.length,
    rocAuc: finiteOrNull(m.rocAuc, 4),
    tprAt1PctFpr: ratePoint(m.tprAt1PctFpr),
    tprAt5PctFpr: ratePoint(m.tprAt5PctFpr),
  };
}

/**
 * Own separation of each DETECTOR_STATISTICS statistic, on every AI/real file and on the
 * held-out ones, as received and (where `equalised` evidence is there) after equalisation.
 */
export function detectorSeparation(
  samples: readonly { cls: string; heldOut: boolean; evidence?: readonly Pick<Evidence, 'id' | 'data'>[]; equalised?: readonly Pick<Evidence, 'id' | 'data'>[] }[],
  withHeldOut: boolean,
): DetectorSeparationRow[] {
  const rows: DetectorSeparationRow[] = [];
  const classed = samples.filter((s) => s.evidence && (s.cls === 'ai' || s.cls === 'real'));
  const conditions = [
    { condition: 'as-received' as const, pick: (s: (typeof classed)[number]) => s.evidence },
    { condition: 'equalised' as const, pick: (s: (typeof classed)[number]) => s.equalised },
  ];
  for (const { condition, pick } of conditions) {
    if (condition === 'equalised' && !classed.some((s) => s.equalised)) continue;
    for (const { detector, field } of DETECTOR_STATISTICS) {
      const items = (of: typeof classed) =>
        of.map((s) => {
          const evidence = pick(s);
          return { score: evidence ? statisticOf(evidence, detector, field) : undefined, positive: s.cls === 'ai' };
        });
      rows.push({
        detector,
        statistic: field,
        condition,
        all: separationJson(items(classed)),
        heldOut: withHeldOut ? separationJson(items(classed.filter((s) => s.heldOut))) : null,
      });
    }
  }
  return rows;
}

/** The file decoded, re-encoded as JPEG EQUALISED_JPEG_QUALITY, and measured by EQUALISED_DETECTORS. */
async function equalisedEvidence(path: string): Promise<Evidence[]> {
  const bytes = new Uint8Array(await readFile(path));
  const px = await nodeHost.decodePixels(bytes, sniffFormat(bytes).format);
  const data = Buffer.from(px.data.buffer, px.data.byteOffset, px.data.byteLength);
  const encoded = jpeg.encode({ width: px.width, height: px.height, data }, EQUALISED_JPEG_QUALITY).data;
  const report = await analyze(new Uint8Array(encoded), { helpdesk: 'cli' }, nodeHost, { detectors: EQUALISED_DETECTORS, remember: false });
  return report.evidence;
}

export async function runEvaluation(options: EvaluateOptions): Promise<EvalResult> {
  const manifest = await readManifest(options.manifest);
  const heldOutSet = new Set(manifest.hasSourceRepo ? HELD_OUT_SOURCES : []);
  const samples: Sample[] = [];
  let equalisedUnreadable = 0;
  for (const row of manifest.rows) {
    const heldOut = row.sourceRepo !== undefined && heldOutSet.has(row.sourceRepo);
    let sample: Sample;
    try {
      sample = { row, heldOut, report: await analyzeFile(row.path, { helpdesk: 'cli' }) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      sample = { row, heldOut, error: code === 'ENOENT' ? 'No such file' : err instanceof Error ? err.message : String(err) };
    }
    if (sample.report && options.equalise !== false && (row.cls === 'ai' || row.cls === 'real')) {
      try {
        sample.equalised = await equalisedEvidence(row.path);
      } catch {
        equalisedUnreadable++;
      }
    }
    samples.push(sample);
  }

  const labels = orderLabels(manifest.rows.map((r) => r.label));
  const warnings: string[] = [];
  if (manifest.unknownLabels.length) {
    warnings.push(`Unknown labels, left out of the AI-vs-real metrics: ${manifest.unknownLabels.join(', ')}`);
  }
  const unreadable = samples.filter((s) => s.error).map((s) => ({ file: s.row.file, error: s.error! }));
  if (unreadable.length) warnings.push(`${unreadable.length} file(s) could not be analysed and are left out of every count`);
  if (equalisedUnreadable) warnings.push(`${equalisedUnreadable} file(s) could not be re-encoded and are left out of the equalised rows`);

  let heldOut: EvalResult['heldOut'] = null;
  const held = samples.filter((s) => s.heldOut);
  if (manifest.hasSourceRepo) {
    const sources = HELD_OUT_SOURCES.filter((src) => held.some((s) => s.row.sourceRepo === src));
    if (held.length) heldOut = { sources, metrics: splitMetrics(held, labels) };
    else warnings.push('None of the held-out sources appear in this manifest: no held-out report');
  } else {
    warnings.push('The manifest has no source_repo column: every file is used for calibration and there is no held-out report');
  }

  const detectorStatistics: EvalResult['detectorStatistics'] = {
    equalisedJpegQuality: EQUALISED_JPEG_QUALITY,
    equalisedUnreadable,
    rows: detectorSeparation(
      samples.map((s) => ({ cls: s.row.cls, heldOut: s.heldOut, evidence: s.report?.evidence, equalised: s.equalised })),
      heldOut !== null,
    ),
  };

  // Weights of the model's evidence: fitted on the held-out files, and cross-fitted by source.
  let modelWeights: EvalResult['modelWeights'] = null;
  let crossFitted: EvalResult['crossFitted'] = null;
  const heldAnalysed = held.filter((s) => s.report && s.row.sourceRepo !== undefined);
  if (heldOut && heldAnalysed.length) {
    const fitSamples = heldAnalysed.map((s) => ({ cls: s.row.cls, source: s.row.sourceRepo!, evidence: s.report!.evidence }));
    const fitted = fitOutOfSampleWeights(fitSamples);
    const folds = leaveOneSourceOut(fitSamples);
    const loaded: Record<string, number> = {};
    for (const id of Object.keys(fitted.weights)) loaded[id] = CALIBRATION.weights[id] ?? 0;
    modelWeights = { families: [...OUT_OF_SAMPLE_FAMILIES], maxWeight: OUT_OF_SAMPLE_MAX_WEIGHT, fitted: fitted.weights, counts: fitted.counts, loaded, folds };
    const foldOf = new Map(folds.map((f) => [f.source, f.weights]));
    const refitted: Sample[] = samples.map((s) => {
      if (!s.report) return s;
      const weights = s.heldOut ? (foldOf.get(s.row.sourceRepo ?? '') ?? fitted.weights) : fitted.weights;
      return { ...s, report: rescore(s.report, weights) };
    });
    crossFitted = { overall: splitMetrics(refitted, labels), heldOut: splitMetrics(refitted.filter((s) => s.heldOut), labels) };
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
    detectorStatistics,
    modelWeights,
    crossFitted,
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

function shortRate(p: RatePointJson): string {
  return p.tpr === null ? 'n/a' : `${pct(p.tpr)} (FPR ${pct(p.fpr)})`;
}

function detectorTable(r: EvalResult): string {
  const { rows, equalisedJpegQuality } = r.detectorStatistics;
  const cells = (m: SeparationJson | null) =>
    m === null
      ? ['', '', '', '', '']
      : [`${m.files}`, `${m.ai}/${m.real}`, m.rocAuc === null ? 'n/a' : m.rocAuc.toFixed(3), shortRate(m.tprAt1PctFpr), shortRate(m.tprAt5PctFpr)];
  const condition = (c: DetectorSeparationRow['condition']) => (c === 'equalised' ? `JPEG q${equalisedJpegQuality} (equalised)` : 'as received');
  const table = grid(
    ['DETECTOR', 'STATISTIC', 'CONDITION', 'SPLIT', 'FILES', 'AI/REAL', 'ROC AUC', 'TPR @ 1% FPR', 'TPR @ 5% FPR'],
    rows.flatMap((row) => [
      [row.detector, row.statistic, condition(row.condition), 'all', ...cells(row.all)],
      ...(row.heldOut ? [[row.detector, row.statistic, condition(row.condition), 'held-out', ...cells(row.heldOut)]] : []),
    ]),
  );
  return [
    'Detector statistics on their own: AI vs real (higher statistic = more AI-like; an AUC under 0.5 means it runs the other way)',
    table,
    `Equalised: every AI/real file decoded and re-encoded as JPEG quality ${equalisedJpegQuality} (4:4:4, no metadata) before measuring.`,
    ...DETECTOR_STATISTICS.map((d) => `  ${d.detector}.${d.field}: ${d.meaning}`),
  ].join('\n');
}

function modelWeightsBlock(m: ModelWeightsReport): string {
  const ids = Object.keys(m.fitted);
  const spread = (id: string) => {
    const ws = m.folds.map((f) => f.weights[id] ?? 0);
    return ws.length ? `${Math.min(...ws).toFixed(3)} … ${Math.max(...ws).toFixed(3)}` : 'n/a';
  };
  const table = grid(
    ['EVIDENCE', 'HELD-OUT AI', 'HELD-OUT REAL', 'FITTED WEIGHT', 'LOADED WEIGHT', 'LEAVE-ONE-SOURCE-OUT RANGE'],
    ids.map((id) => {
      const c = m.counts.evidence[id] ?? { ai: 0, real: 0 };
      return [id, `${c.ai} of ${m.counts.ai}`, `${c.real} of ${m.counts.real}`, m.fitted[id].toFixed(3), m.loaded[id].toFixed(3), spread(id)];
    }),
  );
  return [
    `Weights of ${m.families.join(', ')} evidence, fitted on the held-out sources only (${m.counts.ai} AI, ${m.counts.real} real; cap ±${m.maxWeight})`,
    table,
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
  parts.push('', detectorTable(r));
  if (r.modelWeights) parts.push('', modelWeightsBlock(r.modelWeights));
  if (r.crossFitted) {
    parts.push(
      '',
      metricsBlock('Held-out sources, model weights cross-fitted (each source scored with weights fitted without it)', r.crossFitted.heldOut),
      '',
      metricsBlock('Overall with the same model weights (held-out files cross-fitted, the others with the weights fitted on every held-out file)', r.crossFitted.overall),
    );
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
