/**
 * PDQ, the 256-bit perceptual hash Meta published for trust-and-safety photo matching,
 * implemented from its published description (hashing.pdf and the reference
 * implementations' documented steps):
 *   1. luminance Y = 0.299 R + 0.587 G + 0.114 B, as floats;
 *   2. two passes of a Jarosz box filter along rows then columns, window
 *      ⌊(old + 2·64 − 1) / (2·64)⌋, then decimation to 64×64 at the window centres;
 *   3. quality = Σ|vertical and horizontal neighbour differences| (scaled to 0–100 per pair) / 90, capped at 100;
 *   4. the 16×16 low-frequency block of a 64×64 DCT-II (rows 1–16, skipping DC);
 *   5. bit i·16+j is 1 when coefficient (i, j) exceeds the median of the 256 coefficients;
 *      hex: sixteen 16-bit words printed from the last to the first.
 * Two photos are the same picture when their hashes differ in at most 31 bits (Meta's threshold).
 */
import type { Pixels } from './host';

const DIM = 64;
const PASSES = 2;
export const PDQ_MATCH_DISTANCE = 31;

export interface PdqHash {
  /** 64 hex digits. */
  hex: string;
  /** 0–100: below about 50 the picture is too flat to hash reliably. */
  quality: number;
}

function windowSize(oldDim: number): number {
  return Math.floor((oldDim + 2 * DIM - 1) / (2 * DIM));
}

/** One Jarosz box pass over a strided vector, as the reference implementation's box1DFloat. */
function box1D(input: Float32Array, output: Float32Array, start: number, length: number, stride: number, full: number) {
  const half = Math.floor((full + 2) / 2);
  const phase1 = half - 1;
  const phase2 = full - half + 1;
  const phase3 = length - full;
  const phase4 = half - 1;
  let li = start;
  let ri = start;
  let oi = start;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < phase1; i++) {
    sum += input[ri];
    count++;
    ri += stride;
  }
  for (let i = 0; i < phase2; i++) {
    sum += input[ri];
    count++;
    output[oi] = sum / count;
    ri += stride;
    oi += stride;
  }
  for (let i = 0; i < phase3; i++) {
    sum += input[ri] - input[li];
    output[oi] = sum / count;
    li += stride;
    ri += stride;
    oi += stride;
  }
  for (let i = 0; i < phase4; i++) {
    sum -= input[li];
    count--;
    output[oi] = sum / count;
    li += stride;
    oi += stride;
  }
}

let dctMatrix: Float64Array | undefined;
/** D[i][j] = √(2/64) · cos(π/128 · (i+1) · (2j+1)), i < 16, j < 64. */
function dct(): Float64Array {
  if (dctMatrix) return dctMatrix;
  const m = new Float64Array(16 * DIM);
  const scale = Math.sqrt(2 / DIM);
  for (let i = 0; i < 16; i++) for (let j = 0; j < DIM; j++) m[i * DIM + j] = scale * Math.cos((Math.PI / 2 / DIM) * (i + 1) * (2 * j + 1));
  return (dctMatrix = m);
}

function median(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function pdqHash(pixels: Pixels): PdqHash {
  const { width: cols, height: rows, data } = pixels;
  if (cols < 1 || rows < 1) throw new Error('Cannot hash an empty image');
  const a = new Float32Array(rows * cols);
  const b = new Float32Array(rows * cols);
  for (let i = 0, p = 0; i < a.length; i++, p += 4) a[i] = 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];

  const wRows = windowSize(cols);
  const wCols = windowSize(rows);
  for (let pass = 0; pass < PASSES; pass++) {
    for (let r = 0; r < rows; r++) box1D(a, b, r * cols, cols, 1, wRows);
    for (let c = 0; c < cols; c++) box1D(b, a, c, rows, cols, wCols);
  }

  const small = new Float64Array(DIM * DIM);
  for (let i = 0; i < DIM; i++) {
    const ini = Math.floor(((i + 0.5) * rows) / DIM);
    for (let j = 0; j < DIM; j++) {
      const inj = Math.floor(((j + 0.5) * cols) / DIM);
      small[i * DIM + j] = a[ini * cols + inj];
    }
  }

  let gradient = 0;
  for (let i = 0; i < DIM - 1; i++)
    for (let j = 0; j < DIM; j++) gradient += Math.trunc(Math.abs(((small[i * DIM + j] - small[(i + 1) * DIM + j]) * 100) / 255));
  for (let i = 0; i < DIM; i++)
    for (let j = 0; j < DIM - 1; j++) gradient += Math.trunc(Math.abs(((small[i * DIM + j] - small[i * DIM + j + 1]) * 100) / 255));
  const quality = Math.min(100, Math.trunc(gradient / 90));

  const d = dct();
  const t = new Float64Array(16 * DIM);
  for (let i = 0; i < 16; i++)
    for (let j = 0; j < DIM; j++) {
      let s = 0;
      for (let k = 0; k < DIM; k++) s += d[i * DIM + k] * small[k * DIM + j];
      t[i * DIM + j] = s;
    }
  const coeffs = new Float64Array(256);
  for (let i = 0; i < 16; i++)
    for (let j = 0; j < 16; j++) {
      let s = 0;
      for (let k = 0; k < DIM; k++) s += t[i * DIM + k] * d[j * DIM + k];
      coeffs[i * 16 + j] = s;
    }

  const m = median(coeffs);
  const words = new Uint16Array(16);
  for (let k = 0; k < 256; k++) if (coeffs[k] > m) words[k >> 4] |= 1 << (k & 15);
  let hex = '';
  for (let w = 15; w >= 0; w--) hex += words[w].toString(16).padStart(4, '0');
  return { hex, quality };
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, i) => {
  let n = 0;
  for (let v = i; v; v >>= 1) n += v & 1;
  return n;
});

