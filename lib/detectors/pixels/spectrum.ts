/**
 * pixels.spectrum — spectral fingerprint of the noise residual. Upsampling layers of image
 * generators (and nearest-neighbour or other simple enlargements) repeat a pattern every 2, 4
 * or 8 pixels; in the Fourier spectrum of the fine detail that shows as sharp peaks at 1/2,
 * 1/4 and 1/8 of the sampling frequency. The residual is the luma's 4-neighbour Laplacian;
 * its magnitude (minus its mean) is what is transformed, because a pattern that repeats in
 * strength but not in sign (two equal pixels, then a step) only shows there. Each crop is
 * Hann-windowed; power spectra of up to SPECTRUM_PARAMS.maxCrops crops are averaged.
 *
 * Statistic: at each candidate frequency (multiples of N/8 along both axes, except 0), its
 * power over the median power of the ring around it; the largest such ratio decides the bin.
 * Both bins point nowhere ('neutral'): on the corpus such peaks are more common in camera
 * photos than in AI images (SPECTRUM_PARAMS.periodicRatio says how much), because JPEG's
 * 8×8 blocks and the camera's colour-filter interpolation put energy at the same frequencies.
 *
 * Fine generator artefacts do not survive the downscaled working copy, so when the image is
 * larger than the working copy the crops come from the full-resolution pixels (shared with the
 * other checks; only the crops are read).
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { Pixels } from '../../engine/host';
import type { Spectrum } from '../../engine/types';
import { say, t } from '../../i18n/messages';
import { greyCrop, median, significant } from './common';
import { COMMON_PARAMS, SPECTRUM_PARAMS, valuesOf } from './params';

const P = valuesOf(SPECTRUM_PARAMS);
const C = valuesOf(COMMON_PARAMS);

/** The bins and their explanations (catalogue: pixels.spectrum.*). */
export const SPECTRUM_TEXTS = {
  'periodic-peaks': { points: 'neutral', key: 'pixels.spectrum.periodic-peaks' },
  'no-peaks': { points: 'neutral', key: 'pixels.spectrum.no-peaks' },
  label: t('pixels.spectrum.label'),
} as const;

/** In-place iterative radix-2 FFT of a complex sequence; `re.length` must be a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    const half = len >> 1;
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < half; k++) {
        const a = i + k;
        const b = a + half;
        const xr = re[b] * cr - im[b] * ci;
        const xi = re[b] * ci + im[b] * cr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
}

/** Power spectrum (|F|², row-major, DC at index 0) of a real n×n array; rows then columns. */
export function powerSpectrum2d(values: Float64Array, n: number): Float64Array {
  const re = Float64Array.from(values);
  const im = new Float64Array(n * n);
  const rowRe = new Float64Array(n);
  const rowIm = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    rowRe.set(re.subarray(y * n, y * n + n));
    rowIm.fill(0);
    fft(rowRe, rowIm);
    re.set(rowRe, y * n);
    im.set(rowIm, y * n);
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      rowRe[y] = re[y * n + x];
      rowIm[y] = im[y * n + x];
    }
    fft(rowRe, rowIm);
    for (let y = 0; y < n; y++) {
      re[y * n + x] = rowRe[y];
      im[y * n + x] = rowIm[y];
    }
  }
  const power = new Float64Array(n * n);
  for (let i = 0; i < power.length; i++) power[i] = re[i] * re[i] + im[i] * im[i];
  return power;
}

/** Windowed, mean-removed magnitude of the 4-neighbour Laplacian of an n×n luma crop. */
function residualEnergy(luma: Float32Array, n: number, hann: Float64Array): Float64Array {
  const e = new Float64Array(n * n);
  let sum = 0;
  for (let y = 0; y < n; y++) {
    const ym = y > 0 ? y - 1 : 1;
    const yp = y < n - 1 ? y + 1 : n - 2;
    for (let x = 0; x < n; x++) {
      const xm = x > 0 ? x - 1 : 1;
      const xp = x < n - 1 ? x + 1 : n - 2;
      const v = 4 * luma[y * n + x] - luma[ym * n + x] - luma[yp * n + x] - luma[y * n + xm] - luma[y * n + xp];
      const a = v < 0 ? -v : v;
      e[y * n + x] = a;
      sum += a;
    }
  }
  const mean = sum / e.length;
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) e[y * n + x] = (e[y * n + x] - mean) * hann[y] * hann[x];
  return e;
}

/** Crop origins: a 2×2 tile around the centre when the image holds it, else one central crop. */
function cropOrigins(width: number, height: number, n: number, max: number): [number, number][] {
  const cx = Math.floor(width / 2);
  const cy = Math.floor(height / 2);
  if (max >= 4 && width >= 2 * n && height >= 2 * n) {
    return [
      [cx - n, cy - n],
      [cx, cy - n],
      [cx - n, cy],
      [cx, cy],
    ];
  }
  return [[Math.floor((width - n) / 2), Math.floor((height - n) / 2)]];
}

