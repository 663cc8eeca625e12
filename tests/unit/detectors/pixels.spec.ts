/**
 * Pixel forensics (pixels.ela, pixels.noise, pixels.spectrum) on synthetic images built here
 * from a seeded PRNG: a photo-like picture (smooth shading plus sensor-like grain), the same
 * with a pasted patch, and a picture enlarged ×2 by nearest neighbour. Checks the evidence
 * bins, that the maps point at the patch, the map shapes, the JPEG round-trip model against
 * jpeg-js, and prints the detectors' run time on a 4000×3000 JPEG (not asserted).
 */
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lib/engine/detector';
import type { EngineHost, Pixels } from '../../../lib/engine/host';
import { nodeHost } from '../../../lib/engine/host-node';
import { createInput, type AnalysisInput } from '../../../lib/engine/inputs';
import { sniffFormat } from '../../../lib/engine/format';
import type { Heatmap, Spectrum } from '../../../lib/engine/types';
import { cellBounds, cellGrid, cellMedians, grey, quantile } from '../../../lib/detectors/pixels/common';
import { errorLevel, lumaQuantTable, measureEla, recompressionError } from '../../../lib/detectors/pixels/ela';
import { measureNoise, noiseConsistency } from '../../../lib/detectors/pixels/noise';
import { fft, measureSpectrum, spectralFingerprint } from '../../../lib/detectors/pixels/spectrum';
import { COMMON_PARAMS, ELA_PARAMS, NOISE_PARAMS, SPECTRUM_PARAMS } from '../../../lib/detectors/pixels/params';

function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Smooth shading plus Gaussian grain of `sigma` grey levels per channel. */
function photo(width: number, height: number, sigma: number, seed: number): Pixels {
  const rand = prng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const base = 128 + 50 * Math.sin(x / 37) * Math.cos(y / 53) + 20 * Math.sin((x + y) / 17);
      const p = (y * width + x) * 4;
      data[p] = base + 10 + sigma * gauss();
      data[p + 1] = base + sigma * gauss();
      data[p + 2] = base - 10 + sigma * gauss();
      data[p + 3] = 255;
    }
  }
  return { width, height, data };
}

function jpegRoundTrip(px: Pixels, quality: number): Pixels {
  const encoded = jpeg.encode({ width: px.width, height: px.height, data: px.data }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true, formatAsRGBA: true });
  return { width: decoded.width, height: decoded.height, data: new Uint8ClampedArray(decoded.data.buffer) };
}

interface Rect {
  x: number;
  y: number;
  size: number;
}

/** `dst` with the square `rect` taken from `src` (same size images). */
function paste(dst: Pixels, src: Pixels, rect: Rect): Pixels {
  const data = dst.data.slice();
  for (let y = rect.y; y < rect.y + rect.size; y++) {
    const o = (y * dst.width + rect.x) * 4;
    data.set(src.data.subarray(o, o + rect.size * 4), o);
  }
  return { ...dst, data };
}

function enlargeNearest(px: Pixels, factor: number): Pixels {
  const width = px.width * factor;
  const height = px.height * factor;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s = (Math.floor(y / factor) * px.width + Math.floor(x / factor)) * 4;
      data.set(px.data.subarray(s, s + 4), (y * width + x) * 4);
    }
  return { width, height, data };
}

/** The engine's shared inputs over given pixels (a PNG of that size as far as the detectors know). */
function inputOf(px: Pixels): AnalysisInput {
  const host: EngineHost = { ...nodeHost, decodePixels: async () => px };
  return createInput(new Uint8Array(0), {}, { format: 'png', width: px.width, height: px.height }, host);
}

async function runOne(detector: { run(input: AnalysisInput): Promise<Finding[]> }, px: Pixels): Promise<Finding> {
  const findings = await detector.run(inputOf(px));
  expect(findings).toHaveLength(1);
  return findings[0];
}

/** Whether the peak cell's bounds overlap the rectangle (with no more than half a cell outside it). */
function insideRect(bounds: { x0: number; x1: number; y0: number; y1: number }, rect: Rect): boolean {
  const cx = (bounds.x0 + bounds.x1) / 2;
  const cy = (bounds.y0 + bounds.y1) / 2;
  return cx >= rect.x && cx <= rect.x + rect.size && cy >= rect.y && cy <= rect.y + rect.size;
}

function expectMap(visual: Finding['visual']): Heatmap {
  expect(visual?.kind).toBe('heatmap');
  const map = visual as Heatmap;
  expect(map.width).toBe(64);
  expect(map.height).toBe(64);
  expect(map.values).toHaveLength(64 * 64);
  expect(map.min).toBe(Math.min(...map.values));
  expect(map.max).toBe(Math.max(...map.values));
  expect(map.max).toBeGreaterThan(map.min);
  expect(map.label.length).toBeGreaterThan(0);
  return map;
}

