import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findApp,
  frameLumaChroma,
  indexOfBytes,
  jpegStructure,
  parseJpegStructure,
  ZIGZAG,
} from '../../lib/engine/jpeg-structure';
import { ROOT } from './helpers';

const jpegFixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'jpeg', name)));

/** A hand-made JPEG skeleton: tables, frame, one scan of entropy bytes, end. */
function skeleton(opts: { dqtAfterSof?: boolean; scan?: number[]; trailer?: number[]; tableValues?: number[] } = {}): Uint8Array {
  const dqt = [0xff, 0xdb, 0x00, 0x43, 0x00, ...(opts.tableValues ?? new Array(64).fill(1))];
  const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10, 0x00, 0x20, 0x01, 0x01, 0x11, 0x00];
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
  const scan = opts.scan ?? [0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78];
  return Uint8Array.from([
    0xff, 0xd8,
    ...(opts.dqtAfterSof ? [...sof, ...dqt] : [...dqt, ...sof]),
    ...sos,
    ...scan,
    0xff, 0xd9,
    ...(opts.trailer ?? []),
  ]);
}

describe('parseJpegStructure', () => {
  it('lists the segments of a jpeg-js file in order, with the frame and its tables', () => {
    const s = parseJpegStructure(jpegFixture('plain-q90.jpg'));
    const names = s.segments.map((x) => x.name);
    expect(names[0]).toBe('SOI');
    expect(names).toContain('APP0');
    expect(names.indexOf('DQT')).toBeLessThan(names.indexOf('SOF0'));
    expect(names.at(-1)).toBe('EOI');
    expect(s.segments.find((x) => x.name === 'APP0')?.label).toBe('JFIF');
    expect(s.frame).toMatchObject({ process: 'baseline', width: 320, height: 240, precision: 8 });
    expect(s.frame?.components).toHaveLength(3);
    const { luma, chroma } = frameLumaChroma(s);
    expect(luma?.values).toHaveLength(64);
    expect(chroma?.id).toBe(1);
    expect(s.trailingBytes).toBe(0);
    expect(s.truncated).toBe(false);
    expect(s.problems).toEqual([]);
  });

  it('labels APPn segments and finds the Exif block', () => {
    const s = parseJpegStructure(jpegFixture('camera-original.jpg'));
    const exif = findApp(s, 0xe1, 'Exif');
    expect(exif).toBeDefined();
    expect(exif!.size).toBeGreaterThan(4000); // it holds the 160×120 preview
  });

  it('skips entropy data with stuffed bytes and restart markers, and counts bytes after the end', () => {
    const bytes = skeleton({ trailer: [0x61, 0x62, 0x63] });
    const s = parseJpegStructure(bytes);
    expect(s.segments.map((x) => x.name)).toEqual(['SOI', 'DQT', 'SOF0', 'SOS', 'EOI']);
    expect(s.eoiOffset).toBe(bytes.length - 5);
    expect(s.trailingBytes).toBe(3);
  });

  it('takes the tables in effect at the first scan when DQT follows the frame header', () => {
    const s = parseJpegStructure(skeleton({ dqtAfterSof: true }));
    expect(frameLumaChroma(s).luma?.values[0]).toBe(1);
  });

  it('stores tables in natural order (the file holds them in zig-zag order)', () => {
    const zz = Array.from({ length: 64 }, (_, k) => k + 1);
    const { luma } = frameLumaChroma(parseJpegStructure(skeleton({ tableValues: zz })));
    for (let k = 0; k < 64; k++) expect(luma!.values[ZIGZAG[k]]).toBe(k + 1);
  });

  it('reports a file cut short', () => {
    const full = jpegFixture('plain-q90.jpg');
    const s = parseJpegStructure(full.subarray(0, Math.floor(full.length / 2)));
    expect(s.truncated).toBe(true);
    expect(s.eoiOffset).toBeUndefined();
    expect(s.trailingBytes).toBe(0);
  });

  it('reports a segment that runs past the end and bytes that are not JPEG', () => {
    const broken = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 0x45, 0x78]);
    expect(parseJpegStructure(broken).problems[0]).toMatch(/runs past the end/);
    expect(parseJpegStructure(Uint8Array.from([0x89, 0x50, 0x4e, 0x47])).problems[0]).toMatch(/does not start/);
  });

  it('stops after a bounded number of segments', () => {
    const com = [0xff, 0xfe, 0x00, 0x03, 0x41];
    const many = Uint8Array.from([0xff, 0xd8, ...Array.from({ length: 5000 }, () => com).flat()]);
    const s = parseJpegStructure(many);
    expect(s.segments.length).toBeLessThanOrEqual(4096);
    expect(s.problems.at(-1)).toMatch(/More than 4096 segments/);
  });

  it('keeps JPEG comments as text', () => {
    const withComment = Uint8Array.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x07, ...new TextEncoder().encode('hello'), ...skeleton().subarray(2)]);
    expect(parseJpegStructure(withComment).comments).toEqual(['hello']);
  });
});

describe('jpegStructure', () => {
  it('parses a byte array once and shares the result', () => {
    const bytes = jpegFixture('plain-q90.jpg');
    expect(jpegStructure(bytes)).toBe(jpegStructure(bytes));
  });
});

describe('indexOfBytes', () => {
  it('finds a byte signature', () => {
    const hay = new TextEncoder().encode('xxSEFHxxSEFT');
    expect(indexOfBytes(hay, new TextEncoder().encode('SEFT'))).toBe(8);
    expect(indexOfBytes(hay, new TextEncoder().encode('QDIO'))).toBe(-1);
  });
});