export interface SpectrumMeasurement {
  /** Crop side N (power of two). */
  size: number;
  crops: number;
  /** Averaged power spectrum, N×N, DC at index 0. */
  power: Float64Array;
  /** Largest peak-to-ring ratio over the candidate frequencies. */
  peakRatio: number;
  /** The candidate frequency with that ratio, in cycles per pixel (fx, fy). */
  peakAt: [number, number];
  /** Spacing in pixels of the repeating pattern that frequency belongs to. */
  period: 2 | 4 | 8;
  /** Largest peak-to-ring ratio per pattern spacing (2, 4 and 8 pixels). */
  byPeriod: Record<number, number>;
}

/** Largest power of two ≤ x. */
const floorPow2 = (x: number) => 2 ** Math.floor(Math.log2(x));

export function measureSpectrum(px: Pixels): SpectrumMeasurement | undefined {
  const side = Math.min(px.width, px.height);
  if (side < C.minSide || side < P.minCropSize) return undefined;
  const n = Math.min(P.cropSize, floorPow2(side));
  const hann = Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)));
  const origins = cropOrigins(px.width, px.height, n, P.maxCrops);
  const power = new Float64Array(n * n);
  for (const [x0, y0] of origins) {
    const p = powerSpectrum2d(residualEnergy(greyCrop(px, x0, y0, n, n), n, hann), n);
    for (let i = 0; i < power.length; i++) power[i] += p[i] / origins.length;
  }
  const step = n / 8;
  const at = (u: number, v: number) => power[(((v % n) + n) % n) * n + (((u % n) + n) % n)];
  const byPeriod: Record<number, number> = { 2: 0, 4: 0, 8: 0 };
  let best = 0;
  let bestAt: [number, number] = [0, 0];
  for (let v = 0; v <= n / 2; v += step) {
    for (let u = -n / 2 + step; u <= n / 2; u += step) {
      if (v === 0 && u <= 0) continue;
      const ring: number[] = [];
      for (let dv = -P.ringOuter; dv <= P.ringOuter; dv++)
        for (let du = -P.ringOuter; du <= P.ringOuter; du++)
          if (Math.max(Math.abs(du), Math.abs(dv)) >= P.ringInner) ring.push(at(u + du, v + dv));
      const ratio = at(u, v) / Math.max(median(ring), 1e-12);
      const period = periodOf(u, v, n);
      if (ratio > byPeriod[period]) byPeriod[period] = ratio;
      if (ratio > best) {
        best = ratio;
        bestAt = [u / n, v / n];
      }
    }
  }
  return { size: n, crops: origins.length, power, peakRatio: best, peakAt: bestAt, period: periodOf(bestAt[0] * n, bestAt[1] * n, n), byPeriod };
}

/**
 * The coarsest repeat that puts energy at frequency (u, v) of an n-point spectrum: 2 for
 * components at n/2 only, 4 when one is at n/4, else 8 (n/8 and 3n/8).
 */
function periodOf(u: number, v: number, n: number): 2 | 4 | 8 {
  const parts = [Math.abs(u), Math.abs(v)].filter((f) => f > 0);
  if (parts.some((f) => f % (n / 4) !== 0)) return 8;
  if (parts.some((f) => f === n / 4)) return 4;
  return 2;
}

/** The Spectrum visual: log₁₀ power with DC in the middle, max-pooled to cells × cells so single-bin peaks stay visible. */
export function spectrumVisual(power: Float64Array, n: number, cells: number, label: string): Spectrum {
  const out = Math.min(cells, n);
  const k = n / out;
  const values = new Array<number>(out * out).fill(-Infinity);
  for (let y = 0; y < n; y++) {
    const sy = Math.floor(((y + n / 2) % n) / k);
    for (let x = 0; x < n; x++) {
      const sx = Math.floor(((x + n / 2) % n) / k);
      const v = Math.log10(power[y * n + x] + 1e-9);
      if (v > values[sy * out + sx]) values[sy * out + sx] = v;
    }
  }
  return { kind: 'spectrum', size: out, values: values.map((v) => significant(v, 3)), label };
}

export const spectralFingerprint = defineDetector({
  id: 'pixels.spectrum',
  family: 'pixels',
  async run(input) {
    const working = await input.workingPixels();
    const fullSize = working.width < input.info.width || working.height < input.info.height;
    const px = fullSize ? await input.pixels() : working;
    const m = measureSpectrum(px);
    if (!m) return [];
    const periodic = m.peakRatio >= P.periodicRatio;
    const bin = periodic ? 'periodic-peaks' : 'no-peaks';
    const finding: Finding = {
      id: `pixels.spectrum.${bin}`,
      points: SPECTRUM_TEXTS[bin].points,
      ...say(SPECTRUM_TEXTS[bin].key),
      data: {
        peakRatio: significant(m.peakRatio),
        threshold: P.periodicRatio,
        peakFrequency: m.peakAt.map((f) => significant(f)),
        patternSpacingPixels: m.period,
        cropSize: m.size,
        crops: m.crops,
        resolution: fullSize ? 'full' : 'working copy (same as full)',
      },
      visual: spectrumVisual(m.power, m.size, C.mapCells, SPECTRUM_TEXTS.label),
    };
    return [finding];
  },
});
