/**
 * metadata.dimensions: generator default sizes (weak AI), multiples of 64 (weaker AI),
 * camera sensor sizes (weak authentic), other sizes and unknown sizes (nothing); both
 * orientations.
 */
import { describe, expect, it } from 'vitest';
import { dimensions } from '../../../lib/detectors/metadata/dimensions';
import { fakeInput, ids, runDetector } from '../helpers';

const run = (width: number, height: number, format: 'png' | 'jpeg' | 'tiff' = 'png') =>
  dimensions.run(fakeInput({ info: { format, width, height } }));

describe('metadata.dimensions', () => {
  it('1024×1024 is a generator size (weak AI, not decisive)', async () => {
    const findings = await runDetector(dimensions, 'generator-1024x1024.png');
    expect(ids(findings)).toEqual(['metadata.dimensions.generator-size']);
    expect(findings[0]).toMatchObject({ points: 'ai', data: { width: 1024, height: 1024, megapixels: 1.05 } });
    expect(findings[0].decisive).toBeFalsy();
    expect(findings[0].title).toBe('1024×1024 is a default size of AI image generators');
  });

  it('4032×3024 is a camera sensor size (weak authentic)', async () => {
    const findings = await runDetector(dimensions, 'camera-size-4032x3024.png');
    expect(ids(findings)).toEqual(['metadata.dimensions.camera-size']);
    expect(findings[0]).toMatchObject({ points: 'authentic', data: { width: 4032, height: 3024, megapixels: 12.19 } });
    expect(findings[0].decisive).toBeFalsy();
  });

  it('320×192 (multiples of 64, not a known size) is weaker AI evidence', async () => {
    const findings = await runDetector(dimensions, 'multiple-of-64-320x192.png');
    expect(ids(findings)).toEqual(['metadata.dimensions.multiple-of-64']);
    expect(findings[0].points).toBe('ai');
  });

  it.each(['a1111-parameters.png', 'plain.jpg', 'screenshot-1170x2532.png'])('other sizes give nothing (%s)', async (file) => {
    expect(await runDetector(dimensions, file)).toEqual([]);
  });

  it('matches both orientations', async () => {
    expect(ids(await run(832, 1216))).toEqual(['metadata.dimensions.generator-size']);
    expect(ids(await run(1216, 832))).toEqual(['metadata.dimensions.generator-size']);
    expect(ids(await run(3024, 4032, 'jpeg'))).toEqual(['metadata.dimensions.camera-size']);
    expect(ids(await run(4000, 3000, 'jpeg'))).toEqual(['metadata.dimensions.camera-size']);
  });

  it('multiples of 64 above 2048 px are not flagged', async () => {
    expect(await run(4096, 2304)).toEqual([]);
  });

  it('gives nothing when the size is unknown (0×0)', async () => {
    expect(await run(0, 0, 'tiff')).toEqual([]);
  });
});
