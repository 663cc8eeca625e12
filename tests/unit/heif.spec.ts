/**
 * HEIC pixels in the Node host (lib/engine/heif.ts through nodeHost): the primary image decodes
 * at the declared size (turned by the file's `irot`), the analysis of a HEIC runs every pixel
 * check and gets a PDQ hash, damaged files and oversized declarations fail with clear errors.
 * The sweep over ../shared/corpus runs only where that corpus is checked out.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../lib/engine/analyze';
import { sniffFormat } from '../../lib/engine/format';
import { createHeifDecoder, HeifDecodeError } from '../../lib/engine/heif';
import type { Pixels } from '../../lib/engine/host';
import { nodeHost } from '../../lib/engine/host-node';
import { LIMITS } from '../../lib/engine/limits';
import { hammingDistance } from '../../lib/engine/pdq';
import { ROOT } from './helpers';

const HEIC = join(ROOT, 'tests', 'fixtures', 'heic');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

const heic = (name: string) => new Uint8Array(readFileSync(join(HEIC, name)));

/** The quarter turn of a HEIF file's `irot` property (0 when it has none). */
function quarterTurns(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20)).toString('latin1');
  const at = text.indexOf('irot');
  return at >= 4 && bytes[at - 1] === 9 ? bytes[at + 4] & 3 : 0;
}

/** The size libheif decodes to: the size sniffFormat reports (the `ispe` extent, turned by `irot`). */
function expectedSize(bytes: Uint8Array): { width: number; height: number } {
  const { width, height } = sniffFormat(bytes);
  return { width, height };
}

function meanRgb(px: Pixels, x0: number, y0: number, size: number): number[] {
  const sum = [0, 0, 0];
  for (let y = y0; y < y0 + size; y++) {
    for (let x = x0; x < x0 + size; x++) for (let c = 0; c < 3; c++) sum[c] += px.data[(y * px.width + x) * 4 + c];
  }
  return sum.map((s) => s / (size * size));
}

function checkPixels(px: Pixels, bytes: Uint8Array, file: string): void {
  expect({ width: px.width, height: px.height }, file).toEqual(expectedSize(bytes));
  expect(px.data).toBeInstanceOf(Uint8ClampedArray);
  expect(px.data.length, file).toBe(px.width * px.height * 4);
  let lit = 0;
  let opaque = 0;
  const step = Math.max(1, Math.floor(px.data.length / 4 / 50_000));
  for (let i = 0; i < px.data.length; i += 4 * step) {
    if (px.data[i] || px.data[i + 1] || px.data[i + 2]) lit++;
    if (px.data[i + 3] === 255) opaque++;
  }
  expect(lit, `${file}: pixels are not all black`).toBeGreaterThan(0);
  expect(opaque, `${file}: no alpha channel, every pixel opaque`).toBe(Math.ceil(px.data.length / 4 / step));
}

/** The fixture with its `ispe` sizes overwritten: a small file that declares a huge picture. */
function declaring(bytes: Uint8Array, width: number, height: number): Uint8Array {
  const out = Buffer.from(bytes);
  let patched = 0;
  for (let i = out.indexOf('ispe'); i >= 0; i = out.indexOf('ispe', i + 4)) {
    out.writeUInt32BE(width, i + 8);
    out.writeUInt32BE(height, i + 12);
    patched++;
  }
  expect(patched).toBeGreaterThan(0);
  return new Uint8Array(out);
}

