/**
 * `claimlens eval` end to end on a tiny corpus built at test time: AI PNGs that carry
 * AUTOMATIC1111 "parameters", plain JPEGs as real photos, held-out and calibration sources,
 * excluded, unknown and missing rows. Checks the metrics and the calibration file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import {
  calibrate,
  DETECTOR_STATISTICS,
  detectorSeparation,
  evaluate,
  fitOutOfSampleWeights,
  renderEvaluation,
  FORMAT_IDS,
  HELD_OUT_SOURCES,
  leaveOneSourceOut,
  MAX_WEIGHT,
  OUT_OF_SAMPLE_MAX_WEIGHT,
  rescore,
  statisticOf,
  type CalibrationFile,
  type EvalResult,
} from '../../cli/eval';
import type { Evidence, Report } from '../../lib/engine/types';
import { CALIBRATION, combine } from '../../lib/verdict';
import heldOutList from '../../models/held-out-sources.json' with { type: 'json' };
import { classify, ManifestError } from '../../cli/manifest';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Deterministic noise so the pictures are not flat colour. */
function noise(width: number, height: number, seed: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let s = seed;
  for (let i = 0; i < data.length; i += 4) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = (i / 4) % 256;
    data[i + 1] = s >>> 24;
    data[i + 2] = (s >>> 16) & 0xff;
    data[i + 3] = 255;
  }
  return data;
}

