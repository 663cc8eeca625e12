/**
 * provenance.watermark: the Stable Diffusion invisible watermark (invisible-watermark dwtDct).
 * Watermarked images are made by tests/tools/watermark-encoder.ts, which reproduces the
 * library's encoder byte for byte; the reading is pinned to the library's own output on a
 * platform-independent image (recorded with OpenCV 4.6 + PyWavelets 1.1 running the steps
 * of imwatermark/maxDct.py).
 *
 * Robustness, measured on the SDXL mark (BGR) in the seeded photo-like images below:
 * matched bits of 48 (separation); decisive needs ≥ 36 and ≥ 8.
 *
 *   image      lossless   JPEG q95    JPEG q90    JPEG q75    resize 90%  resize 50%
 *   512×512    42 (46.5)  45 (54.2)   44 (37.1)   47 (19.2)   27 (-0.1)   27 (0.9)
 *   768×512    41 (39.7)  41 (39.5)   46 (36.2)   46 (16.6)   26 (-0.9)   24 (0.0)
 *
 * JPEG q50 still gave 44 (8.8) and 45 (9.4), just above the gate. jpeg-js writes 4:4:4
 * chroma; phones and browsers mostly write 4:2:0. Simulating that (chroma averaged over 2×2,
 * upsampled with libjpeg's triangle filter) before q95/q90/q75 gave 44–47 bits, separation
 * 9.1–15.8: still decisive, with less margin. Any resize moves the 8-pixel block grid and erases the mark completely (separation
 * ≈ 0). Crops: cutting off the bottom keeps it (41 bits); cutting the right edge changes the
 * number of blocks per row and with it every bit's position (27 bits); an odd number of pixels
 * off the left changes every coefficient (27 bits). Cutting 2, 4, 8 or 16 pixels off the top
 * of the 768×512 image kept it (37–42 bits): even shifts keep the wavelet coefficients.
 */
import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { createHash } from 'node:crypto';
import { analyze } from '../../../lib/engine/analyze';
import { nodeHost } from '../../../lib/engine/host-node';
import type { Pixels } from '../../../lib/engine/host';
import { DETECTORS } from '../../../lib/engine/registry';
import type { Evidence, Report } from '../../../lib/engine/types';
import {
  PAYLOADS,
  chanceOfMatch,
  decodeWatermarkBits,
  invisibleWatermark,
  levelOf,
  levelThresholds,
  readWatermarks,
  strongestReading,
  watermarkFinding,
} from '../../../lib/detectors/provenance/watermark';
import { embedWatermark, integerTestImage, naturalTestImage } from '../../tools/watermark-encoder';

const [SDXL, SD1, SD2] = PAYLOADS;

function toPng(p: Pixels): Uint8Array {
  const png = new PNG({ width: p.width, height: p.height });
  png.data = Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength);
  return new Uint8Array(PNG.sync.write(png));
}

function toJpeg(p: Pixels, quality: number): Uint8Array {
  const encoded = jpeg.encode({ width: p.width, height: p.height, data: Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength) }, quality);
  return new Uint8Array(encoded.data);
}

