/**
 * metadata.dimensions — image sizes that AI generators produce by default (square 512/768/
 * 1024, SDXL and Flux aspect buckets, DALL-E and Midjourney sizes) versus sizes that camera
 * sensors produce. Weak evidence either way: anyone can resize a picture.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import { say } from '../../i18n/messages';

const pairs = (list: [number, number][]) => new Set(list.flatMap(([w, h]) => [`${w}x${h}`, `${h}x${w}`]));

/** Default output sizes of popular generators (both orientations). */
export const GENERATOR_SIZES = pairs([
  [256, 256], [512, 512], [768, 768], [1024, 1024], [1536, 1536], [2048, 2048],
  [512, 768], [512, 640], [576, 768], [640, 768], [768, 1344],
  // SDXL / SD3 / Flux aspect buckets
  [896, 1152], [832, 1216], [768, 1344], [640, 1536], [1024, 1536], [832, 1248], [864, 1152],
  [1152, 896], [896, 1088], [1088, 1920],
  // DALL-E 3, Midjourney, Imagen / Gemini, GPT-image
  [1024, 1792], [816, 1456], [928, 1232], [896, 1344], [1024, 1536], [1152, 2048], [1408, 768], [1280, 896],
]);

/** Pixel counts of common camera and phone sensors (both orientations). */
export const CAMERA_SIZES = pairs([
  [4032, 3024], [4000, 3000], [4624, 3472], [4080, 3072], [3264, 2448], [2592, 1944], [2048, 1536],
  [1600, 1200], [3648, 2736], [4608, 3456], [5184, 3456], [6000, 4000], [6240, 4160], [5472, 3648],
  [4928, 3264], [3008, 2000], [3072, 2304], [2272, 1704], [2816, 2112], [3264, 1836], [4000, 2250],
  [8064, 6048], [5712, 4284], [4284, 5712], [9248, 6936], [12000, 9000], [4096, 3072], [3456, 4608],
  [2560, 1920], [1280, 960], [640, 480],
]);

export const dimensions = defineDetector({
  id: 'metadata.dimensions',
  family: 'metadata',
  async run(input) {
    const { width, height } = input.info;
    if (!width || !height) return [];
    const key = `${width}x${height}`;
    const data = { width, height, megapixels: Math.round((width * height) / 1e4) / 100 };
    const findings: Finding[] = [];
    if (GENERATOR_SIZES.has(key)) {
      findings.push({
        id: 'metadata.dimensions.generator-size',
        points: 'ai',
        ...say('metadata.dimensions.generator-size', { width, height }),
        data,
      });
    } else if (width % 64 === 0 && height % 64 === 0 && Math.max(width, height) <= 2048) {
      findings.push({
        id: 'metadata.dimensions.multiple-of-64',
        points: 'ai',
        ...say('metadata.dimensions.multiple-of-64'),
        data,
      });
    } else if (CAMERA_SIZES.has(key)) {
      findings.push({
        id: 'metadata.dimensions.camera-size',
        points: 'authentic',
        ...say('metadata.dimensions.camera-size', { width, height }),
        data,
      });
    }
    return findings;
  },
});
