/**
 * sniffFormat(): container recognition and declared dimensions from the first bytes, for
 * JPEG (baseline, progressive, markers before the frame header), PNG, WebP (VP8/VP8L/VP8X),
 * GIF, BMP, TIFF, HEIC and AVIF; clear errors for truncated, empty, HTML and unknown input.
 */
import { describe, expect, it } from 'vitest';
import { sniffFormat, UnsupportedImageError } from '../../lib/engine/format';
import { fixture } from './helpers';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u16be = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const u16le = (v: number) => [v & 0xff, (v >> 8) & 0xff];
const u24le = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff];
const u32be = (v: number) => [(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
const u32le = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
const bytes = (...parts: number[][]) => new Uint8Array(parts.flat());
const segment = (marker: number, body: number[]) => [0xff, marker, ...u16be(body.length + 2), ...body];

const APP0 = segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const DQT = segment(0xdb, [0, ...new Array(64).fill(1)]);
const DHT = segment(0xc4, [0, ...new Array(16).fill(0)]);
const sof = (marker: number, width: number, height: number) => segment(marker, [8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]);
const SOS = segment(0xda, [1, 1, 0, 0, 63, 0]);

function ftyp(major: string, compatible: string[]): number[] {
  const body = [...ascii(major), 0, 0, 0, 0, ...compatible.flatMap(ascii)];
  return [...u32be(body.length + 8), ...ascii('ftyp'), ...body];
}
const ispe = (w: number, h: number) => [...u32be(20), ...ascii('ispe'), 0, 0, 0, 0, ...u32be(w), ...u32be(h)];
/** The item-property association box that follows the property container in real files. */
const IPMA = [...u32be(16), ...ascii('ipma'), 0, 0, 0, 0, ...u32be(0)];

describe('sniffFormat()', () => {
  it('JPEG baseline: dimensions from SOF0 after APP0, DQT and DHT', () => {
    expect(sniffFormat(bytes([0xff, 0xd8], APP0, DQT, DHT, sof(0xc0, 4032, 3024), SOS))).toEqual({ format: 'jpeg', width: 4032, height: 3024 });
  });

  it('JPEG progressive (SOF2) and fill bytes before a marker', () => {
    expect(sniffFormat(bytes([0xff, 0xd8], APP0, [0xff, 0xff], sof(0xc2, 640, 480), SOS))).toEqual({ format: 'jpeg', width: 640, height: 480 });
  });

  it('JPEG from the fixtures', () => {
    expect(sniffFormat(fixture('camera-exif.jpg'))).toEqual({ format: 'jpeg', width: 64, height: 48 });
  });

  it('truncated JPEG (cut before the frame header) is a clear error', () => {
    expect(() => sniffFormat(fixture('truncated-header.jpg'))).toThrow(UnsupportedImageError);
    expect(() => sniffFormat(fixture('truncated-header.jpg'))).toThrow('JPEG has no frame header (SOF): the file is truncated or damaged');
    expect(() => sniffFormat(bytes([0xff, 0xd8], APP0, DQT))).toThrow(/truncated or damaged/);
  });

  it('JPEG whose scan starts before any frame header is an error', () => {
    expect(() => sniffFormat(bytes([0xff, 0xd8], APP0, SOS, new Array(32).fill(0)))).toThrow(/no frame header/);
  });

  it('PNG: dimensions from IHDR', () => {
    const png = bytes([0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], u32be(13), ascii('IHDR'), u32be(1170), u32be(2532), [8, 2, 0, 0, 0]);
    expect(sniffFormat(png)).toEqual({ format: 'png', width: 1170, height: 2532 });
    expect(sniffFormat(fixture('generator-1024x1024.png'))).toEqual({ format: 'png', width: 1024, height: 1024 });
  });

  it('PNG without IHDR is an error', () => {
    const png = bytes([0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], u32be(4), ascii('tEXt'), u32be(0), u32be(0));
    expect(() => sniffFormat(png)).toThrow(/IHDR/);
  });

  it('WebP lossy (VP8)', () => {
    const webp = bytes(ascii('RIFF'), u32le(100), ascii('WEBPVP8 '), u32le(80), [0, 0, 0, 0x9d, 0x01, 0x2a], u16le(800), u16le(600), [0, 0]);
    expect(sniffFormat(webp)).toEqual({ format: 'webp', width: 800, height: 600 });
  });

  it('WebP lossless (VP8L)', () => {
    const w = 1024 - 1;
    const h = 768 - 1;
    const bits = w | (h << 14);
    const webp = bytes(ascii('RIFF'), u32le(100), ascii('WEBPVP8L'), u32le(80), [0x2f], u32le(bits), [0, 0, 0, 0, 0]);
    expect(sniffFormat(webp)).toEqual({ format: 'webp', width: 1024, height: 768 });
  });

  it('WebP extended (VP8X)', () => {
    const webp = bytes(ascii('RIFF'), u32le(100), ascii('WEBPVP8X'), u32le(10), [0x08, 0, 0, 0], u24le(1023), u24le(1023), [0, 0]);
    expect(sniffFormat(webp)).toEqual({ format: 'webp', width: 1024, height: 1024 });
  });

  it('WebP with an unknown first chunk is an error', () => {
    const webp = bytes(ascii('RIFF'), u32le(100), ascii('WEBPABCD'), new Array(20).fill(0));
    expect(() => sniffFormat(webp)).toThrow(UnsupportedImageError);
  });

  it('GIF87a and GIF89a', () => {
    expect(sniffFormat(bytes(ascii('GIF89a'), u16le(320), u16le(240), [0, 0, 0, 0]))).toEqual({ format: 'gif', width: 320, height: 240 });
    expect(sniffFormat(bytes(ascii('GIF87a'), u16le(16), u16le(8), [0, 0, 0, 0]))).toEqual({ format: 'gif', width: 16, height: 8 });
  });

  it('BMP, including a top-down (negative height) bitmap', () => {
    const bmp = (h: number) => bytes(ascii('BM'), new Array(16).fill(0), u32le(640), u32le(h >>> 0), [0, 0]);
    expect(sniffFormat(bmp(480))).toEqual({ format: 'bmp', width: 640, height: 480 });
    expect(sniffFormat(bmp(-480))).toEqual({ format: 'bmp', width: 640, height: 480 });
  });

  it('TIFF is recognised without dimensions', () => {
    expect(sniffFormat(bytes(ascii('II*\0'), u32le(8), [0, 0, 0, 0]))).toEqual({ format: 'tiff', width: 0, height: 0 });
    expect(sniffFormat(bytes(ascii('MM\0*'), u32be(8), [0, 0, 0, 0]))).toEqual({ format: 'tiff', width: 0, height: 0 });
  });

  it('HEIC: brand from ftyp, dimensions from ispe', () => {
    const heic = bytes(ftyp('heic', ['mif1', 'heic']), [...u32be(8), ...ascii('meta')], ispe(4032, 3024), IPMA);
    expect(sniffFormat(heic)).toEqual({ format: 'heic', width: 4032, height: 3024 });
  });

  it('HEIF with only the mif1 brand counts as HEIC', () => {
    expect(sniffFormat(bytes(ftyp('mif1', ['mif1']), ispe(100, 50))).format).toBe('heic');
  });

  it('AVIF: brand from ftyp, dimensions from ispe', () => {
    const avif = bytes(ftyp('avif', ['mif1', 'miaf', 'avif']), [...u32be(8), ...ascii('meta')], ispe(1071, 1428), IPMA);
    expect(sniffFormat(avif)).toEqual({ format: 'avif', width: 1071, height: 1428 });
  });

  it('HEIC from a phone: the primary item’s extent, not the first 512×512 grid tile', () => {
    const box = (type: string, body: number[]) => [...u32be(body.length + 8), ...ascii(type), ...body];
    const full = (type: string, body: number[]) => box(type, [0, 0, 0, 0, ...body]);
    const pitm = full('pitm', u16be(49));
    const ipco = box('ipco', [...ispe(512, 512), ...ispe(4032, 3024)]);
    // item 1 (a tile) → property 1; item 49 (the grid, primary) → property 2.
    const ipma = full('ipma', [...u32be(2), ...u16be(1), 1, 0x81, ...u16be(49), 1, 0x82]);
    const meta = full('meta', [...pitm, ...box('iprp', [...ipco, ...ipma])]);
    expect(sniffFormat(bytes(ftyp('heic', ['mif1', 'heic']), meta))).toEqual({ format: 'heic', width: 4032, height: 3024 });
  });

  it('AVIF sequence (avis) counts as AVIF', () => {
    expect(sniffFormat(bytes(ftyp('avis', ['avis', 'msf1']), ispe(64, 64))).format).toBe('avif');
  });

  it('HEIC without an ispe box has unknown (0×0) dimensions', () => {
    expect(sniffFormat(bytes(ftyp('heic', ['mif1']), new Array(24).fill(0)))).toEqual({ format: 'heic', width: 0, height: 0 });
  });

  it('an ftyp of a video (mp4) is not an image', () => {
    expect(() => sniffFormat(bytes(ftyp('isom', ['isom', 'mp42']), new Array(16).fill(0)))).toThrow('Not a recognised image format');
  });

  it('empty and very short files are errors that say so', () => {
    expect(() => sniffFormat(fixture('empty.jpg'))).toThrow('File too short to be an image (0 bytes)');
    expect(() => sniffFormat(bytes([0xff, 0xd8, 0xff]))).toThrow(/3 bytes/);
  });

  it('an HTML page (e.g. a login page served instead of the image) is a clear error', () => {
    expect(() => sniffFormat(fixture('html-page.jpg'))).toThrow('This is a web page or SVG document, not a photo');
    expect(() => sniffFormat(new TextEncoder().encode('  \n<html><body>Sign in</body></html>'))).toThrow(/web page/);
    expect(() => sniffFormat(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toThrow(/SVG/);
  });

  it('anything else is "not a recognised image format"', () => {
    expect(() => sniffFormat(new TextEncoder().encode('%PDF-1.7 binary stuff here'))).toThrow('Not a recognised image format');
    expect(() => sniffFormat(new Uint8Array(64))).toThrow(UnsupportedImageError);
  });

  it('reads a view into a larger buffer at its own offset', () => {
    const whole = bytes([1, 2, 3, 4], ascii('GIF89a'), u16le(7), u16le(9), [0, 0, 0, 0]);
    expect(sniffFormat(whole.subarray(4))).toEqual({ format: 'gif', width: 7, height: 9 });
  });
});