/** Bilinear resize (pixel centres aligned), as image editors and browsers do. */
function resize(src: Pixels, scale: number): Pixels {
  const w = Math.round(src.width * scale);
  const h = Math.round(src.height * scale);
  const out = new Uint8ClampedArray(w * h * 4);
  const at = (x: number, y: number, c: number): number => src.data[(y * src.width + x) * 4 + c];
  for (let y = 0; y < h; y++) {
    const sy = Math.min(src.height - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(src.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(src.width - 1, Math.max(0, (x + 0.5) / scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(src.width - 1, x0 + 1);
      const fx = sx - x0;
      for (let c = 0; c < 4; c++) {
        const top = at(x0, y0, c) * (1 - fx) + at(x1, y0, c) * fx;
        const bottom = at(x0, y1, c) * (1 - fx) + at(x1, y1, c) * fx;
        out[(y * w + x) * 4 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return { width: w, height: h, data: out };
}

function crop(src: Pixels, left: number, top: number, w = src.width - left, h = src.height - top): Pixels {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const from = ((y + top) * src.width + left) * 4;
    out.set(src.data.subarray(from, from + w * 4), y * w * 4);
  }
  return { width: w, height: h, data: out };
}

async function watermarkEvidence(bytes: Uint8Array): Promise<Evidence[]> {
  const report = await analyze(bytes, {}, nodeHost, { detectors: [invisibleWatermark] });
  return report.evidence.filter((e) => e.id.startsWith('provenance.watermark'));
}

const photo512 = naturalTestImage(512, 512, 1);
const photo768 = naturalTestImage(768, 512, 2);
const sdxl512 = embedWatermark(photo512, SDXL.bits);
const sdxl768 = embedWatermark(photo768, SDXL.bits);

describe('provenance.watermark detection', () => {
  it('finds the SDXL watermark in a PNG through analyze() with the registered detectors', async () => {
    expect(DETECTORS).toContain(invisibleWatermark);
    const report: Report = await analyze(toPng(sdxl512), {}, nodeHost);
    const found = report.evidence.filter((e) => e.id.startsWith('provenance.watermark'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: 'provenance.watermark.sdxl',
      family: 'provenance',
      points: 'ai',
      decisive: true,
      data: { level: 'decisive', matchedBits: '42 / 48', channelOrder: 'BGR (as the library expects)' },
    });
    expect(found[0].data?.separation).toBeGreaterThanOrEqual(8);
    expect(found[0].title).toMatch(/Stable Diffusion XL/);
    expect(found[0].detail).toMatch(/invisible mark/);
    expect(report.risk.level).toBe('high');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('finds it in a 768×512 image', async () => {
    const [e] = await watermarkEvidence(toPng(sdxl768));
    expect(e).toMatchObject({ id: 'provenance.watermark.sdxl', decisive: true, data: { matchedBits: '41 / 48' } });
  });

  it('finds the mark of encoders that hand RGB data to the library as if it were BGR', async () => {
    const [e] = await watermarkEvidence(toPng(embedWatermark(photo768, SDXL.bits, 'rgb')));
    expect(e).toMatchObject({
      id: 'provenance.watermark.sdxl',
      decisive: true,
      data: { channelOrder: 'RGB passed as BGR (swapped by the encoder)', matchedBits: '47 / 48' },
    });
  });

  it('finds the SD 1.x and SD 2.x payloads', async () => {
    const [sd1] = await watermarkEvidence(toPng(embedWatermark(photo768, SD1.bits)));
    expect(sd1).toMatchObject({ id: 'provenance.watermark.sd1', decisive: true, data: { matchedBits: '116 / 136' } });
    const [sd2] = await watermarkEvidence(toPng(embedWatermark(photo512, SD2.bits)));
    expect(sd2).toMatchObject({ id: 'provenance.watermark.sd2', decisive: true });
  });

  it('reports nothing for unwatermarked images', async () => {
    expect(await watermarkEvidence(toPng(photo512))).toEqual([]);
    expect(await watermarkEvidence(toPng(photo768))).toEqual([]);
    expect(await watermarkEvidence(toJpeg(photo512, 90))).toEqual([]);
  });

  it('reports nothing on 30 more unwatermarked photo-like images', () => {
    for (let seed = 100; seed < 130; seed++) {
      const image = naturalTestImage(320, 256, seed, (seed % 3) * 0.6);
      expect(strongestReading(readWatermarks(image))?.level, `seed ${seed}`).toBeUndefined();
    }
  });

  it('skips images under 256×256 pixels (the library refuses them too)', async () => {
    expect(await watermarkEvidence(toPng(embedWatermark(naturalTestImage(200, 200, 3), SDXL.bits)))).toEqual([]);
    expect(await watermarkEvidence(toPng(embedWatermark(naturalTestImage(255, 256, 3), SDXL.bits)))).toEqual([]);
    const [e] = await watermarkEvidence(toPng(embedWatermark(naturalTestImage(256, 256, 3), SDXL.bits)));
    expect(e?.id).toBe('provenance.watermark.sdxl');
  });
});

describe('provenance.watermark robustness (see the table in the header)', () => {
  for (const quality of [95, 90, 75]) {
    it(`survives JPEG re-encoding at q${quality}`, async () => {
      for (const image of [sdxl512, sdxl768]) {
        const [e] = await watermarkEvidence(toJpeg(image, quality));
        expect(e).toMatchObject({ id: 'provenance.watermark.sdxl', decisive: true });
      }
    });
  }

  for (const scale of [0.9, 0.5]) {
    it(`is erased by resizing to ${scale * 100}%`, async () => {
      for (const image of [sdxl512, sdxl768]) {
        expect(await watermarkEvidence(toPng(resize(image, scale)))).toEqual([]);
      }
    });
  }

  it('survives cutting off the bottom, but not a crop from the left or right', () => {
    expect(strongestReading(readWatermarks(crop(sdxl768, 0, 0, 768, 400)))?.level).toBe('decisive');
    expect(strongestReading(readWatermarks(crop(sdxl768, 0, 0, 700, 512)))?.level).toBeUndefined();
    expect(strongestReading(readWatermarks(crop(sdxl768, 3, 0)))?.level).toBeUndefined();
  });
});

describe('provenance.watermark reading, bit for bit with the library', () => {
  // integerTestImage(324, 290, 7): odd sizes exercise the crop to multiples of 4 and the
  // leftover LL rows and columns; its varied colours hit the modulo boundaries where pywt's
  // rounding decides the vote.
  const image = integerTestImage(324, 290, 7);
  const sha = (p: Pixels): string => createHash('sha256').update(p.data).digest('hex');
  const reference: Record<'clean' | 'marked', Record<'bgr' | 'rgb', Record<number, string>>> = {
    clean: {
      bgr: {
        48: '100100110101110001100110001000111011100100111101',
        136: '1000101100000110110111010011101111111000101000010110101010010000111101100011110011010100110000010111011100100110111110110111011101101101',
        32: '10100001010111011101111000100110',
      },
      rgb: {
        48: '010110101110010000111001110010101011110011010000',
        136: '0001001011011100011010000010000101011001000100010001011111110100110001111010000101111111000110011111000010000111011011000111100011010100',
        32: '01110101010001100000100011010000',
      },
    },
    marked: {
      bgr: {
        48: '101100111110110010010010011110111011000110011110',
        136: '1111111110111111111111111111101111111011111110111111101110111011111111111011111111111111111110111111111110111111111111111111111111111111',
        32: '10110011111111111011001111111111',
      },
      rgb: {
        48: '010110101110011000101001110010101011110010010100',
        136: '0001001011011100011110000000000101011001000100011001011111100100110001111011000001111111000010011111000110100111011011000101110011010110',
        32: '01110101010100101000100011000000',
      },
    },
  };

  it('generates the same test image the reference was recorded on', () => {
    expect(sha(image)).toBe('64f6352d4391c349f9034be6c513b3553f6a83f43ee79adc4762ab93dfc4b551');
  });

  it('embeds exactly as the library does (both channel orders)', () => {
    expect(sha(embedWatermark(image, SDXL.bits, 'bgr'))).toBe('1b0c8c55d48b70eeaa7e6da1b9c93889b162bac4764e93c1f629c51c5fac2d72');
    expect(sha(embedWatermark(image, SDXL.bits, 'rgb'))).toBe('4ba153b1ff39f51ce1205685f0cd9ff9216d4aa278144212a19c571746075ee7');
  });

  it('decodes exactly as the library does, for every payload length and channel order', () => {
    for (const [name, pixels] of [
      ['clean', image],
      ['marked', embedWatermark(image, SDXL.bits, 'bgr')],
    ] as const) {
      const decoded = decodeWatermarkBits(pixels, [48, 136, 32]);
      for (const order of ['bgr', 'rgb'] as const) {
        for (const n of [48, 136, 32]) {
          expect(Array.from(decoded.get(order)!.get(n)!.bits).join(''), `${name} ${order} ${n}`).toBe(reference[name][order][n]);
        }
      }
    }
  });
});

describe('provenance.watermark levels', () => {
  it('uses the SDXL thresholds and scales them to the other payloads', () => {
    expect(levelThresholds(48)).toEqual({ weak: 28, likely: 34, decisive: 36 });
    expect(levelThresholds(136)).toEqual({ weak: 80, likely: 97, decisive: 102 });
    expect(levelThresholds(32)).toEqual({ weak: 19, likely: 23, decisive: 24 });
    // What the bits alone would be worth if an unmarked image's bits were coin flips.
    expect(chanceOfMatch(48, 36)).toBeCloseTo(3.6e-4, 5);
  });

  it('needs both the matched bits and the separation for a level', () => {
    expect(levelOf(27, 48, 50)).toBeUndefined();
    expect(levelOf(28, 48, 50)).toBe('weak');
    expect(levelOf(34, 48, 50)).toBe('likely');
    expect(levelOf(36, 48, 50)).toBe('decisive');
    expect(levelOf(48, 48, 3.9)).toBeUndefined();
    expect(levelOf(48, 48, 4)).toBe('weak');
    expect(levelOf(48, 48, 6)).toBe('likely');
    expect(levelOf(40, 48, 7.9)).toBe('likely');
    expect(levelOf(40, 48, 8)).toBe('decisive');
  });

  it('words weaker levels as possible or likely, and only the decisive level is decisive', () => {
    const reading = strongestReading(readWatermarks(sdxl512))!;
    const decisive = watermarkFinding(reading, 'decisive');
    const likely = watermarkFinding(reading, 'likely');
    const weak = watermarkFinding(reading, 'weak');
    expect(decisive.decisive).toBe(true);
    expect(likely.decisive).toBeUndefined();
    expect(weak.decisive).toBeUndefined();
    expect(likely.title).toMatch(/^Likely /);
    expect(weak.title).toMatch(/^Possible /);
    for (const f of [decisive, likely, weak]) {
      expect(f.id).toBe('provenance.watermark.sdxl');
      expect(f.points).toBe('ai');
      expect(f.detail).toMatch(/Stable Diffusion's official scripts/);
      expect(f.detail).toMatch(/does not survive much editing/);
      expect(f.data).toMatchObject({ payload: 'Stable Diffusion XL: 0xB3EC907BB19E (48 bits)', level: expect.any(String) });
    }
    expect(decisive.detail).toMatch(/less than 1 in a million/);
  });
});