/** A PNG with a tEXt chunk `keyword` = `text` right after IHDR. */
function pngWithText(width: number, height: number, keyword: string, text: string, seed: number): Buffer {
  const png = new PNG({ width, height });
  noise(width, height, seed).copy(png.data);
  const plain = PNG.sync.write(png);
  const body = Buffer.concat([Buffer.from('tEXt', 'latin1'), Buffer.from(`${keyword}\0${text}`, 'latin1')]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  const afterIhdr = 8 + 25;
  return Buffer.concat([plain.subarray(0, afterIhdr), chunk, plain.subarray(afterIhdr)]);
}

function plainJpeg(width: number, height: number, seed: number): Buffer {
  return jpeg.encode({ width, height, data: noise(width, height, seed) }, 85).data;
}

const A1111 = 'a cardboard box crushed at one corner\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1';
const KANDINSKY = 'ai-forever/Kandinsky-3';
const PHOTOVIEW = 'photoview/photoview';

let dir: string;
let files: Record<string, Buffer>;
/** The full run of the first eval test (with equalised measurements), reused by the table test. */
let firstResult: EvalResult | undefined;

function write(name: string, bytes: Buffer | string) {
  writeFileSync(join(dir, name), bytes);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimlens-eval-'));
  files = {
    'a1.png': pngWithText(512, 512, 'parameters', A1111, 1),
    'a2.png': pngWithText(512, 512, 'parameters', A1111, 2),
    'a3.png': pngWithText(512, 512, 'parameters', A1111, 3),
    'h1.png': pngWithText(512, 512, 'parameters', A1111, 4),
    'r1.jpg': plainJpeg(640, 480, 5),
    'r2.jpg': plainJpeg(640, 480, 6),
    'r3.jpg': plainJpeg(640, 480, 7),
    'r4.jpg': plainJpeg(640, 480, 8),
    'h2.jpg': plainJpeg(640, 480, 9),
    'x1.jpg': plainJpeg(640, 480, 10),
    'x2.jpg': plainJpeg(640, 480, 11),
  };
  for (const [name, bytes] of Object.entries(files)) write(name, bytes);
  write(
    'manifest.csv',
    [
      'file,label,source_repo,c2pa_claim',
      'a1.png,ai-generated,test/cal,',
      'a2.png,ai-generated,test/cal,',
      'a3.png,ai-edited,test/cal,',
      `h1.png,ai-generated,${KANDINSKY},`,
      'r1.jpg,real-camera,test/cal,',
      'r2.jpg,real-camera,test/cal,',
      'r3.jpg,real-photo-stripped,test/cal,',
      'r4.jpg,c2pa,test/cal,camera capture',
      `h2.jpg,real-camera,${PHOTOVIEW},`,
      'x1.jpg,c2pa,test/cal,"edited/composited (no AI claim)"',
      'x2.jpg,screenshot,test/cal,',
      'missing.jpg,real-camera,test/cal,',
    ].join('\n'),
  );
  write('no-source.csv', ['file,label', 'a1.png,ai-generated', 'r1.jpg,real-camera'].join('\n'));
  write('no-label.csv', ['file,kind', 'a1.png,ai-generated'].join('\n'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(manifest: string, writeCalibration?: string, equalise = true): Promise<EvalResult> {
  const lines: string[] = [];
  await evaluate({ manifest: join(dir, manifest), json: true, writeCalibration, equalise }, (s) => lines.push(s));
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as EvalResult;
}

describe('classify', () => {
  it('reads c2pa rows by their claim and knows the four corpus labels', () => {
    expect(classify('ai-generated')).toBe('ai');
    expect(classify('ai-edited')).toBe('ai');
    expect(classify('real-camera')).toBe('real');
    expect(classify('real-photo-stripped')).toBe('real');
    expect(classify('c2pa', 'AI-generated (trainedAlgorithmicMedia / generative tool)')).toBe('ai');
    expect(classify('c2pa', 'AI-edited (compositeWithTrainedAlgorithmicMedia)')).toBe('ai');
    expect(classify('c2pa', 'camera capture')).toBe('real');
    expect(classify('c2pa', 'edited/composited (no AI claim)')).toBe('excluded');
    expect(classify('c2pa')).toBe('excluded');
    expect(classify('screenshot')).toBe('unknown');
  });
});

describe('claimlens eval', () => {
  it('reports firing rates, overall and held-out metrics, and unreadable files', async () => {
    expect(HELD_OUT_SOURCES).toContain(KANDINSKY);
    expect(HELD_OUT_SOURCES).toContain(PHOTOVIEW);
    const r = await run('manifest.csv');
    firstResult = r;

    expect(r.files.listed).toBe(12);
    expect(r.files.analysed).toBe(11);
    expect(r.files.unreadable).toEqual([{ file: 'missing.jpg', error: 'No such file' }]);
    expect(r.labels).toEqual(['real-camera', 'real-photo-stripped', 'ai-generated', 'ai-edited', 'c2pa', 'screenshot']);
    expect(r.warnings.join('\n')).toContain('screenshot');

    const a1111 = r.evidence.find((e) => e.id === 'provenance.generator.a1111');
    expect(a1111?.byLabel['ai-generated']).toEqual({ count: 3, percent: 100 });
    expect(a1111?.byLabel['ai-edited']).toEqual({ count: 1, percent: 100 });
    expect(a1111?.byLabel['real-camera']).toEqual({ count: 0, percent: 0 });
    const absent = r.evidence.find((e) => e.id === 'metadata.camera.absent');
    expect(absent?.byLabel.c2pa).toEqual({ count: 2, percent: 100 });
    expect(absent?.byLabel.screenshot).toEqual({ count: 1, percent: 100 });
    const generator = r.detectors.find((d) => d.id === 'provenance.generator');
    expect(generator?.byLabel['ai-generated'].count).toBe(3);

    // AI: a1 a2 a3 h1; real: r1 r2 r3 h2 and the c2pa camera capture r4. x1, x2 are left out.
    expect(r.overall).toMatchObject({ ai: 4, real: 5, files: 11, rocAuc: 1 });
    expect(r.overall.tprAt1PctFpr).toMatchObject({ tpr: 1, fpr: 0 });
    expect(r.overall.tprAt5PctFpr).toMatchObject({ tpr: 1, fpr: 0 });
    expect(r.overall.realHigh).toEqual({ count: 0, percent: 0 });
    expect(r.overall.aiHigh).toEqual({ count: 4, percent: 100 });
    expect(r.overall.levels['ai-generated']).toEqual({ low: 0, review: 0, high: 3, unreadable: 0 });
    expect(r.overall.levels['real-camera'].unreadable).toBe(1);
    expect(r.overall.levels['real-camera'].high).toBe(0);

    expect(r.heldOut?.sources).toEqual([KANDINSKY, PHOTOVIEW]);
    expect(r.heldOut?.metrics).toMatchObject({ ai: 1, real: 1, files: 2, rocAuc: 1 });
    expect(r.calibration).toBeNull();

    // Each detector statistic, as received and equalised, on all files and held out.
    const rows = r.detectorStatistics.rows;
    expect(rows.map((row) => `${row.condition} ${row.detector}.${row.statistic}`)).toEqual(
      ['as-received', 'equalised'].flatMap((c) => DETECTOR_STATISTICS.map((d) => `${c} ${d.detector}.${d.field}`)),
    );
    expect(r.detectorStatistics.equalisedUnreadable).toBe(0);
    for (const row of rows) {
      // Every picture is large enough for every detector: 4 AI, 5 real, none unscored.
      expect(row.all).toMatchObject({ files: 9, ai: 4, real: 5, unscored: 0 });
      expect(row.heldOut).toMatchObject({ files: 2, ai: 1, real: 1 });
      expect(row.all.rocAuc).toBeGreaterThanOrEqual(0);
      expect(row.all.rocAuc).toBeLessThanOrEqual(1);
    }

    // The model's weights: fitted on the two held-out files; each leave-one-source-out fold
    // keeps one class only, so it gives no weight, and the cross-fitted held-out scores use none.
    expect(r.modelWeights?.counts).toMatchObject({ ai: 1, real: 1 });
    expect(Object.keys(r.modelWeights!.fitted).every((id) => id.startsWith('model.npr.'))).toBe(true);
    expect(r.modelWeights?.folds.map((f) => f.source).sort()).toEqual([KANDINSKY, PHOTOVIEW].sort());
    for (const fold of r.modelWeights!.folds) expect(Object.values(fold.weights).every((w) => w === 0)).toBe(true);
    expect(r.crossFitted?.heldOut).toMatchObject({ ai: 1, real: 1, files: 2 });
    expect(r.crossFitted?.overall).toMatchObject({ ai: 4, real: 5, files: 11 });
  }, 120_000);

  it('can leave out the equalised measurements', async () => {
    const lines: string[] = [];
    await evaluate({ manifest: join(dir, 'no-source.csv'), json: true, equalise: false }, (s) => lines.push(s));
    const r = JSON.parse(lines[0]) as EvalResult;
    expect(r.detectorStatistics.rows.every((row) => row.condition === 'as-received')).toBe(true);
    expect(r.detectorStatistics.rows.every((row) => row.heldOut === null)).toBe(true);
    expect(r.modelWeights).toBeNull();
    expect(r.crossFitted).toBeNull();
  });

  it('keeps every weight in the direction its evidence points', () => {
    const sample = (cls: 'ai' | 'real', ids: [string, string][]) => ({ cls, inSplit: true, evidence: ids.map(([id, points]) => ({ id, points, family: 'metadata' })) });
    const cal = calibrate(
      [
        sample('ai', [['x.authentic-in-ai', 'authentic'], ['x.neutral', 'neutral']]),
        sample('ai', [['x.authentic-in-ai', 'authentic'], ['x.neutral', 'neutral']]),
        sample('real', [['x.edited-in-real', 'edited'], ['x.ai-in-real', 'ai']]),
        sample('real', [['x.edited-in-real', 'edited'], ['x.ai-in-real', 'ai'], ['x.authentic-in-real', 'authentic']]),
        sample('real', [['metadata.jpeg.quality', 'neutral']]),
      ],
      { source: 'test', heldOutSources: [] },
    );
    expect(cal.weights['x.authentic-in-ai']).toBe(0);
    expect(cal.weights['x.edited-in-real']).toBe(0);
    expect(cal.weights['x.ai-in-real']).toBe(0);
    expect(cal.weights['x.authentic-in-real']).toBeLessThan(0);
    expect(cal.weights['x.neutral']).toBeGreaterThan(0);
    expect(cal.weights['metadata.jpeg.quality']).toBe(0);
  });

  it('writes a calibration counted on the calibration split only', async () => {
    const out = join(dir, 'calibration.json');
    const r = await run('manifest.csv', out, false);
    const cal = JSON.parse(readFileSync(out, 'utf8')) as CalibrationFile;

    expect(Object.keys(cal)).toEqual(['prior', 'weights', 'generatedAt', 'source', 'heldOutSources', 'counts']);
    expect(HELD_OUT_SOURCES).toEqual(heldOutList.sources);
    expect(cal.prior).toBe(-1.386); // ln(0.2 / 0.8)
    expect(cal.source).toBe(join(dir, 'manifest.csv'));
    expect(Number.isNaN(Date.parse(cal.generatedAt))).toBe(false);
    expect(cal.heldOutSources).toEqual([...HELD_OUT_SOURCES]);
    // a1 a2 a3 | r1 r2 r3 r4 (h1, h2 held out; x1, x2 have no class; missing.jpg unreadable)
    expect(cal.counts.ai).toBe(3);
    expect(cal.counts.real).toBe(4);
    expect(r.calibration).toEqual({ path: out, ai: 3, real: 4 });
    expect(cal.counts.evidence['provenance.generator.a1111']).toEqual({ ai: 3, real: 0 });
    expect(cal.counts.evidence['metadata.camera.absent']).toEqual({ ai: 3, real: 4 });

    // Decisive and engine errors carry no weight.
    expect(cal.weights['provenance.generator.a1111']).toBe(0);
    expect(cal.weights['engine.error']).toBe(0);
    // Fires everywhere: ln(4/5) − ln(5/6) = ln(24/25)
    expect(cal.weights['metadata.camera.absent']).toBe(-0.041);
    for (const [id, c] of Object.entries(cal.counts.evidence)) {
      if (id === 'provenance.generator.a1111') continue;
      const llr = Math.log((c.ai + 1) / (3 + 2)) - Math.log((c.real + 1) / (4 + 2));
      const clipped = Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, llr));
      // Either the smoothed log-likelihood ratio, or 0: format-only items, and evidence whose
      // ratio runs against its meaning (an AI sign seen more often in real photos), carry none.
      if (FORMAT_IDS.includes(id)) expect(cal.weights[id]).toBe(0);
      else if (cal.weights[id] !== 0) expect(cal.weights[id]).toBeCloseTo(clipped, 3);
      else expect(Math.abs(clipped) < 0.0005 || (clipped < 0 && /dimensions|edit-history|ela|noise/.test(id)) || clipped > 0).toBe(true);
    }
    // AI-pointing size signs never lower the score.
    for (const id of ['metadata.dimensions.generator-size', 'metadata.dimensions.multiple-of-64']) expect(cal.weights[id] ?? 0).toBeGreaterThanOrEqual(0);

    // The model's evidence is counted on the held-out files only (h1 AI, h2 real).
    expect(Object.keys(cal.counts.evidence).some((id) => id.startsWith('model.'))).toBe(false);
    const oos = cal.counts.outOfSample;
    expect(oos).toMatchObject({ families: ['model'], maxWeight: OUT_OF_SAMPLE_MAX_WEIGHT, ai: 1, real: 1 });
    const modelIds = Object.keys(cal.weights).filter((id) => id.startsWith('model.'));
    expect(modelIds.length).toBeGreaterThan(0);
    expect(modelIds.sort()).toEqual(Object.keys(oos.evidence).sort());
    for (const id of modelIds) {
      const c = oos.evidence[id];
      const llr = Math.log((c.ai + 1) / 3) - Math.log((c.real + 1) / 3);
      expect(Math.abs(cal.weights[id])).toBeLessThanOrEqual(OUT_OF_SAMPLE_MAX_WEIGHT);
      if (id === 'model.npr.uncertain') expect(cal.weights[id]).toBe(0);
      else if (cal.weights[id] !== 0) expect(cal.weights[id]).toBeCloseTo(llr, 3);
    }
  }, 120_000);

  it('uses every file for calibration when there is no source_repo column', async () => {
    const out = join(dir, 'calibration-all.json');
    const r = await run('no-source.csv', out, false);
    expect(r.heldOut).toBeNull();
    const cal = JSON.parse(readFileSync(out, 'utf8')) as CalibrationFile;
    expect(cal.heldOutSources).toEqual([]);
    expect(cal.counts).toMatchObject({ ai: 1, real: 1 });
  });

  it('prints a table by default', async () => {
    const lines: string[] = [];
    await evaluate({ manifest: join(dir, 'manifest.csv'), json: false, equalise: false }, (s) => lines.push(s));
    const text = lines.join('\n');
    expect(text).toContain('ROC AUC of the risk score');
    expect(text).toContain('Held-out sources — AI vs real: 1 AI, 1 real');
    expect(text).toContain('missing.jpg: No such file');
    expect(text).toMatch(/provenance\.generator\.a1111\s+0 0\.0%\s+0 0\.0%\s+3 100\.0%/);
    expect(text).toContain('Detector statistics on their own');
    expect(text).toMatch(/model\.npr\s+score\s+as received\s+all\s+9\s+4\/5/);
    expect(text).toContain('Held-out sources, model weights cross-fitted');
    // The equalised rows, from the first run's result.
    expect(firstResult).toBeDefined();
    expect(renderEvaluation(firstResult!)).toMatch(/pixels\.ela\s+ratio\s+JPEG q90 \(equalised\)\s+held-out\s+2\s+1\/1/);
  }, 120_000);

  it('rejects a manifest without a label column', async () => {
    await expect(run('no-label.csv')).rejects.toBeInstanceOf(ManifestError);
  });
});

describe('calibrate', () => {
  it('clips to ±3, rounds to 3 decimals, zeroes decisive ids and skips claim-context evidence', () => {
    const sample = (cls: string, ...ids: string[]) => ({ cls, inSplit: true, evidence: ids.map((id) => ({ id })) });
    const samples = [
      ...Array.from({ length: 200 }, () => sample('ai', 'x.ai-only')),
      ...Array.from({ length: 200 }, () => sample('real', 'x.real-only')),
      sample('real', 'x.real-only', 'x.once'),
      { cls: 'ai', inSplit: false, evidence: [{ id: 'x.decisive', decisive: true }, { id: 'x.held-out' }] },
      { cls: 'ai', inSplit: true, evidence: [{ id: 'claim.timeline.before-order', family: 'claim' }] },
    ];
    const cal = calibrate(samples, { source: 'm.csv', heldOutSources: [], generatedAt: '2026-11-25T00:00:00.000Z' });
    // 201 AI (one only in the claim family), 201 real: ln(201/203) − ln(1/203) ≈ 5.3, clipped
    expect(cal.weights['x.ai-only']).toBe(3);
    expect(cal.weights['x.real-only']).toBe(-3);
    // ln(1/203) − ln(2/203) = −ln 2
    expect(cal.weights['x.once']).toBe(-0.693);
    expect(cal.weights['x.decisive']).toBe(0);
    expect(cal.weights).not.toHaveProperty('x.held-out');
    expect(cal.weights).not.toHaveProperty('claim.timeline.before-order');
    expect(cal.counts).toMatchObject({ ai: 201, real: 201 });
  });
});

const evidenceItem = (id: string, family: Evidence['family'], points: Evidence['points'], data?: Record<string, unknown>, weight = 0): Evidence => ({
  id,
  family,
  points,
  weight,
  title: id,
  detail: '',
  ...(data ? { data } : {}),
});

describe('detector statistics', () => {
  it('reads the numeric statistic of a detector from its evidence data', () => {
    const evidence = [
      evidenceItem('metadata.camera.absent', 'metadata', 'neutral', { ratio: 9 }),
      evidenceItem('pixels.ela.uniform', 'pixels', 'neutral', { ratio: 2.5, analysedSize: '100×100' }),
    ];
    expect(statisticOf(evidence, 'pixels.ela', 'ratio')).toBe(2.5);
    expect(statisticOf(evidence, 'pixels.ela', 'analysedSize')).toBeUndefined();
    expect(statisticOf(evidence, 'pixels.noise', 'outlierShare')).toBeUndefined();
  });

  it('computes each statistic’s AUC and TPR on all files and held out, per condition', () => {
    const ela = (ratio: number) => [evidenceItem('pixels.ela.uniform', 'pixels', 'neutral', { ratio })];
    const model = (score: number) => [evidenceItem('model.npr.uncertain', 'model', 'neutral', { score })];
    const samples = [
      // AI 3, 4, 5 against real 1, 2, 3.5: 8 of 9 pairs ranked right.
      { cls: 'ai', heldOut: false, evidence: [...ela(3), ...model(0.9)], equalised: ela(1) },
      { cls: 'ai', heldOut: true, evidence: [...ela(4), ...model(0.8)], equalised: ela(2) },
      { cls: 'ai', heldOut: true, evidence: ela(5), equalised: ela(3) },
      { cls: 'real', heldOut: false, evidence: [...ela(1), ...model(0.1)], equalised: ela(4) },
      { cls: 'real', heldOut: true, evidence: [...ela(2), ...model(0.85)], equalised: ela(5) },
      { cls: 'real', heldOut: true, evidence: ela(3.5), equalised: ela(6) },
      // Left out: no class, or not analysed.
      { cls: 'excluded', heldOut: true, evidence: ela(100) },
      { cls: 'ai', heldOut: true },
    ];
    const rows = detectorSeparation(samples, true);
    const row = (condition: string, detector: string) => rows.find((r) => r.condition === condition && r.detector === detector)!;

    const elaAll = row('as-received', 'pixels.ela');
    expect(elaAll.all).toMatchObject({ files: 6, ai: 3, real: 3, unscored: 0 });
    expect(elaAll.all.rocAuc).toBeCloseTo(8 / 9, 4);
    // Held out: AI 4, 5 against real 2, 3.5 — all four pairs right.
    expect(elaAll.heldOut).toMatchObject({ files: 4, ai: 2, real: 2, rocAuc: 1 });
    expect(elaAll.heldOut?.tprAt1PctFpr).toEqual({ tpr: 1, fpr: 0, threshold: 4 });

    // Equalised, the order is reversed.
    expect(row('equalised', 'pixels.ela').all).toMatchObject({ files: 6, rocAuc: 0 });

    // The model fired on four files only; the others count as unscored.
    const npr = row('as-received', 'model.npr');
    expect(npr.all).toMatchObject({ files: 4, ai: 2, real: 2, unscored: 2 });
    // 0.9 > 0.85 > 0.8 > 0.1: pairs (0.9,0.1) (0.9,0.85) (0.8,0.1) right, (0.8,0.85) wrong.
    expect(npr.all.rocAuc).toBe(0.75);
    expect(npr.heldOut).toMatchObject({ files: 2, ai: 1, real: 1, unscored: 2, rocAuc: 0 });
    expect(row('equalised', 'model.npr').all).toMatchObject({ files: 0, unscored: 6, rocAuc: null });

    // Without held-out files there is no held-out column; without equalised evidence no equalised rows.
    const plain = detectorSeparation(samples.map(({ equalised: _e, ...rest }) => rest), false);
    expect(plain.every((r) => r.condition === 'as-received' && r.heldOut === null)).toBe(true);
    expect(plain).toHaveLength(DETECTOR_STATISTICS.length);
  });
});

describe('model weights from held-out files', () => {
  const modelSample = (cls: string, bin: 'likely-ai' | 'uncertain' | 'likely-real', source = 's', inSplit = false) => ({
    cls,
    source,
    inSplit,
    evidence: [
      { id: `model.npr.${bin}`, family: 'model', points: bin === 'likely-ai' ? 'ai' : bin === 'likely-real' ? 'authentic' : 'neutral' },
      { id: 'metadata.camera.absent', family: 'metadata', points: 'neutral' },
    ],
  });
  const llr = (kAi: number, nAi: number, kReal: number, nReal: number) => Math.log((kAi + 1) / (nAi + 2)) - Math.log((kReal + 1) / (nReal + 2));

  it('fits the smoothed log-likelihood ratio of the model’s bins, capped and in their direction', () => {
    const samples = [
      ...Array.from({ length: 6 }, () => modelSample('ai', 'likely-ai')),
      ...Array.from({ length: 4 }, () => modelSample('ai', 'uncertain')),
      ...Array.from({ length: 8 }, () => modelSample('real', 'uncertain')),
      ...Array.from({ length: 2 }, () => modelSample('real', 'likely-real')),
      modelSample('excluded', 'likely-ai'),
    ];
    const { weights, counts } = fitOutOfSampleWeights(samples);
    expect(counts).toMatchObject({ ai: 10, real: 10 });
    expect(Object.keys(weights).sort()).toEqual(['model.npr.likely-ai', 'model.npr.likely-real', 'model.npr.uncertain']);
    // ln(7/12) − ln(1/12) = ln 7 ≈ 1.95, capped.
    expect(llr(6, 10, 0, 10)).toBeGreaterThan(OUT_OF_SAMPLE_MAX_WEIGHT);
    expect(weights['model.npr.likely-ai']).toBe(OUT_OF_SAMPLE_MAX_WEIGHT);
    // The neutral bin stays at 0 although it is commoner in real photos here.
    expect(Math.abs(llr(4, 10, 8, 10))).toBeGreaterThan(0.5);
    expect(weights['model.npr.uncertain']).toBe(0);
    expect(weights['model.npr.likely-real']).toBeCloseTo(llr(0, 10, 2, 10), 3);
    // Other families are not fitted here.
    expect(weights).not.toHaveProperty('metadata.camera.absent');

    // A "likely real" bin seen more often in AI images cannot raise the score.
    const reversed = fitOutOfSampleWeights([modelSample('ai', 'likely-real'), modelSample('ai', 'likely-real'), modelSample('real', 'uncertain')]);
    expect(reversed.weights['model.npr.likely-real']).toBe(0);
    // With one class missing there is nothing to fit.
    const oneClass = fitOutOfSampleWeights([modelSample('ai', 'likely-ai'), modelSample('ai', 'uncertain')]);
    expect(Object.values(oneClass.weights)).toEqual([0, 0]);
  });

  it('calibrate() counts the model on held-out files only, everything else on the calibration split', () => {
    const samples = [
      // Calibration split: the model's own training sources, where it says "likely AI" for every real photo.
      ...Array.from({ length: 5 }, () => modelSample('real', 'likely-ai', 'train', true)),
      ...Array.from({ length: 5 }, () => modelSample('ai', 'uncertain', 'train', true)),
      // Held out: "likely AI" for 3 of 4 AI images and 0 of 4 real photos.
      ...Array.from({ length: 3 }, () => modelSample('ai', 'likely-ai', 'held')),
      modelSample('ai', 'uncertain', 'held'),
      ...Array.from({ length: 4 }, () => modelSample('real', 'uncertain', 'held')),
    ];
    const cal = calibrate(samples, { source: 'm.csv', heldOutSources: ['held'], generatedAt: '2026-11-26T00:00:00.000Z' });
    expect(cal.weights['model.npr.likely-ai']).toBeCloseTo(llr(3, 4, 0, 4), 3);
    expect(cal.weights['model.npr.uncertain']).toBe(0);
    expect(cal.counts).toMatchObject({ ai: 5, real: 5 });
    expect(cal.counts.evidence).not.toHaveProperty('model.npr.likely-ai');
    expect(cal.counts.outOfSample).toMatchObject({ ai: 4, real: 4, evidence: { 'model.npr.likely-ai': { ai: 3, real: 0 } } });
    // Metadata still comes from the calibration split (fires everywhere: ln(6/7) − ln(6/7) = 0).
    expect(cal.weights['metadata.camera.absent']).toBe(0);
    expect(cal.counts.evidence['metadata.camera.absent']).toEqual({ ai: 5, real: 5 });
  });

  it('cross-fits by source: each source gets the weights fitted without it', () => {
    const samples = [
      modelSample('ai', 'likely-ai', 'A'),
      modelSample('ai', 'likely-ai', 'A'),
      modelSample('real', 'uncertain', 'A'),
      modelSample('ai', 'uncertain', 'B'),
      modelSample('real', 'uncertain', 'B'),
      modelSample('real', 'likely-ai', 'C'),
      modelSample('ai', 'likely-ai', 'C'),
    ];
    const folds = leaveOneSourceOut(samples);
    expect(folds.map((f) => [f.source, f.files])).toEqual([
      ['A', 3],
      ['B', 2],
      ['C', 2],
    ]);
    for (const fold of folds) {
      expect(fold.weights).toEqual(fitOutOfSampleWeights(samples.filter((s) => s.source !== fold.source), new Map(samples.flatMap((s) => s.evidence.map((e) => [e.id, e.points])))).weights);
    }
    // Without A: likely-ai fires in 1 of 2 AI (C) and 1 of 2 real (C) → 0.
    expect(folds[0].weights['model.npr.likely-ai']).toBe(0);
    // Without C: 2 of 3 AI, 0 of 2 real → ln(3/5) − ln(1/4).
    expect(folds[2].weights['model.npr.likely-ai']).toBeCloseTo(llr(2, 3, 0, 2), 3);
  });

  it('rescore() replaces only the model’s weights and recomputes the risk', () => {
    const evidence = [
      evidenceItem('metadata.camera.absent', 'metadata', 'neutral', undefined, 0.865),
      evidenceItem('metadata.dimensions.generator-size', 'metadata', 'ai', undefined, 2.497),
      evidenceItem('model.npr.likely-ai', 'model', 'ai', { score: 0.8 }, 0),
    ];
    const report = { evidence, risk: combine(evidence) } as unknown as Report;
    expect(rescore(report, { 'model.npr.likely-ai': 0 }).risk).toEqual(report.risk);
    const raised = rescore(report, { 'model.npr.likely-ai': 1.5 });
    expect(raised.evidence.map((e) => e.weight)).toEqual([0.865, 2.497, 1.5]);
    expect(raised.risk.score).toBe(Math.round(100 / (1 + Math.exp(-(CALIBRATION.prior + 0.865 + 2.497 + 1.5)))));
    // Two families now raise the score, so high is reachable.
    expect(raised.risk.level).toBe('high');
    expect(rescore(report, {}).evidence[2].weight).toBe(0);
  });
});
