import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  ANNEX_K_CHROMA,
  ANNEX_K_LUMA,
  classifyTrailer,
  estimateQuality,
  ijgTable,
  isGenericTables,
  jpegDetector,
  normaliseMake,
  tablesHash,
} from '../../../lib/detectors/metadata/jpeg';
import { nodeHost } from '../../../lib/engine/host-node';
import { createInput } from '../../../lib/engine/inputs';
import { sniffFormat } from '../../../lib/engine/format';
import { frameLumaChroma, parseJpegStructure, type QuantTable } from '../../../lib/engine/jpeg-structure';
import { fakeInput, ids, ROOT } from '../helpers';

const jpegFixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'jpeg', name)));
const run = (name: string) => {
  const bytes = jpegFixture(name);
  return jpegDetector.run(createInput(bytes, {}, sniffFormat(bytes), nodeHost));
};
const table = (values: number[], id = 0): QuantTable => ({ id, precision: 8, values });

describe('IJG quality', () => {
  it('scales the Annex K tables the way libjpeg does', () => {
    expect(ijgTable(ANNEX_K_LUMA, 50)).toEqual(ANNEX_K_LUMA);
    expect(ijgTable(ANNEX_K_LUMA, 100).every((v) => v === 1)).toBe(true);
    expect(ijgTable(ANNEX_K_LUMA, 75)[0]).toBe(8);
    expect(ijgTable(ANNEX_K_CHROMA, 10)[63]).toBe(255); // clamped for baseline
    expect(ijgTable(ANNEX_K_CHROMA, 10, false)[63]).toBe(495);
  });

  it('recognises standard tables and their quality', () => {
    const est = estimateQuality(table(ijgTable(ANNEX_K_LUMA, 83)), table(ijgTable(ANNEX_K_CHROMA, 83), 1));
    expect(est).toMatchObject({ quality: 83, standard: true, meanError: 0 });
  });

  it('estimates the closest quality of custom tables', () => {
    const luma = ijgTable(ANNEX_K_LUMA, 90).map((v, i) => (i === 0 ? 4 : v + (i % 3)));
    const est = estimateQuality(table(luma), table(ijgTable(ANNEX_K_CHROMA, 90), 1));
    expect(est.standard).toBe(false);
    expect(est.quality).toBeGreaterThanOrEqual(85);
    expect(est.quality).toBeLessThanOrEqual(92);
    expect(isGenericTables(est)).toBe(false);
  });

  it('treats Annex K tables off by at most one (other rounding) as generic, not as a maker fingerprint', () => {
    const luma = ijgTable(ANNEX_K_LUMA, 93).map((v, i) => (i % 5 === 0 ? v + 1 : v));
    const est = estimateQuality(table(luma), table(ijgTable(ANNEX_K_CHROMA, 93), 1));
    expect(est.standard).toBe(false);
    expect(isGenericTables(est)).toBe(true);
  });

  it('hashes tables stably and tells different tables apart', () => {
    const a = tablesHash(table(ANNEX_K_LUMA), table(ANNEX_K_CHROMA, 1));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(tablesHash(table(ANNEX_K_LUMA), table(ANNEX_K_CHROMA, 1))).toBe(a);
    expect(tablesHash(table(ANNEX_K_LUMA))).not.toBe(a);
    expect(tablesHash(table(ijgTable(ANNEX_K_LUMA, 51)), table(ANNEX_K_CHROMA, 1))).not.toBe(a);
  });
});

describe('normaliseMake', () => {
  it('folds the spellings firmware uses into one key', () => {
    expect(normaliseMake('EASTMAN KODAK COMPANY')).toBe('kodak');
    expect(normaliseMake('Kodak')).toBe('kodak');
    expect(normaliseMake('OLYMPUS OPTICAL CO.,LTD')).toBe('olympus');
    expect(normaliseMake('FUJIFILM')).toBe('fujifilm');
    expect(normaliseMake('samsung')).toBe(normaliseMake('SAMSUNG'));
    expect(normaliseMake('Hewlett-Packard')).toBe('hp');
    expect(normaliseMake('Xiaomi')).toBe('xiaomi');
    expect(normaliseMake('  \0')).toBeUndefined();
  });
});

