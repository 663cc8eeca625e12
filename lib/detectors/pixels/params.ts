/**
 * The parameters of the pixel-forensics detectors (pixels.ela, pixels.noise, pixels.spectrum),
 * each with its value and the reason for it, in one place. The detectors read only the values;
 * the reasons are for the next person who tunes them (and for any "about this check" view).
 *
 * Thresholds that decide an evidence id's bin were chosen on the development corpus
 * (../shared/corpus: 170 decodable real photos, 173 AI images; HEIC/AVIF/WebP files are not
 * decodable in Node and were left out). None of the three statistics separates AI from real
 * there once every image is re-encoded the same way (JPEG quality 90) before measuring, so the
 * thresholds are not AI/real cut-offs: the ELA and noise thresholds sit at about the 90th
 * percentile of the real photos ("more unusual than nine genuine photos in ten"), the spectrum
 * threshold at a clear peak. Each `why` gives the corpus numbers. Changing a threshold changes
 * which evidence ids fire, so rerun `claimlens eval --write-calibration` afterwards.
 */

export interface Param {
  readonly value: number;
  readonly why: string;
}

type ParamTable = Readonly<Record<string, Param>>;
type Values<T extends ParamTable> = { readonly [K in keyof T]: number };

/** The bare values of a parameter table, for the detector's code. */
export function valuesOf<T extends ParamTable>(table: T): Values<T> {
  const out: Record<string, number> = {};
  for (const [k, p] of Object.entries(table)) out[k] = p.value;
  return out as Values<T>;
}

/** Shared by the three detectors. */
export const COMMON_PARAMS = {
  mapCells: {
    value: 64,
    why:
      'Every heat map is 64×64 cells whatever the image size, so the panel draws all maps the same way. ' +
      'On the 1024-pixel working copy a cell is about 16×12 pixels: large enough for a stable statistic, small enough to outline a pasted object.',
  },
  minSide: {
    value: 64,
    why: 'Images with a side under 64 pixels cannot fill one pixel per map cell; they are icons, not claim photos, and get no pixel evidence.',
  },
} as const satisfies ParamTable;

export const ELA_PARAMS = {
  quality: {
    value: 90,
    why:
      'The re-compression quality (IJG scale). 90 is what phones and most websites save at: regions that already went through ' +
      'such a compression change little, regions added afterwards (or never compressed) change more. Lower qualities hide that difference under their own error.',
  },
  blockPercentile: {
    value: 0.99,
    why: 'The localisation statistic compares the 99th-percentile cell with the median cell: a pasted object of 1% of the picture or more reaches the 99th percentile.',
  },
  minMedianError: {
    value: 0.05,
    why: 'Floor (grey levels) for the median cell error, so that a flat synthetic picture with almost no error does not produce an infinite ratio.',
  },
  localisedRatio: {
    value: 4,
    why:
      'Ratio from which the error is called localised: about the 90th percentile of the corpus\'s real photos (fires on 10.6% of them, on 24.9% of AI images). ' +
      'Texture alone gives 1.5–4 (fine texture always re-compresses worse than flat areas). The AI/real difference (ROC AUC 0.70) comes from compression history, ' +
      'not from the images being AI: after re-encoding every image at quality 90 it inverts to 0.41 (6.5% real, 4.6% AI fire).',
  },
} as const satisfies ParamTable;

export const NOISE_PARAMS = {
  clippedLevel: {
    value: 3,
    why: 'Pixels this close (grey levels) to black or white are clipped: they carry no sensor noise, so their cells are left out of the statistics.',
  },
  clippedShare: {
    value: 0.5,
    why: 'A cell with more than half of its pixels clipped is left out of the statistics (still drawn on the map).',
  },
  sigmaFloor: {
    value: 0.3,
    why: 'Noise below 0.3 grey levels cannot be told apart from the 8-bit rounding of the pixels; weaker estimates are raised to it before taking logarithms.',
  },
  outlierDeviations: {
    value: 3,
    why: 'A cell is an outlier when its noise level is more than 3 robust deviations (scaled MAD of the log noise levels) away from the image median.',
  },
  outlierMinFactor: {
    value: 2,
    why: 'An outlier cell must also differ from the median by at least this factor, so a picture with very even noise does not turn every small wobble into an outlier.',
  },
  inconsistentShare: {
    value: 0.15,
    why:
      'Share of outlier cells from which the noise is called inconsistent: about the 90th percentile of the corpus\'s real photos ' +
      '(fires on 10.6% of them and on 10.4% of AI images; 11.8% and 21.4% after re-encoding every image at quality 90). ' +
      'Shadows, sky and out-of-focus areas give real photos some outliers; a pasted or regenerated region of a sixth of the picture or more goes past it.',
  },
} as const satisfies ParamTable;

export const SPECTRUM_PARAMS = {
  cropSize: {
    value: 256,
    why: 'Side of each square crop (a power of two for the FFT). 256 gives 1/256-cycle frequency resolution, enough to separate the period-2/4/8 peaks from their neighbours.',
  },
  maxCrops: {
    value: 4,
    why: 'Up to four crops (a 2×2 tile around the centre) are averaged: averaging steadies the noise floor while the periodic peaks, present everywhere, stay.',
  },
  minCropSize: {
    value: 64,
    why: 'Smaller images use the largest power-of-two crop that fits, down to 64 pixels.',
  },
  ringInner: {
    value: 2,
    why: 'A candidate peak is compared with the spectrum from 2 to 4 bins around it (Chebyshev distance); the first bin is skipped because windowing spreads a peak into it.',
  },
  ringOuter: {
    value: 4,
    why: 'Outer edge of the comparison ring around a candidate peak.',
  },
  periodicRatio: {
    value: 8,
    why:
      'Peak-to-neighbourhood power ratio from which the spectrum is said to have periodic peaks. Random texture stays under about 4; ' +
      'a grid repeated every 2, 4 or 8 pixels goes well past 8 (×2 nearest-neighbour enlargement: ~50; one JPEG save at quality 90: ~300). ' +
      'On the corpus peaks are more common in real photos (67.6%) than in AI images (42.2%): camera JPEG blocks and colour-filter interpolation ' +
      'leave them too (ROC AUC of the ratio for AI 0.30 raw, 0.31 after re-encoding), so the bin is context, not evidence of AI.',
  },
} as const satisfies ParamTable;
