/**
 * Helpers shared by the pixel-forensics detectors: grey conversion, per-cell statistics over
 * the fixed map grid, robust summary statistics and building the Heatmap that goes into the
 * evidence. Pure functions over typed arrays; no decoding (the detectors get pixels from the
 * shared inputs) and no texts.
 */
import type { Pixels } from '../../engine/host';
import type { Heatmap } from '../../engine/types';

const greyCache = new WeakMap<Pixels, Float32Array>();

/**
 * ITU-R BT.601 luma (the Y of JPEG's YCbCr), as floats in 0–255. Computed once per pixel
 * buffer (the working copy is shared by the detectors); callers must not modify the result.
 */
export function grey(px: Pixels): Float32Array {
  const cached = greyCache.get(px);
  if (cached) return cached;
  const n = px.width * px.height;
  const out = new Float32Array(n);
  const d = px.data;
  for (let i = 0, p = 0; i < n; i++, p += 4) out[i] = 0.299 * d[p] + 0.587 * d[p + 1] + 0.114 * d[p + 2];
  greyCache.set(px, out);
  return out;
}

/** Luma of a rectangle of an image, without copying the rest of it. */
export function greyCrop(px: Pixels, x0: number, y0: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const d = px.data;
  for (let y = 0; y < h; y++) {
    let p = ((y0 + y) * px.width + x0) * 4;
    const row = y * w;
    for (let x = 0; x < w; x++, p += 4) out[row + x] = 0.299 * d[p] + 0.587 * d[p + 1] + 0.114 * d[p + 2];
  }
  return out;
}

/**
 * The map cell of every pixel: cells split the image into `cells × cells` rectangles of
 * (nearly) equal size, whatever its aspect ratio. Needs width and height ≥ cells.
 */
export interface CellGrid {
  cells: number;
  width: number;
  height: number;
  /** Cell index (row-major, 0 … cells²−1) of each pixel. */
  cellOf: Int32Array;
}

export function cellGrid(width: number, height: number, cells: number): CellGrid {
  const col = new Int32Array(width);
  for (let x = 0; x < width; x++) col[x] = Math.floor((x * cells) / width);
  const cellOf = new Int32Array(width * height);
  for (let y = 0; y < height; y++) {
    const rowBase = Math.floor((y * cells) / height) * cells;
    const o = y * width;
    for (let x = 0; x < width; x++) cellOf[o + x] = rowBase + col[x];
  }
  return { cells, width, height, cellOf };
}

/** Mean of `values` per cell; NaN values are skipped (a cell with none left gets 0). */
export function cellMeans(values: Float32Array, grid: CellGrid): Float64Array {
  const n = grid.cells * grid.cells;
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  const { cellOf } = grid;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    sum[cellOf[i]] += v;
    count[cellOf[i]]++;
  }
  for (let c = 0; c < n; c++) sum[c] = count[c] ? sum[c] / count[c] : 0;
  return sum;
}

/** Share of pixels per cell whose value is ≤ `low` or ≥ `high`. */
export function cellShareOutside(values: Float32Array, grid: CellGrid, low: number, high: number): Float64Array {
  const n = grid.cells * grid.cells;
  const hit = new Float64Array(n);
  const count = new Float64Array(n);
  const { cellOf } = grid;
  for (let i = 0; i < values.length; i++) {
    const c = cellOf[i];
    count[c]++;
    const v = values[i];
    if (v <= low || v >= high) hit[c]++;
  }
  for (let c = 0; c < n; c++) hit[c] = count[c] ? hit[c] / count[c] : 0;
  return hit;
}

/** Median of `values` per cell; NaN values are skipped (a cell with none left gets 0). */
export function cellMedians(values: Float32Array, grid: CellGrid): Float64Array {
  const n = grid.cells * grid.cells;
  const { cellOf } = grid;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) start[cellOf[i] + 1]++;
  for (let c = 0; c < n; c++) start[c + 1] += start[c];
  const fill = start.slice(0, n);
  const gathered = new Float32Array(start[n]);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) gathered[fill[cellOf[i]]++] = v;
  }
  const out = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const lo = start[c];
    const len = start[c + 1] - lo;
    if (!len) continue;
    const mid = lo + (len >> 1);
    const upper = selectKth(gathered, lo, lo + len - 1, mid);
    if (len % 2) {
      out[c] = upper;
    } else {
      // After selection everything left of `mid` is ≤ it: the lower middle is their maximum.
      let lower = gathered[lo];
      for (let i = lo + 1; i < mid; i++) if (gathered[i] > lower) lower = gathered[i];
      out[c] = (lower + upper) / 2;
    }
  }
  return out;
}

/**
 * Hoare's selection: reorders a[lo..hi] so that a[k] holds the value it would have if sorted,
 * smaller-or-equal values before it and greater-or-equal after; returns a[k].
 */
export function selectKth(a: Float32Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const m = (lo + hi) >> 1;
    // Median of three as pivot.
    if (a[m] < a[lo]) swap(a, m, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[m]) swap(a, hi, m);
    const pivot = a[m];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

function swap(a: Float32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** The q-quantile (0–1) of a list of numbers, linear between ranks. Empty lists give NaN. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (!sorted.length) return NaN;
  const pos = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: ArrayLike<number>): number => quantile(values, 0.5);

/** Scaled median absolute deviation: a robust standard deviation (1.4826 · MAD). */
export function robustSpread(values: ArrayLike<number>, centre: number = median(values)): number {
  const dev = Float64Array.from(values, (v) => Math.abs(v - centre));
  return 1.4826 * median(dev);
}

/** Rounds to a fixed number of significant digits, to keep reports small. */
export function significant(x: number, digits = 3): number {
  if (!Number.isFinite(x) || x === 0) return Number.isFinite(x) ? 0 : x;
  return Number(x.toPrecision(digits));
}

/** The Heatmap evidence visual of a per-cell array. */
export function heatmapOf(values: ArrayLike<number>, cells: number, label: string): Heatmap {
  const rounded = Array.from(values, (v) => significant(v, 3));
  let min = Infinity;
  let max = -Infinity;
  for (const v of rounded) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { kind: 'heatmap', width: cells, height: cells, values: rounded, min, max, label };
}

/** Row and column (in cells) of a cell index, plus the cell's bounds in the image. */
export function cellBounds(index: number, grid: Pick<CellGrid, 'cells' | 'width' | 'height'>) {
  const row = Math.floor(index / grid.cells);
  const col = index % grid.cells;
  const x0 = Math.ceil((col * grid.width) / grid.cells);
  const x1 = Math.ceil(((col + 1) * grid.width) / grid.cells);
  const y0 = Math.ceil((row * grid.height) / grid.cells);
  const y1 = Math.ceil(((row + 1) * grid.height) / grid.cells);
  return { row, col, x0, x1, y0, y1 };
}

/** Index of the largest value (first one on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