describe('metadata.jpeg', () => {
  it('reports the quality and standard tables of a plain library-encoded file, and nothing else', async () => {
    const findings = await run('plain-q90.jpg');
    expect(ids(findings)).toEqual(['metadata.jpeg.quality', 'metadata.jpeg.standard-tables']);
    expect(findings[0].data).toMatchObject({ quality: 90, standardTables: true });
    expect(findings.every((f) => f.points === 'neutral')).toBe(true);
  });

  it('does not call a camera file with matching size re-saved just for standard tables of a maker that uses them', async () => {
    expect(ids(await run('camera-original.jpg'))).not.toContain('metadata.jpeg.resaved');
  });

  it('says the tables match the camera when the catalogued maker is the one named', async () => {
    const f = (await run('tables-fujifilm.jpg')).find((x) => x.id === 'metadata.jpeg.camera-tables');
    expect(f?.points).toBe('authentic');
    expect(f?.data).toMatchObject({ tablesOf: ['fujifilm'] });
  });

  it('flags tables of another maker than the one the EXIF names', async () => {
    const findings = await run('tables-fujifilm-claims-canon.jpg');
    const f = findings.find((x) => x.id === 'metadata.jpeg.tables-mismatch-camera');
    expect(f?.points).toBe('edited');
    expect(f?.title).toMatch(/Fujifilm, not Canon/);
    expect(ids(findings)).not.toContain('metadata.jpeg.camera-tables');
  });

  it('explains why a camera file was saved again (resized, progressive)', async () => {
    const f = (await run('resized-progressive.jpg')).find((x) => x.id === 'metadata.jpeg.resaved');
    expect(f?.points).toBe('edited');
    expect(f?.data?.reasons).toEqual(['resized', 'progressive']);
    expect(f?.detail).toMatch(/320×240 pixels while the camera recorded 6000×4000/);
  });

  it('flags an Exif block placed after the image data begins', async () => {
    const f = (await run('exif-after-tables.jpg')).find((x) => x.id === 'metadata.jpeg.marker-order');
    expect(f?.data?.issues).toEqual(['the camera-details (Exif) block comes after the image data begins']);
  });

  it('reports a file cut short as damaged, not as edited', async () => {
    const f = (await run('truncated.jpg')).find((x) => x.id === 'metadata.jpeg.malformed');
    expect(f?.points).toBe('neutral');
  });

  it.each([
    ['trailing-zeros.jpg', 'padding', 2048],
    ['trailing-mpf.jpg', 'mpf', undefined],
    ['trailing-motion-photo.jpg', 'motion-photo', undefined],
    ['trailing-jpeg.jpg', 'jpeg', undefined],
    ['samsung-generative-edit.jpg', 'samsung', undefined],
  ])('recognises what follows the picture in %s', async (name, kind, size) => {
    const f = (await run(name)).find((x) => x.id === 'metadata.jpeg.trailing-data');
    expect(f?.points).toBe('neutral');
    expect(f?.data?.kind).toBe(kind);
    if (size) expect(f?.data?.bytes).toBe(size);
  });

  it('classifies 0xFF padding and leftover card data', () => {
    const base = jpegFixture('plain-q90.jpg');
    const withTail = (tail: number[]) => {
      const bytes = Uint8Array.from([...base, ...tail]);
      return classifyTrailer(bytes, parseJpegStructure(bytes));
    };
    expect(withTail([0xff])).toBe('padding');
    expect(withTail([...new Array(64).fill(0), 0x12, 0x34, 0x56])).toBe('leftover');
    expect(withTail([0x76, 0x69, 0x76, 0x6f, 0x7b])).toBe('unknown');
  });

  it('ignores files that are not JPEG', async () => {
    expect(await jpegDetector.run(fakeInput({ info: { format: 'png' } }))).toEqual([]);
  });

  it('reads every table the frame uses from the shared structure', () => {
    const { luma, chroma } = frameLumaChroma(parseJpegStructure(jpegFixture('tables-fujifilm.jpg')));
    expect(luma?.values[0]).toBe(4);
    expect(chroma?.values[63]).toBe(6);
  });
});

const MANIFEST = join(ROOT, '..', 'shared', 'corpus', 'manifest.csv');

describe.skipIf(!existsSync(MANIFEST))('metadata.jpeg over the development corpus', () => {
  it('never says a real camera photo has another maker’s tables', async () => {
    const rows = parse(readFileSync(MANIFEST), { columns: true }) as { file: string; label: string }[];
    const flagged: string[] = [];
    let checked = 0;
    for (const row of rows.filter((r) => r.label === 'real-camera' && /\.jpe?g$/i.test(r.file))) {
      const bytes = new Uint8Array(readFileSync(join(dirname(MANIFEST), row.file)));
      const findings = await jpegDetector.run(createInput(bytes, {}, sniffFormat(bytes), nodeHost));
      checked++;
      if (ids(findings).includes('metadata.jpeg.tables-mismatch-camera')) flagged.push(row.file);
    }
    expect(checked).toBeGreaterThan(50);
    expect(flagged).toEqual([]);
  });
});
