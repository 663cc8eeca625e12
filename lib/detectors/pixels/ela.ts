/**
 * pixels.ela — error level analysis. The working copy's brightness (JPEG's Y channel) goes
 * through one JPEG compression round trip at ELA_PARAMS.quality (8×8 DCT, the IJG luminance
 * table scaled to that quality, quantisation, inverse DCT); the absolute change per pixel is
 * the error level, and the map is its mean per cell. Regions that already went through a
 * similar compression change little; regions pasted, retouched or regenerated afterwards
 * usually change more. Statistic: the 99th-percentile cell over the median cell.
 *
 * The round trip is computed here rather than with an encoder library: the entropy coding a
 * real encoder adds is lossless, so the result equals an encode/decode with 4:4:4 sampling,
 * it is identical in Node and in the browser worker (jpeg-js's encoder needs Node's Buffer),
 * and it is fast enough for the budget. Only luma is used: chroma in camera JPEGs is
 * subsampled, so its error level reflects the subsampling rather than edits.
 *
 * Fine texture always re-compresses worse than flat areas, and a downscaled working copy no
 * longer lines up with the original 8×8 grid; the detail text says both.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { Pixels } from '../../engine/host';
import { say, t } from '../../i18n/messages';
import { argmax, cellBounds, cellGrid, cellMeans, grey, heatmapOf, median, quantile, significant } from './common';
import { COMMON_PARAMS, ELA_PARAMS, valuesOf } from './params';

const P = valuesOf(ELA_PARAMS);
const C = valuesOf(COMMON_PARAMS);

/** The bins and their explanations (catalogue: pixels.ela.*). */
export const ELA_TEXTS = {
  localised: { points: 'edited', key: 'pixels.ela.localised' },
  uniform: { points: 'neutral', key: 'pixels.ela.uniform' },
  mapLabel: t('pixels.ela.mapLabel'),
} as const;

/** IJG (libjpeg) standard luminance quantisation table, natural (row-major) order. */
const LUMA_TABLE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/** The luminance table scaled to an IJG quality (1–100), as libjpeg and jpeg-js do. */
export function lumaQuantTable(quality: number): Float64Array {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const scale = q < 50 ? 5000 / q : 200 - 2 * q;
  return Float64Array.from(LUMA_TABLE, (t) => Math.min(255, Math.max(1, Math.floor((t * scale + 50) / 100))));
}

/** Scaled cosines of the orthonormal 8-point DCT-II: A[k] = cos(kπ/16) / 2, K0 = 1/(2√2). */
const A1 = 0.5 * Math.cos(Math.PI / 16);
const A2 = 0.5 * Math.cos((2 * Math.PI) / 16);
const A3 = 0.5 * Math.cos((3 * Math.PI) / 16);
const A5 = 0.5 * Math.cos((5 * Math.PI) / 16);
const A6 = 0.5 * Math.cos((6 * Math.PI) / 16);
const A7 = 0.5 * Math.cos((7 * Math.PI) / 16);
const K0 = 0.5 * Math.SQRT1_2;

/** Forward 8-point DCT (JPEG's, orthonormal) of b[o], b[o+s], … b[o+7s], in place (even/odd split). */
function dct8(b: Float64Array, o: number, s: number): void {
  const x0 = b[o], x1 = b[o + s], x2 = b[o + 2 * s], x3 = b[o + 3 * s];
  const x4 = b[o + 4 * s], x5 = b[o + 5 * s], x6 = b[o + 6 * s], x7 = b[o + 7 * s];
  const s0 = x0 + x7, s1 = x1 + x6, s2 = x2 + x5, s3 = x3 + x4;
  const d0 = x0 - x7, d1 = x1 - x6, d2 = x2 - x5, d3 = x3 - x4;
  b[o] = K0 * (s0 + s1 + s2 + s3);
  b[o + 4 * s] = K0 * (s0 - s1 - s2 + s3);
  b[o + 2 * s] = A2 * (s0 - s3) + A6 * (s1 - s2);
  b[o + 6 * s] = A6 * (s0 - s3) - A2 * (s1 - s2);
  b[o + s] = A1 * d0 + A3 * d1 + A5 * d2 + A7 * d3;
  b[o + 3 * s] = A3 * d0 - A7 * d1 - A1 * d2 - A5 * d3;
  b[o + 5 * s] = A5 * d0 - A1 * d1 + A7 * d2 + A3 * d3;
  b[o + 7 * s] = A7 * d0 - A5 * d1 + A3 * d2 - A1 * d3;
}