/** Index of the largest map value → its bounds in a `width`×`height` image. */
function mapPeak(map: Heatmap, width: number, height: number) {
  const index = map.values.indexOf(map.max);
  return cellBounds(index, { cells: map.width, width, height });
}

const SIZE = 512;
const PATCH: Rect = { x: 256, y: 128, size: 160 };
const BIG_PATCH: Rect = { x: 192, y: 128, size: 256 };

describe('pixels.ela', () => {
  const compressed = jpegRoundTrip(photo(SIZE, SIZE, 4, 1), 90);
  const pasted = paste(compressed, photo(SIZE, SIZE, 8, 2), PATCH);

  it('a photo saved once at quality 90 re-compresses evenly (uniform, neutral)', async () => {
    const f = await runOne(errorLevel, compressed);
    expect(f.id).toBe('pixels.ela.uniform');
    expect(f.points).toBe('neutral');
    expect(f.data?.ratio).toBeLessThan(ELA_PARAMS.localisedRatio.value);
    expectMap(f.visual);
  });

  it('a patch pasted after the compression stands out (localised, edited) and the map points at it', async () => {
    const f = await runOne(errorLevel, pasted);
    expect(f.id).toBe('pixels.ela.localised');
    expect(f.points).toBe('edited');
    expect(f.data).toMatchObject({ quality: 90, threshold: ELA_PARAMS.localisedRatio.value, downscaled: false });
    expect(f.data?.ratio).toBeGreaterThanOrEqual(ELA_PARAMS.localisedRatio.value);
    const map = expectMap(f.visual);
    expect(insideRect(mapPeak(map, SIZE, SIZE), PATCH)).toBe(true);
    expect(insideRect(measureEla(pasted)!.peak, PATCH)).toBe(true);
  });

  it('the round-trip model matches a real JPEG encode/decode (jpeg-js, 4:4:4) closely', () => {
    const original = photo(256, 256, 4, 7);
    const model = recompressionError(grey(original), 256, 256, 90);
    const real = grey(jpegRoundTrip(original, 90));
    const luma = grey(original);
    let modelMean = 0;
    let realMean = 0;
    for (let i = 0; i < luma.length; i++) {
      modelMean += model[i] / luma.length;
      realMean += Math.abs(real[i] - luma[i]) / luma.length;
    }
    expect(Math.abs(modelMean - realMean) / realMean).toBeLessThan(0.1);
  });

  it('quality tables follow the IJG scaling', () => {
    expect(lumaQuantTable(50)[0]).toBe(16);
    expect(lumaQuantTable(90)[0]).toBe(3);
    expect(lumaQuantTable(100).every((q) => q === 1)).toBe(true);
  });

  it('gives nothing for images smaller than the map', async () => {
    expect(await errorLevel.run(inputOf(photo(40, 200, 4, 3)))).toEqual([]);
  });
});

describe('pixels.noise', () => {
  const noisy = photo(SIZE, SIZE, 4, 4);

  it('even grain is consistent (neutral)', async () => {
    const f = await runOne(noiseConsistency, noisy);
    expect(f.id).toBe('pixels.noise.consistent');
    expect(f.points).toBe('neutral');
    expectMap(f.visual);
  });

  it('a pasted grain-free patch is inconsistent (edited) and the most outlying cell lies in it', async () => {
    const px = paste(noisy, photo(SIZE, SIZE, 0, 5), BIG_PATCH);
    const f = await runOne(noiseConsistency, px);
    expect(f.id).toBe('pixels.noise.inconsistent');
    expect(f.points).toBe('edited');
    expect(f.data?.outlierShare).toBeGreaterThanOrEqual(NOISE_PARAMS.inconsistentShare.value);
    const map = expectMap(f.visual);
    const minIndex = map.values.indexOf(map.min);
    expect(insideRect(cellBounds(minIndex, { cells: 64, width: SIZE, height: SIZE }), BIG_PATCH)).toBe(true);
    expect(insideRect(measureNoise(px)!.peak, BIG_PATCH)).toBe(true);
  });

  it('a pasted grainier patch is inconsistent and the map maximum lies in it', async () => {
    const px = paste(noisy, photo(SIZE, SIZE, 14, 6), BIG_PATCH);
    const f = await runOne(noiseConsistency, px);
    expect(f.id).toBe('pixels.noise.inconsistent');
    expect(insideRect(mapPeak(expectMap(f.visual), SIZE, SIZE), BIG_PATCH)).toBe(true);
  });

  it('maps non-square images onto 64×64 cells', async () => {
    const f = await runOne(noiseConsistency, photo(300, 120, 4, 8));
    expectMap(f.visual);
  });
});