describe('HEIC fixtures in the Node host', () => {
  const FILES = ['parcel-640x480.heic', 'parcel-irot-320x240.heic'];

  it.each(FILES)('%s decodes its primary image at the declared size', async (file) => {
    const bytes = heic(file);
    expect(sniffFormat(bytes).format).toBe('heic');
    checkPixels(await nodeHost.decodePixels(bytes, 'heic'), bytes, file);
  });

  it('applies the irot rotation, as the phone displays the picture (both fixtures come out upright)', async () => {
    const plain = await nodeHost.decodePixels(heic('parcel-640x480.heic'), 'heic');
    const turned = heic('parcel-irot-320x240.heic');
    // Stored 320×240 with a quarter turn: reported and decoded as the phone shows it.
    expect(sniffFormat(turned)).toMatchObject({ width: 240, height: 320 });
    expect(quarterTurns(turned)).toBe(3);
    const upright = await nodeHost.decodePixels(turned, 'heic');
    expect([upright.width, upright.height]).toEqual([240, 320]);
    // The red marker of the scene sits in the top-left corner of both.
    for (const px of [plain, upright]) {
      const [r, g, b] = meanRgb(px, 4, 4, 12);
      expect(r).toBeGreaterThan(170);
      expect(g).toBeLessThan(80);
      expect(b).toBeLessThan(80);
    }
  });

  it.each(FILES)('%s: the analysis runs every pixel check and hashes the picture', async (file) => {
    const report = await analyze(heic(file), {}, nodeHost);
    expect(report.format).toBe('heic');
    expect(report.evidence.filter((e) => e.family === 'engine'), file).toEqual([]);
    expect(report.evidence.some((e) => e.family === 'pixels')).toBe(true);
    expect(report.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(report.timings['stage.decode']).toBeGreaterThan(0);
  });

  it('gives the same scene stored upright and stored turned nearly the same PDQ hash', async () => {
    const a = await analyze(heic('parcel-640x480.heic'), {}, nodeHost);
    const b = await analyze(heic('parcel-irot-320x240.heic'), {}, nodeHost);
    expect(hammingDistance(a.pdq!, b.pdq!)).toBeLessThanOrEqual(16);
  });

  it('reads the EXIF camera details of a HEIC', async () => {
    const report = await analyze(heic('parcel-irot-320x240.heic'), {}, nodeHost);
    expect(report.evidence.map((e) => e.id)).toContain('metadata.camera.present');
  });
});

describe('damaged and hostile HEIC files', () => {
  it('a truncated HEIC fails with a clear error, and the analysis skips the picture checks', async () => {
    const whole = heic('parcel-640x480.heic');
    const cut = whole.slice(0, Math.floor(whole.length * 0.6));
    await expect(nodeHost.decodePixels(cut, 'heic')).rejects.toThrow(/^The HEIC picture could not be decoded: .*end of file/i);
    const report = await analyze(cut, {}, nodeHost);
    expect(report.evidence.filter((e) => e.id === 'engine.error')).toEqual([]);
    const skipped = report.evidence.find((e) => e.id === 'engine.pixels-skipped');
    expect(skipped?.data?.reason).toMatch(/HEIC picture could not be decoded/);
  });

  it('bytes that are not HEIF at all are refused when read', async () => {
    const png = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'images', 'png-plain.png')));
    await expect(nodeHost.decodePixels(png, 'heic')).rejects.toThrow(/^The HEIC file could not be read: .*ftyp/);
  });

  it(`refuses a file declaring more than ${LIMITS.maxDecodePixels / 1e6} MP before decoding anything`, async () => {
    const huge = declaring(heic('parcel-640x480.heic'), 12_000, 9_000);
    await expect(nodeHost.decodePixels(huge, 'heic')).rejects.toThrow(
      new HeifDecodeError(`The HEIC image declares 12000×9000 pixels, more than the ${LIMITS.maxDecodePixels / 1e6} MP decoding limit`),
    );
    // The decoder is still usable afterwards.
    const px = await nodeHost.decodePixels(heic('parcel-640x480.heic'), 'heic');
    expect(px.width).toBe(640);
  });

  it('reports a decoder that cannot start, and tries again on the next file', async () => {
    let attempts = 0;
    const decode = createHeifDecoder(async () => {
      attempts++;
      throw new Error('wasm missing');
    });
    await expect(decode(heic('parcel-640x480.heic'))).rejects.toThrow('The HEIC decoder could not start: wasm missing');
    await expect(decode(heic('parcel-640x480.heic'))).rejects.toThrow(/could not start/);
    expect(attempts).toBe(2);
  });
});

/** Every file under `dir` whose name ends with one of `extensions`. */
function walk(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path, extensions);
    return extensions.test(name) ? [path] : [];
  });
}

describe.skipIf(!existsSync(CORPUS))('HEIC files of the shared corpus', () => {
  it('every corpus HEIC decodes in Node at its declared size', { timeout: 120_000 }, async () => {
    const files = walk(CORPUS, /\.(heic|heif|hif)$/i);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      expect(sniffFormat(bytes).format, file).toBe('heic');
      checkPixels(await nodeHost.decodePixels(bytes, 'heic'), bytes, file);
    }
  });

  it('AVIF (AV1) is outside this libheif build: refused with a clear error', async () => {
    const avif = walk(CORPUS, /\.avif$/i)[0];
    if (!avif) return;
    const decode = createHeifDecoder(async () => {
      const glue = await import('libheif-js/libheif-wasm/libheif.js');
      const wasm = readFileSync(join(ROOT, 'node_modules', 'libheif-js', 'libheif-wasm', 'libheif.wasm'));
      return { factory: glue.default as never, wasm: await WebAssembly.compile(wasm) };
    });
    await expect(decode(new Uint8Array(readFileSync(avif)))).rejects.toThrow(/codec the HEIC decoder does not include/);
  });
});
