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
import { calibrate, evaluate, FORMAT_IDS, HELD_OUT_SOURCES, MAX_WEIGHT, type CalibrationFile, type EvalResult } from '../../cli/eval';
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

async function run(manifest: string, writeCalibration?: string): Promise<EvalResult> {
  const lines: string[] = [];
  await evaluate({ manifest: join(dir, manifest), json: true, writeCalibration }, (s) => lines.push(s));
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
    const r = await run('manifest.csv', out);
    const cal = JSON.parse(readFileSync(out, 'utf8')) as CalibrationFile;

    expect(Object.keys(cal)).toEqual(['prior', 'weights', 'generatedAt', 'source', 'heldOutSources', 'counts']);
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
  });

  it('uses every file for calibration when there is no source_repo column', async () => {
    const out = join(dir, 'calibration-all.json');
    const r = await run('no-source.csv', out);
    expect(r.heldOut).toBeNull();
    const cal = JSON.parse(readFileSync(out, 'utf8')) as CalibrationFile;
    expect(cal.heldOutSources).toEqual([]);
    expect(cal.counts).toMatchObject({ ai: 1, real: 1 });
  });

  it('prints a table by default', async () => {
    const lines: string[] = [];
    await evaluate({ manifest: join(dir, 'manifest.csv'), json: false }, (s) => lines.push(s));
    const text = lines.join('\n');
    expect(text).toContain('ROC AUC of the risk score');
    expect(text).toContain('Held-out sources — AI vs real: 1 AI, 1 real');
    expect(text).toContain('missing.jpg: No such file');
    expect(text).toMatch(/provenance\.generator\.a1111\s+0 0\.0%\s+0 0\.0%\s+3 100\.0%/);
  });

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