/** Number of differing bits between two 64-hex-digit hashes. */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 64; i += 2) d += POPCOUNT[parseInt(a.slice(i, i + 2), 16) ^ parseInt(b.slice(i, i + 2), 16)];
  return d;
}

/** The picture mirrored left–right: a reused photo is often flipped to dodge matching. */
export function mirrored(pixels: Pixels): Pixels {
  const { width, height, data } = pixels;
  const out = new Uint8ClampedArray(data.length);
  const src = new Uint32Array(data.buffer, data.byteOffset, width * height);
  const dst = new Uint32Array(out.buffer);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) dst[row + x] = src[row + width - 1 - x];
  }
  return { width, height, data: out };
}

/** The central part of a picture, `fraction` of each side (a crop of the edges). */
export function centerCrop(pixels: Pixels, fraction: number): Pixels {
  const w = Math.max(1, Math.round(pixels.width * fraction));
  const h = Math.max(1, Math.round(pixels.height * fraction));
  const x0 = Math.floor((pixels.width - w) / 2);
  const y0 = Math.floor((pixels.height - h) / 2);
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) out.set(pixels.data.subarray(((y + y0) * pixels.width + x0) * 4, ((y + y0) * pixels.width + x0 + w) * 4), y * w * 4);
  return { width: w, height: h, data: out };
}

/** Largest share of a side that border trimming may remove. */
const MAX_TRIM = 0.35;

/** Whether row `index` (or column, within rows from..to) has nearly one brightness. */
function lineIsUniform(px: Pixels, index: number, horizontal: boolean, from = 0, to = horizontal ? px.width - 1 : px.height - 1): boolean {
  let sum = 0;
  let sq = 0;
  const n = to - from + 1;
  for (let i = from; i <= to; i++) {
    const p = (horizontal ? index * px.width + i : i * px.width + index) * 4;
    const y = 0.299 * px.data[p] + 0.587 * px.data[p + 1] + 0.114 * px.data[p + 2];
    sum += y;
    sq += y * y;
  }
  const mean = sum / n;
  return sq / n - mean * mean < 9;
}

/**
 * The picture without the flat bands around it — the margins and status bars a screenshot of a
 * photo adds: flat rows first, then flat columns within the rows that are left. Returns
 * undefined when there is nothing to trim.
 */
export function trimUniformBorders(px: Pixels): Pixels | undefined {
  let top = 0;
  let bottom = px.height - 1;
  let left = 0;
  let right = px.width - 1;
  const maxRows = Math.floor(px.height * MAX_TRIM);
  const maxCols = Math.floor(px.width * MAX_TRIM);
  while (top < maxRows && lineIsUniform(px, top, true)) top++;
  while (px.height - 1 - bottom < maxRows && lineIsUniform(px, bottom, true)) bottom--;
  while (left < maxCols && lineIsUniform(px, left, false, top, bottom)) left++;
  while (px.width - 1 - right < maxCols && lineIsUniform(px, right, false, top, bottom)) right--;
  const w = right - left + 1;
  const h = bottom - top + 1;
  if ((w === px.width && h === px.height) || w < 16 || h < 16) return undefined;
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) out.set(px.data.subarray(((y + top) * px.width + left) * 4, ((y + top) * px.width + left + w) * 4), y * w * 4);
  return { width: w, height: h, data: out };
}

/** Fraction of each side kept by the extra hash that makes edge crops of about 10% match. */
export const CROP_KEPT = 0.9;

/** Hashes stored with a sighting besides the full picture's: its centre, to match cropped copies. */
export function storedVariantHashes(working: Pixels): string[] {
  return [pdqHash(centerCrop(working, CROP_KEPT)).hex];
}

/** Hashes a new photo is looked up with, besides its own: mirrored, borders trimmed, centre. */
export function queryVariantHashes(working: Pixels): { hex: string; how: 'mirrored' | 'trimmed' | 'cropped' }[] {
  const out: { hex: string; how: 'mirrored' | 'trimmed' | 'cropped' }[] = [{ hex: pdqHash(mirrored(working)).hex, how: 'mirrored' }];
  const trimmed = trimUniformBorders(working);
  if (trimmed) out.push({ hex: pdqHash(trimmed).hex, how: 'trimmed' });
  out.push({ hex: pdqHash(centerCrop(working, CROP_KEPT)).hex, how: 'cropped' });
  return out;
}
