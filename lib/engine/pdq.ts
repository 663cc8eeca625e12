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

/** Step 1: luminance of RGBA pixels, as floats. */
function luminance(pixels: Pixels): Float32Array {
  const { data } = pixels;
  const a = new Float32Array(pixels.width * pixels.height);
  for (let i = 0, p = 0; i < a.length; i++, p += 4) a[i] = 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
  return a;
}

/** Step 2's blur, in place in `a` (`b` is scratch): the box passes along rows, then columns. */
function blur(a: Float32Array, b: Float32Array, rows: number, cols: number, wRows: number, wCols: number): void {
  for (let pass = 0; pass < PASSES; pass++) {
    for (let r = 0; r < rows; r++) box1D(a, b, r * cols, cols, 1, wRows);
    for (let c = 0; c < cols; c++) box1D(b, a, c, rows, cols, wCols);
  }
}

/** Steps 3–5 on the 64×64 decimated luminance. */
function hashOfGrid(small: Float64Array): PdqHash {
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

export function pdqHash(pixels: Pixels): PdqHash {
  const { width: cols, height: rows } = pixels;
  if (cols < 1 || rows < 1) throw new Error('Cannot hash an empty image');
  const a = luminance(pixels);
  blur(a, new Float32Array(rows * cols), rows, cols, windowSize(cols), windowSize(rows));

  const small = new Float64Array(DIM * DIM);
  for (let i = 0; i < DIM; i++) {
    const ini = Math.floor(((i + 0.5) * rows) / DIM);
    for (let j = 0; j < DIM; j++) {
      const inj = Math.floor(((j + 0.5) * cols) / DIM);
      small[i * DIM + j] = a[ini * cols + inj];
    }
  }
  return hashOfGrid(small);
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

/**
 * Angles a new photo is also turned back by before hashing its centre, so that a copy turned
 * a few degrees (straightened, re-photographed) matches up to about ±5.5°: it is then at most
 * half a degree from one of them (measured on the corpus: half a degree off moves the hash
 * 10 bits in the median, a whole degree 20, two degrees 35).
 */
export const ROTATION_ANGLES: readonly number[] = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5];

/**
 * Match distance for the turned-back hashes: twenty of them are looked up per photo, so they
 * get a stricter distance than PDQ_MATCH_DISTANCE.
 */
export const ROTATED_MATCH_DISTANCE = 24;

/** One turn to undo: by `degrees`, of a copy that kept its canvas (corners uncovered) or was cropped to fill it. */
export interface Turn {
  degrees: number;
  filled?: boolean;
}

export interface QueryVariant {
  hex: string;
  how: 'mirrored' | 'trimmed' | 'cropped' | 'rotated';
  /** Largest distance to a stored hash that counts as the same photo. */
  maxDistance: number;
}

/**
 * Hashes a new photo is looked up with, besides its own: mirrored, borders trimmed, centre,
 * and the centre as it was before each of `angles` was applied, both to a copy that kept its
 * canvas and to one cropped to fill it (they match the stored centre hash).
 */
export function queryVariantHashes(working: Pixels, angles: readonly number[] = ROTATION_ANGLES): QueryVariant[] {
  const out: QueryVariant[] = [{ hex: pdqHash(mirrored(working)).hex, how: 'mirrored', maxDistance: PDQ_MATCH_DISTANCE }];
  const trimmed = trimUniformBorders(working);
  if (trimmed) out.push({ hex: pdqHash(trimmed).hex, how: 'trimmed', maxDistance: PDQ_MATCH_DISTANCE });
  out.push({ hex: pdqHash(centerCrop(working, CROP_KEPT)).hex, how: 'cropped', maxDistance: PDQ_MATCH_DISTANCE });
  if (angles.length && working.width >= 16 && working.height >= 16) {
    const turns = angles.flatMap((degrees): Turn[] => [{ degrees }, { degrees, filled: true }]);
    for (const h of unrotatedCenterHashes(working, CROP_KEPT, turns)) out.push({ hex: h.hex, how: 'rotated', maxDistance: ROTATED_MATCH_DISTANCE });
  }
  return out;
}

/**
 * The picture turned by `degrees` about its centre on a canvas of the same size, bilinear, the
 * uncovered corners white — what straightening or re-photographing a photo does to it.
 * Positive angles turn it clockwise on screen.
 */
export function rotated(pixels: Pixels, degrees: number): Pixels {
  const { width: w, height: h, data } = pixels;
  const out = new Uint8ClampedArray(data.length).fill(255);
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  for (let y = 0; y < h; y++) {
    const dy = y + 0.5 - h / 2;
    for (let x = 0; x < w; x++) {
      const dx = x + 0.5 - w / 2;
      const sx = cos * dx + sin * dy + w / 2 - 0.5;
      const sy = -sin * dx + cos * dy + h / 2 - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const p = (y0 * w + x0) * 4;
      const q = (y * w + x) * 4;
      for (let c = 0; c < 4; c++) {
        const top = data[p + c] * (1 - fx) + data[p + 4 + c] * fx;
        const bottom = data[p + 4 * w + c] * (1 - fx) + data[p + 4 * w + 4 + c] * fx;
        out[q + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * PDQ hashes of the centre of a picture (`kept` of each side) as it was before each turn: for
 * a copy made by `rotated(original, degrees)` the hash of `centerCrop(original, kept)` comes
 * out within a few bits, and so it does with `filled` for that copy cropped to the largest
 * centred rectangle of its shape (what a phone's straighten tool does; the few corner samples
 * that then fall outside the picture take its nearest edge). The luminance is blurred once,
 * with the window the centre crop gets, and sampled at the turned 64×64 grid points (bilinear),
 * so each turn costs a resample and the DCT, not a pass over the picture. Pictures over 512
 * pixels on both sides are blurred at half resolution (means of 2×2 pixels, half the window),
 * which moves a few bits and quarters the cost.
 */
export function unrotatedCenterHashes(pixels: Pixels, kept: number, turns: readonly Turn[]): PdqHash[] {
  if (pixels.width < 2 || pixels.height < 2) throw new Error('Cannot hash an empty image');
  const half = Math.min(pixels.width, pixels.height) > 512 ? 2 : 1;
  const cols = Math.floor(pixels.width / half);
  const rows = Math.floor(pixels.height / half);
  // The centre crop, in the picture's pixels.
  const cw = Math.max(1, Math.round(pixels.width * kept));
  const ch = Math.max(1, Math.round(pixels.height * kept));
  const x0 = Math.floor((pixels.width - cw) / 2);
  const y0 = Math.floor((pixels.height - ch) / 2);
  const a = half === 1 ? luminance(pixels) : halfLuminance(pixels, cols, rows);
  blur(a, new Float32Array(rows * cols), rows, cols, windowSize(Math.round(cw / half)), windowSize(Math.round(ch / half)));
  const cx = pixels.width / 2;
  const cy = pixels.height / 2;
  return turns.map(({ degrees, filled }) => {
    const cos = Math.cos((degrees * Math.PI) / 180);
    const sin = Math.sin((degrees * Math.PI) / 180);
    // A copy cropped to fill shows the original enlarged by 1 / fillScale.
    const zoom = filled ? fillScale(pixels.width, pixels.height, degrees) : 1;
    const small = new Float64Array(DIM * DIM);
    for (let i = 0; i < DIM; i++) {
      const dy = (y0 + Math.floor(((i + 0.5) * ch) / DIM) + 0.5 - cy) / zoom;
      for (let j = 0; j < DIM; j++) {
        const dx = (x0 + Math.floor(((j + 0.5) * cw) / DIM) + 0.5 - cx) / zoom;
        // Where the grid point lies in the turned copy, in the blurred buffer's pixel centres.
        const sx = Math.min(cols - 1.001, Math.max(0, (cos * dx - sin * dy + cx) / half - 0.5));
        const sy = Math.min(rows - 1.001, Math.max(0, (sin * dx + cos * dy + cy) / half - 0.5));
        const xi = Math.floor(sx);
        const yi = Math.floor(sy);
        const fx = sx - xi;
        const fy = sy - yi;
        const p = yi * cols + xi;
        small[i * DIM + j] = (a[p] * (1 - fx) + a[p + 1] * fx) * (1 - fy) + (a[p + cols] * (1 - fx) + a[p + cols + 1] * fx) * fy;
      }
    }
    return hashOfGrid(small);
  });
}

/** Share of each side kept when a w×h picture turned by `degrees` is cropped to fill its frame. */
export function fillScale(w: number, h: number, degrees: number): number {
  const a = Math.abs((degrees * Math.PI) / 180);
  return Math.min(w / (w * Math.cos(a) + h * Math.sin(a)), h / (w * Math.sin(a) + h * Math.cos(a)));
}

/** Luminance averaged over 2×2 blocks, `cols`×`rows` of them. */
function halfLuminance(pixels: Pixels, cols: number, rows: number): Float32Array {
  const { width, data } = pixels;
  const a = new Float32Array(rows * cols);
  const y = (p: number) => 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const p = (2 * r * width + 2 * c) * 4;
      const q = p + width * 4;
      a[r * cols + c] = (y(p) + y(p + 4) + y(q) + y(q + 4)) / 4;
    }
  return a;
}
