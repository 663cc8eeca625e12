/**
 * pixels.noise — local noise consistency. A camera sensor leaves fine grain of about the same
 * strength all over a photo; a pasted, inpainted or AI-regenerated region usually has a
 * different grain (often none). The noise residual is the working copy's luma filtered with
 * Immerkær's kernel [1 −2 1; −2 4 −2; 1 −2 1], which cancels flat areas, ramps and straight
 * edges; each map cell's noise level is the robust standard deviation of that residual
 * (1.4826 · median |r| / 6, since the kernel multiplies white noise by 6).
 *
 * Statistics, over cells that are not mostly clipped to black or white: the spread of the
 * log₂ noise levels (scaled MAD) and the share of outlier cells (NOISE_PARAMS). The bin
 * follows the outlier share. Brightness, focus and in-camera denoising also change the grain
 * from one area to another, which the detail text says.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { Pixels } from '../../engine/host';
import { say, t } from '../../i18n/messages';
import { argmax, cellBounds, cellGrid, cellMedians, cellShareOutside, grey, heatmapOf, median, robustSpread, significant } from './common';
import { COMMON_PARAMS, NOISE_PARAMS, valuesOf } from './params';

const P = valuesOf(NOISE_PARAMS);
const C = valuesOf(COMMON_PARAMS);

/** The bins and their explanations (catalogue: pixels.noise.*). */
export const NOISE_TEXTS = {
  inconsistent: { points: 'edited', key: 'pixels.noise.inconsistent' },
  consistent: { points: 'neutral', key: 'pixels.noise.consistent' },
  mapLabel: t('pixels.noise.mapLabel'),
} as const;

/** Immerkær residual of the luma; border pixels (no full 3×3 neighbourhood) are NaN. */
export function noiseResidual(luma: Float32Array, width: number, height: number): Float32Array {
  const r = new Float32Array(width * height).fill(NaN);
  for (let y = 1; y < height - 1; y++) {
    const o = y * width;
    for (let x = 1; x < width - 1; x++) {
      const i = o + x;
      const v =
        luma[i - width - 1] - 2 * luma[i - width] + luma[i - width + 1] -
        2 * luma[i - 1] + 4 * luma[i] - 2 * luma[i + 1] +
        luma[i + width - 1] - 2 * luma[i + width] + luma[i + width + 1];
      r[i] = v < 0 ? -v : v;
    }
  }
  return r;
}

export interface NoiseMeasurement {
  /** Noise level (grey levels) per cell, row-major, mapCells². */
  cells: Float64Array;
  /** Scaled MAD of log₂ noise levels over the analysed cells. */
  spread: number;
  /** Share of analysed cells whose noise level is an outlier. */
  outlierShare: number;
  medianSigma: number;
  analysedCells: number;
  /** The most outlying cell and its bounds in the measured image. */
  peak: ReturnType<typeof cellBounds>;
}

export function measureNoise(px: Pixels): NoiseMeasurement | undefined {
  const cells = C.mapCells;
  if (px.width < Math.max(cells, C.minSide) || px.height < Math.max(cells, C.minSide)) return undefined;
  const luma = grey(px);
  const grid = cellGrid(px.width, px.height, cells);
  const sigma = cellMedians(noiseResidual(luma, px.width, px.height), grid).map((m) => (1.4826 * m) / 6);
  const clipped = cellShareOutside(luma, grid, P.clippedLevel, 255 - P.clippedLevel);
  const logs: number[] = [];
  const index: number[] = [];
  for (let c = 0; c < sigma.length; c++) {
    if (clipped[c] > P.clippedShare) continue;
    logs.push(Math.log2(Math.max(sigma[c], P.sigmaFloor)));
    index.push(c);
  }
  const deviation = new Float64Array(sigma.length);
  let outliers = 0;
  let spread = 0;
  let centre = 0;
  if (logs.length) {
    centre = median(logs);
    spread = robustSpread(logs, centre);
    const limit = Math.max(P.outlierDeviations * spread, Math.log2(P.outlierMinFactor));
    for (let k = 0; k < logs.length; k++) {
      const dev = Math.abs(logs[k] - centre);
      deviation[index[k]] = dev;
      if (dev > limit) outliers++;
    }
  }
  return {
    cells: sigma,
    spread,
    outlierShare: logs.length ? outliers / logs.length : 0,
    medianSigma: 2 ** centre,
    analysedCells: logs.length,
    peak: cellBounds(argmax(deviation), grid),
  };
}

export const noiseConsistency = defineDetector({
  id: 'pixels.noise',
  family: 'pixels',
  async run(input) {
    const px = await input.workingPixels();
    const m = measureNoise(px);
    if (!m) return [];
    const inconsistent = m.outlierShare >= P.inconsistentShare;
    const texts = inconsistent ? NOISE_TEXTS.inconsistent : NOISE_TEXTS.consistent;
    const finding: Finding = {
      id: inconsistent ? 'pixels.noise.inconsistent' : 'pixels.noise.consistent',
      points: texts.points,
      ...say(texts.key),
      data: {
        outlierShare: significant(m.outlierShare),
        threshold: P.inconsistentShare,
        logSpread: significant(m.spread),
        medianNoise: significant(m.medianSigma),
        analysedCells: m.analysedCells,
        analysedSize: `${px.width}×${px.height}`,
        downscaled: px.width < input.info.width || px.height < input.info.height,
      },
      visual: heatmapOf(m.cells, C.mapCells, NOISE_TEXTS.mapLabel),
    };
    return [finding];
  },
});