/** Inverse of dct8 (its transpose), in place. */
function idct8(b: Float64Array, o: number, s: number): void {
  const X0 = b[o], X1 = b[o + s], X2 = b[o + 2 * s], X3 = b[o + 3 * s];
  const X4 = b[o + 4 * s], X5 = b[o + 5 * s], X6 = b[o + 6 * s], X7 = b[o + 7 * s];
  const e0 = K0 * (X0 + X4) + A2 * X2 + A6 * X6;
  const e1 = K0 * (X0 - X4) + A6 * X2 - A2 * X6;
  const e2 = K0 * (X0 - X4) - A6 * X2 + A2 * X6;
  const e3 = K0 * (X0 + X4) - A2 * X2 - A6 * X6;
  const o0 = A1 * X1 + A3 * X3 + A5 * X5 + A7 * X7;
  const o1 = A3 * X1 - A7 * X3 - A1 * X5 - A5 * X7;
  const o2 = A5 * X1 - A1 * X3 + A7 * X5 + A3 * X7;
  const o3 = A7 * X1 - A5 * X3 + A3 * X5 - A1 * X7;
  b[o] = e0 + o0;
  b[o + 7 * s] = e0 - o0;
  b[o + s] = e1 + o1;
  b[o + 6 * s] = e1 - o1;
  b[o + 2 * s] = e2 + o2;
  b[o + 5 * s] = e2 - o2;
  b[o + 3 * s] = e3 + o3;
  b[o + 4 * s] = e3 - o3;
}

/**
 * Absolute change of each pixel's luma after one JPEG round trip at `quality`, aligned to
 * the image's own 8×8 grid (edge blocks are padded by repeating the last row/column).
 */
export function recompressionError(luma: Float32Array, width: number, height: number, quality: number): Float32Array {
  const table = lumaQuantTable(quality);
  const err = new Float32Array(width * height);
  const blk = new Float64Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let y = 0; y < 8; y++) {
        const row = Math.min(height - 1, by + y) * width;
        for (let x = 0; x < 8; x++) blk[y * 8 + x] = luma[row + Math.min(width - 1, bx + x)] - 128;
      }
      for (let i = 0; i < 8; i++) dct8(blk, i * 8, 1);
      for (let i = 0; i < 8; i++) dct8(blk, i, 8);
      for (let i = 0; i < 64; i++) blk[i] = Math.round(blk[i] / table[i]) * table[i];
      for (let i = 0; i < 8; i++) idct8(blk, i, 8);
      for (let i = 0; i < 8; i++) idct8(blk, i * 8, 1);
      for (let y = 0; y < 8 && by + y < height; y++) {
        const row = (by + y) * width + bx;
        for (let x = 0; x < 8 && bx + x < width; x++) {
          const decoded = Math.min(255, Math.max(0, Math.round(blk[y * 8 + x] + 128)));
          err[row + x] = Math.abs(decoded - luma[row + x]);
        }
      }
    }
  }
  return err;
}

export interface ElaMeasurement {
  /** Mean error per map cell (grey levels), row-major, mapCells². */
  cells: Float64Array;
  /** 99th-percentile cell over the median cell. */
  ratio: number;
  medianCell: number;
  highCell: number;
  meanError: number;
  /** The cell with the largest error and its bounds in the measured image. */
  peak: ReturnType<typeof cellBounds>;
}

/** The ELA statistic of an image, or undefined when it is too small to map. */
export function measureEla(px: Pixels, quality: number = P.quality): ElaMeasurement | undefined {
  const cells = C.mapCells;
  if (px.width < Math.max(cells, C.minSide) || px.height < Math.max(cells, C.minSide)) return undefined;
  const error = recompressionError(grey(px), px.width, px.height, quality);
  const grid = cellGrid(px.width, px.height, cells);
  const means = cellMeans(error, grid);
  const medianCell = median(means);
  const highCell = quantile(means, P.blockPercentile);
  let total = 0;
  for (let i = 0; i < error.length; i++) total += error[i];
  return {
    cells: means,
    ratio: highCell / Math.max(medianCell, P.minMedianError),
    medianCell,
    highCell,
    meanError: total / error.length,
    peak: cellBounds(argmax(means), grid),
  };
}

export const errorLevel = defineDetector({
  id: 'pixels.ela',
  family: 'pixels',
  async run(input) {
    const px = await input.workingPixels();
    const m = measureEla(px);
    if (!m) return [];
    const localised = m.ratio >= P.localisedRatio;
    const texts = localised ? ELA_TEXTS.localised : ELA_TEXTS.uniform;
    const finding: Finding = {
      id: localised ? 'pixels.ela.localised' : 'pixels.ela.uniform',
      points: texts.points,
      ...say(texts.key),
      data: {
        ratio: significant(m.ratio),
        threshold: P.localisedRatio,
        medianCellError: significant(m.medianCell),
        highCellError: significant(m.highCell),
        meanError: significant(m.meanError),
        quality: P.quality,
        analysedSize: `${px.width}×${px.height}`,
        downscaled: px.width < input.info.width || px.height < input.info.height,
      },
      visual: heatmapOf(m.cells, C.mapCells, ELA_TEXTS.mapLabel),
    };
    return [finding];
  },
});
