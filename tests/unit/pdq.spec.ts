/** PDQ against Meta's reference vectors: hashes within a few bits, modified copies within the match distance. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../lib/engine/host-node';
import { hammingDistance, pdqHash, PDQ_MATCH_DISTANCE } from '../../lib/engine/pdq';
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
