import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compareThumbnail, extractExifThumbnail, thumbnail, THUMBNAIL_PARAMS } from '../../../lib/detectors/metadata/thumbnail';
import type { Pixels } from '../../../lib/engine/host';
import { nodeHost } from '../../../lib/engine/host-node';
import { createInput, downscale, type AnalysisInput } from '../../../lib/engine/inputs';
import { sniffFormat } from '../../../lib/engine/format';
import { LIMITS } from '../../../lib/engine/limits';
import { ids, ROOT } from '../helpers';

const jpegFixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'jpeg', name)));

/** The engine's input, except that asking for full-resolution pixels fails: the detector must use the shared working copy. */
function inputOf(bytes: Uint8Array): AnalysisInput {
  const input = createInput(bytes, {}, sniffFormat(bytes), nodeHost);
  const working = async () => downscale(await nodeHost.decodePixels(bytes, 'jpeg'), LIMITS.workingLongSide);
  return {
    ...input,
    pixels: async () => {
      throw new Error('the thumbnail check must not decode the main picture itself');
    },
    workingPixels: working,
  };
}
const run = (name: string) => thumbnail.run(inputOf(jpegFixture(name)));

function gradient(w: number, h: number, f: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = f(x / w, y / h);
      data.set([v, v, v, 255], (y * w + x) * 4);
    }
  }
  return { width: w, height: h, data };
}
const pattern = (u: number, v: number) => 128 + 60 * Math.sin(u * 13 + v * 3) + 50 * Math.cos(v * 17 - u * 5) + (u > 0.7 && v < 0.3 ? 40 : 0);

describe('extractExifThumbnail', () => {
  it('returns the IFD1 preview JPEG', () => {
    const thumb = extractExifThumbnail(jpegFixture('camera-original.jpg'));
    expect(thumb?.length).toBe(4382);
    expect([thumb![0], thumb![1]]).toEqual([0xff, 0xd8]);
    expect(sniffFormat(thumb!)).toMatchObject({ width: 160, height: 120 });
  });

  it('returns nothing for a file without EXIF', () => {
    expect(extractExifThumbnail(jpegFixture('plain-q90.jpg'))).toBeUndefined();
  });
});

describe('compareThumbnail', () => {
  it('finds the same picture at another size close to 0', () => {
    const c = compareThumbnail(gradient(160, 120, pattern), gradient(640, 480, pattern));
    expect(c.distance).toBeLessThan(0.05);
    expect(c).toMatchObject({ rotation: 0, mirrored: false });
  });

  it('finds a mirrored picture and says so', () => {
    const c = compareThumbnail(gradient(160, 120, pattern), gradient(640, 480, (u, v) => pattern(1 - u, v)));
    expect(c.unturnedDistance).toBeGreaterThan(THUMBNAIL_PARAMS.matchMax);
    expect(c.distance).toBeLessThan(0.05);
    expect(c.mirrored).toBe(true);
  });

  it('reports no contrast for a flat picture', () => {
    expect(compareThumbnail(gradient(160, 120, pattern), gradient(320, 240, () => 0)).contrast).toBe(0);
  });
});

describe('metadata.thumbnail', () => {
  it('supports a file whose preview shows the photo', async () => {
    const [f] = await run('camera-original.jpg');
    expect(f.id).toBe('metadata.thumbnail.match');
    expect(f.points).toBe('authentic');
    expect(f.data?.distance).toBeLessThan(0.05);
  });

  it('flags a preview of another picture', async () => {
    const [f] = await run('thumbnail-other-picture.jpg');
    expect(f.id).toBe('metadata.thumbnail.mismatch');
    expect(f.points).toBe('edited');
    expect(f.data?.distance).toBeGreaterThanOrEqual(THUMBNAIL_PARAMS.mismatchMin);
  });

  it('calls a photo turned after the preview was made "turned", not changed', async () => {
    const [f] = await run('thumbnail-turned.jpg');
    expect(f.id).toBe('metadata.thumbnail.turned');
    expect(f.points).toBe('neutral');
    expect([90, 270]).toContain(f.data?.turnedBy);
  });

  it('sees through the black bars of a 3:2 picture in a 4:3 preview', async () => {
    const [f] = await run('thumbnail-letterbox.jpg');
    expect(f.id).toBe('metadata.thumbnail.match');
    expect(['letterbox', 'trimmed']).toContain(f.data?.placement);
  });

  it('says nothing without a preview, and nothing for other formats', async () => {
    expect(await run('plain-q90.jpg')).toEqual([]);
    const png = readFileSync(join(ROOT, 'tests', 'fixtures', 'images', 'camera-size-4032x3024.png'));
    const bytes = new Uint8Array(png);
    expect(await thumbnail.run(createInput(bytes, {}, sniffFormat(bytes), nodeHost))).toEqual([]);
  });

  it('reads the preview of a file whose Exif block sits after the tables', async () => {
    expect(ids(await run('exif-after-tables.jpg'))).toEqual(['metadata.thumbnail.match']);
  });
});

const MANIFEST = join(ROOT, '..', 'shared', 'corpus', 'manifest.csv');

describe.skipIf(!existsSync(MANIFEST))('metadata.thumbnail over the development corpus', () => {
  it('never says a real camera photo’s preview shows another picture', { timeout: 300_000 }, async () => {
    const rows = parse(readFileSync(MANIFEST), { columns: true }) as { file: string; label: string; has_exif_thumbnail: string }[];
    const flagged: string[] = [];
    let compared = 0;
    for (const row of rows.filter((r) => r.label === 'real-camera' && r.has_exif_thumbnail === 'y' && /\.jpe?g$/i.test(r.file))) {
      const bytes = new Uint8Array(readFileSync(join(dirname(MANIFEST), row.file)));
      const findings = await thumbnail.run(inputOf(bytes));
      if (findings.length) compared++;
      if (ids(findings).includes('metadata.thumbnail.mismatch')) flagged.push(`${row.file} ${findings[0].data?.distance}`);
    }
    expect(compared).toBeGreaterThan(60);
    expect(flagged).toEqual([]);
  });
});
