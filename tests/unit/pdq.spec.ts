/** PDQ against Meta's reference vectors: hashes within a few bits, modified copies within the match distance. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../lib/engine/host-node';
import { downscale } from '../../lib/engine/inputs';
import { LIMITS } from '../../lib/engine/limits';
import {
  centerCrop,
  CROP_KEPT,
  fillScale,
  hammingDistance,
  pdqHash,
  PDQ_MATCH_DISTANCE,
  queryVariantHashes,
  rotated,
  ROTATED_MATCH_DISTANCE,
  ROTATION_ANGLES,
  storedVariantHashes,
  unrotatedCenterHashes,
} from '../../lib/engine/pdq';
import { ROOT } from './helpers';

const DIR = join(ROOT, 'tests', 'fixtures', 'pdq');
const SHARED = join(ROOT, '..', 'shared', 'reference', 'pdq');
/** Float rounding and the JPEG decoder move coefficients that sit at the median; measured: 2–8 bits. */
const REFERENCE_TOLERANCE = 10;

async function hashOf(file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  return pdqHash(await nodeHost.decodePixels(bytes, 'jpeg'));
}

function expected(csv: string): [string, string][] {
  return readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',') as [string, string]);
}

describe('PDQ', () => {
  it('reproduces the reference hashes within a few bits', async () => {
    for (const [hex, file] of expected(join(DIR, 'expected.csv'))) {
      const h = await hashOf(join(DIR, file.replace('dih/', '')));
      expect(h.hex).toMatch(/^[0-9a-f]{64}$/);
      expect(hammingDistance(h.hex, hex)).toBeLessThanOrEqual(REFERENCE_TOLERANCE);
      expect(h.quality).toBe(100);
    }
  });

  it('matches modified copies of the same photo and tells a rotation apart', async () => {
    const original = await hashOf(join(DIR, 'bridge-1-original.jpg'));
    for (const f of ['shrink-a-lot.jpg', 'square-256x256.jpg', 'blur-a-lot.jpg']) {
      expect(hammingDistance(original.hex, (await hashOf(join(DIR, f))).hex)).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
    }
    expect(hammingDistance(original.hex, (await hashOf(join(DIR, 'bridge-2-rotate-90.jpg'))).hex)).toBeGreaterThan(PDQ_MATCH_DISTANCE * 2);
  });

  it('gives unrelated photos distant hashes and flat images a low quality', async () => {
    const bridge = await hashOf(join(DIR, 'bridge-1-original.jpg'));
    const camera = await hashOf(join(ROOT, 'samples', 'camera-canon-powershot-g2.jpg'));
    expect(hammingDistance(bridge.hex, camera.hex)).toBeGreaterThan(80);
    const flat = pdqHash({ width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4).fill(128) });
    expect(flat.quality).toBe(0);
  });

  it('turns a picture clockwise about its centre', () => {
    const px = { width: 21, height: 21, data: new Uint8ClampedArray(21 * 21 * 4) };
    px.data.set([200, 100, 50, 255], (10 * 21 + 15) * 4);
    const turned = rotated(px, 90);
    expect(Array.from(turned.data.subarray((15 * 21 + 10) * 4, (15 * 21 + 10) * 4 + 4))).toEqual([200, 100, 50, 255]);
    expect(turned.data[(10 * 21 + 15) * 4]).toBe(0);
    // The corners a small turn uncovers are white.
    expect(Array.from(rotated(px, 10).data.subarray(0, 4))).toEqual([255, 255, 255, 255]);
  });

  // 640×480 is blurred at full resolution, 1024×765 at half.
  describe.each(['camera-canon-powershot-g2.jpg', 'camera-iphone4-receipt.jpg'])('a copy of %s turned by 3°', (name) => {
    const working = async () => downscale(await nodeHost.decodePixels(new Uint8Array(readFileSync(join(ROOT, 'samples', name))), 'jpeg'), LIMITS.workingLongSide);

    it('hashes its centre as it was before the turn', async () => {
      const px = await working();
      const centre = storedVariantHashes(px)[0];
      expect(hammingDistance(unrotatedCenterHashes(px, CROP_KEPT, [{ degrees: 0 }])[0].hex, centre)).toBeLessThanOrEqual(8);
      for (const degrees of [3, -3]) {
        const turned = rotated(px, degrees);
        expect(hammingDistance(pdqHash(turned).hex, pdqHash(px).hex)).toBeGreaterThan(PDQ_MATCH_DISTANCE);
        const back = queryVariantHashes(turned).filter((q) => q.how === 'rotated');
        expect(back).toHaveLength(2 * ROTATION_ANGLES.length);
        expect(back.every((q) => q.maxDistance === ROTATED_MATCH_DISTANCE)).toBe(true);
        const turnedBack = back[2 * ROTATION_ANGLES.indexOf(degrees)];
        expect(hammingDistance(turnedBack.hex, centre)).toBeLessThanOrEqual(ROTATED_MATCH_DISTANCE);
        // Straightened: turned, then cropped to fill the frame.
        const straightened = centerCrop(turned, fillScale(px.width, px.height, degrees));
        expect(hammingDistance(pdqHash(straightened).hex, pdqHash(px).hex)).toBeGreaterThan(PDQ_MATCH_DISTANCE);
        const [filledBack] = unrotatedCenterHashes(straightened, CROP_KEPT, [{ degrees, filled: true }]);
        expect(hammingDistance(filledBack.hex, centre)).toBeLessThanOrEqual(ROTATED_MATCH_DISTANCE);
      }
    });

    it('keeps a different photo turned the same way out of reach', async () => {
      const stored = [pdqHash(await working()).hex, ...storedVariantHashes(await working())];
      const otherName = name === 'camera-canon-powershot-g2.jpg' ? 'ai-kandinsky3-no-metadata.jpg' : 'camera-canon-powershot-g2.jpg';
      const other = rotated(downscale(await nodeHost.decodePixels(new Uint8Array(readFileSync(join(ROOT, 'samples', otherName))), 'jpeg'), LIMITS.workingLongSide), 3);
      for (const q of [{ hex: pdqHash(other).hex, maxDistance: PDQ_MATCH_DISTANCE }, ...queryVariantHashes(other)]) {
        for (const s of stored) expect(hammingDistance(q.hex, s)).toBeGreaterThan(q.maxDistance);
      }
    });
  });

  it('counts bits', () => {
    expect(hammingDistance('0'.repeat(64), 'f'.repeat(64))).toBe(256);
    expect(hammingDistance('0'.repeat(63) + '1', '0'.repeat(64))).toBe(1);
  });

  describe.skipIf(!existsSync(SHARED))('all eight dihedral reference files', () => {
    it('stay within the tolerance', async () => {
      for (const [hex, file] of expected(join(SHARED, 'expected-dih.csv'))) {
        expect(hammingDistance((await hashOf(join(SHARED, file))).hex, hex), file).toBeLessThanOrEqual(REFERENCE_TOLERANCE);
      }
    });
  });
});