describe('pixels.spectrum', () => {
  it('a picture enlarged ×2 by nearest neighbour has periodic peaks at a 2-pixel spacing (context: cameras make them too)', async () => {
    const px = enlargeNearest(photo(256, 256, 4, 9), 2);
    const f = await runOne(spectralFingerprint, px);
    expect(f.id).toBe('pixels.spectrum.periodic-peaks');
    expect(f.points).toBe('neutral');
    expect(f.data).toMatchObject({ patternSpacingPixels: 2, cropSize: 256, crops: 4 });
    expect(f.data?.peakRatio).toBeGreaterThanOrEqual(SPECTRUM_PARAMS.periodicRatio.value);
    const visual = f.visual as Spectrum;
    expect(visual.kind).toBe('spectrum');
    expect(visual.size).toBe(64);
    expect(visual.values).toHaveLength(64 * 64);
    expect(visual.values.every(Number.isFinite)).toBe(true);
  });

  it('random grain has no periodic peaks (neutral)', async () => {
    const f = await runOne(spectralFingerprint, photo(SIZE, SIZE, 4, 10));
    expect(f.id).toBe('pixels.spectrum.no-peaks');
    expect(f.points).toBe('neutral');
  });

  it('small images use one smaller crop', () => {
    const m = measureSpectrum(photo(200, 150, 4, 11))!;
    expect(m.size).toBe(128);
    expect(m.crops).toBe(1);
  });

  it('reads full-resolution crops when the working copy is downscaled', async () => {
    const px = enlargeNearest(photo(600, 400, 4, 12), 2);
    const f = await runOne(spectralFingerprint, px);
    expect(f.data).toMatchObject({ resolution: 'full', patternSpacingPixels: 2 });
    expect(f.id).toBe('pixels.spectrum.periodic-peaks');
  });

  it('the FFT matches a direct DFT', () => {
    const rand = prng(13);
    const re = Float64Array.from({ length: 16 }, rand);
    const im = new Float64Array(16);
    const expected = Array.from({ length: 16 }, (_, k) => {
      let sr = 0;
      let si = 0;
      for (let t = 0; t < 16; t++) {
        sr += re[t] * Math.cos((-2 * Math.PI * k * t) / 16);
        si += re[t] * Math.sin((-2 * Math.PI * k * t) / 16);
      }
      return [sr, si];
    });
    fft(re, im);
    expected.forEach(([r, i], k) => {
      expect(re[k]).toBeCloseTo(r, 9);
      expect(im[k]).toBeCloseTo(i, 9);
    });
  });
});

describe('shared helpers', () => {
  it('cell medians and quantiles', () => {
    const grid = cellGrid(128, 64, 64);
    const values = Float32Array.from({ length: 128 * 64 }, (_, i) => (i % 128 < 2 && Math.floor(i / 128) < 1 ? 10 : 1));
    const med = cellMedians(values, grid);
    expect(med[0]).toBe(10);
    expect(med[1]).toBe(1);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.99)).toBeCloseTo(9.9);
  });

  it('every parameter says why', () => {
    for (const table of [COMMON_PARAMS, ELA_PARAMS, NOISE_PARAMS, SPECTRUM_PARAMS])
      for (const p of Object.values(table)) expect(p.why.length).toBeGreaterThan(20);
  });
});

describe('run time on a 4000×3000 JPEG (printed, not asserted)', () => {
  it('measures each detector after the shared decode', async () => {
    const width = 4000;
    const height = 3000;
    const rand = prng(14);
    const data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const v = 128 + 60 * Math.sin(x / 91) * Math.cos(y / 67) + 12 * (rand() - 0.5);
        const p = (y * width + x) * 4;
        data[p] = v + 8;
        data[p + 1] = v;
        data[p + 2] = v - 8;
        data[p + 3] = 255;
      }
    const bytes = new Uint8Array(jpeg.encode({ width, height, data }, 90).data);
    const input = createInput(bytes, {}, sniffFormat(bytes), nodeHost);
    let started = performance.now();
    await input.workingPixels();
    const timings: Record<string, number> = { 'decode+downscale': performance.now() - started };
    for (const d of [errorLevel, noiseConsistency, spectralFingerprint]) {
      started = performance.now();
      const findings = await d.run(input);
      timings[d.id] = performance.now() - started;
      expect(findings).toHaveLength(1);
    }
    console.log('pixel detector timings (ms):', Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])));
  }, 120_000);
});
