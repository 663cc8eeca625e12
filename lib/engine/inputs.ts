/**
 * The shared inputs a detector may ask for. Each is computed at most once per analysis and
 * only when some detector asks (a metadata-only file never gets decoded). Detectors read
 * from here and never parse bytes on their own when a shared input exists.
 */
import exifr from 'exifr';
import type { EngineHost, Pixels } from './host';
import type { ClaimContext } from './types';
import type { FormatInfo } from './format';
import { lazy } from './lazy';
import { LIMITS } from './limits';
import { readPngText, type PngTextChunk } from './png-text';
import { pdqHash, type PdqHash } from './pdq';
import { DEFAULT_CLAIM_POLICY, type ClaimPolicy } from '../settings/defaults';
import type { KnownBadHash } from '../settings/schema';

/** The picture itself could not be decoded: every check that needs pixels is skipped. */
export class PixelsUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PixelsUnavailableError';
  }
}

/** exifr's output with `mergeOutput: false`: one object per segment / XMP namespace. */
export type Metadata = Record<string, Record<string, unknown> | undefined> & {
  ifd0?: Record<string, unknown>;
  exif?: Record<string, unknown>;
  gps?: Record<string, unknown>;
  ifd1?: Record<string, unknown>;
  xmp?: Record<string, unknown>;
  iptc?: Record<string, unknown>;
};

export interface AnalysisInput {
  readonly bytes: Uint8Array;
  readonly context: ClaimContext;
  readonly info: FormatInfo;
  readonly host: EngineHost;
  sha256(): Promise<string>;
  /** Parsed EXIF/XMP/IPTC (exifr). Empty object when the file carries none. */
  metadata(): Promise<Metadata>;
  /** The raw XMP packet text when present (bounded), for values exifr does not model. */
  xmpPacket(): Promise<string | undefined>;
  /** PNG tEXt/zTXt/iTXt chunks; empty for other formats. */
  pngText(): Promise<PngTextChunk[]>;
  /** Full-resolution RGBA. Throws for images over LIMITS.maxDecodePixels or undecodable formats. */
  pixels(): Promise<Pixels>;
  /** Downscaled copy (longer side ≤ LIMITS.workingLongSide) shared by pixel detectors. */
  workingPixels(): Promise<Pixels>;
  /** PDQ perceptual hash of the working copy. */
  pdq(): Promise<PdqHash>;
  /** The team's claim limits. */
  readonly policy: ClaimPolicy;
  /** Why the EXIF/XMP/IPTC metadata could not be read (a damaged block), when it could not. */
  readonly metadataProblem: string | undefined;
  /** The team's list of known fraudulent photos. */
  readonly knownBad: readonly KnownBadHash[];
  /** The team's YARA rules source (empty when the team has none). */
  readonly teamRules: string;
  /** Milliseconds spent computing each shared input that was asked for (e.g. 'decode'). */
  readonly stageTimings: Record<string, number>;
}

const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: true,
  interop: false,
  xmp: true,
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: false,
  userComment: true,
  makerNote: false,
  mergeOutput: false,
  translateValues: false,
  reviveValues: true,
  multiSegment: true,
  silentErrors: true,
};

export function createInput(
  bytes: Uint8Array,
  context: ClaimContext,
  info: FormatInfo,
  host: EngineHost,
  policy: ClaimPolicy = DEFAULT_CLAIM_POLICY,
  knownBad: readonly KnownBadHash[] = [],
  teamRules = '',
): AnalysisInput {
  const stageTimings: Record<string, number> = {};
  let metadataProblem: string | undefined;
  /** A shared input computed once, its own time (not its dependencies') recorded under `stage`. */
  const stage = <T>(name: string, compute: () => Promise<T>) =>
    lazy(async () => {
      const started = performance.now();
      try {
        return await compute();
      } finally {
        stageTimings[name] = Math.round((performance.now() - started) * 100) / 100;
      }
    });
  const metadata = stage('metadata', async () => {
    // exifr reads JPEG, PNG, HEIC/AVIF and TIFF; a WebP's EXIF chunk is a TIFF stream it can read.
    if (info.format === 'gif' || info.format === 'bmp') return {};
    const source = info.format === 'webp' ? webpExifChunk(bytes) : bytes;
    if (!source) return {};
    // exifr trusts declared sizes: give it only what it can read safely. TIFF streams (WebP's
    // EXIF chunk, TIFF files) get no IPTC/XMP/ICC parsing (the raw XMP packet is read
    // separately), HEIF only a well-formed box structure, and huge XMP packets are not parsed.
    if (info.format === 'heic' || info.format === 'avif') {
      if (!heifBoxesWellFormed(bytes)) {
        metadataProblem = 'the HEIF box structure is damaged';
        return {};
      }
    }
    const tiffStream = info.format === 'webp' || info.format === 'tiff';
    const bigXmp = (findXmpPacket(bytes)?.length ?? 0) > 256 * 1024;
    const options = tiffStream || bigXmp ? { ...EXIFR_OPTIONS, xmp: !tiffStream && !bigXmp, iptc: !tiffStream, icc: false } : EXIFR_OPTIONS;
    try {
      const parsed = (await exifr.parse(source, options)) as Metadata | undefined;
      return parsed ?? {};
    } catch (err) {
      metadataProblem = err instanceof Error ? err.message : String(err);
      return {};
    }
  });
  const pixels = stage('decode', async () => {
    const declared = info.width * info.height;
    // A few kilobytes declaring tens of megapixels is a decompression bomb, not a photo
    // (real photos carry well under 1,000 pixels per byte; flat PNGs a few thousand).
    if (declared > 4_000_000 && declared / bytes.length > LIMITS.maxPixelsPerByte) {
      throw new PixelsUnavailableError(`the file is ${bytes.length} bytes but declares ${info.width}×${info.height} pixels, which only a decompression bomb does`);
    }
    if (declared > LIMITS.maxDecodePixels) {
      throw new PixelsUnavailableError(
        `the image declares ${info.width}×${info.height} pixels, more than the ${LIMITS.maxDecodePixels / 1e6} MP decoding limit`,
      );
    }
    try {
      return await host.decodePixels(bytes, info.format);
    } catch (err) {
      throw new PixelsUnavailableError(err instanceof Error ? err.message : String(err));
    }
  });
  const workingPixels = lazy(async () => {
    const full = await pixels();
    const started = performance.now();
    const small = downscale(full, LIMITS.workingLongSide);
    stageTimings.downscale = Math.round((performance.now() - started) * 100) / 100;
    return small;
  });
  return {
    bytes,
    context,
    info,
    host,
    policy,
    get metadataProblem() {
      return metadataProblem;
    },
    knownBad,
    teamRules,
    stageTimings,
    sha256: stage('sha256', () => host.sha256(bytes)),
    metadata,
    xmpPacket: stage('xmp', async () => findXmpPacket(bytes)),
    pngText: stage('pngText', async () => (info.format === 'png' ? readPngText(bytes) : [])),
    pixels,
    workingPixels,
    pdq: lazy(async () => {
      const px = await workingPixels();
      const started = performance.now();
      const hash = pdqHash(px);
      stageTimings.pdq = Math.round((performance.now() - started) * 100) / 100;
      return hash;
    }),
  };
}

/** Whether the boxes between `from` and `to` tile it exactly, none shorter than its header. */
function boxesTile(view: DataView, from: number, to: number, depth: number, into: string[]): boolean {
  let o = from;
  for (let n = 0; o < to; n++) {
    if (n > 10_000 || o + 8 > to) return false;
    let size = view.getUint32(o);
    let header = 8;
    if (size === 1) {
      if (o + 16 > to) return false;
      size = view.getUint32(o + 8) * 2 ** 32 + view.getUint32(o + 12);
      header = 16;
    }
    if (size < header || o + size > to) return false;
    const type = String.fromCharCode(view.getUint8(o + 4), view.getUint8(o + 5), view.getUint8(o + 6), view.getUint8(o + 7));
    if (depth > 0 && into.includes(type)) {
      // Full boxes (meta, iinf, iprp's children) carry 4 bytes of version and flags first.
      const skip = type === 'meta' || type === 'iinf' ? 4 + (type === 'iinf' ? 2 : 0) : 0;
      if (!boxesTile(view, o + header + skip, o + size, depth - 1, into) && type === 'meta') return false;
    }
    o += size;
  }
  return true;
}

/**
 * True when a HEIF/AVIF file's box structure is sound where exifr reads it (the top level and
 * the `meta` box's children); exifr loops forever on some damaged ones.
 */
export function heifBoxesWellFormed(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 0;
  for (let n = 0; o + 8 <= bytes.length && n < 1000; n++) {
    let size = view.getUint32(o);
    let header = 8;
    if (size === 1) {
      if (o + 16 > bytes.length) return false;
      size = view.getUint32(o + 8) * 2 ** 32 + view.getUint32(o + 12);
      header = 16;
    }
    const type = String.fromCharCode(bytes[o + 4], bytes[o + 5], bytes[o + 6], bytes[o + 7]);
    if (size < header || o + size > bytes.length) return false;
    if (type === 'meta') return boxesTile(view, o + header + 4, o + size, 1, ['meta']);
    o += size;
  }
  return false;
}

/** The payload of a WebP's RIFF `EXIF` chunk (a TIFF stream, sometimes behind an "Exif\0\0" header). */
export function webpExifChunk(bytes: Uint8Array): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let o = 12; o + 8 <= bytes.length; ) {
    const id = String.fromCharCode(bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]);
    const size = view.getUint32(o + 4, true);
    const start = o + 8;
    if (start + size > bytes.length) return undefined;
    if (id === 'EXIF') {
      const chunk = bytes.subarray(start, start + size);
      const exifHeader = chunk[0] === 0x45 && chunk[1] === 0x78 && chunk[2] === 0x69 && chunk[3] === 0x66;
      return exifHeader ? chunk.subarray(6) : chunk;
    }
    o = start + size + (size & 1);
  }
  return undefined;
}

const XMP_OPEN = new TextEncoder().encode('<x:xmpmeta');
const XMP_CLOSE = new TextEncoder().encode('</x:xmpmeta>');
const MAX_XMP = 2 * 1024 * 1024;

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first, from); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function findXmpPacket(bytes: Uint8Array): string | undefined {
  const start = indexOfBytes(bytes, XMP_OPEN);
  if (start < 0) return undefined;
  const end = indexOfBytes(bytes.subarray(start, start + MAX_XMP), XMP_CLOSE);
  const stop = end < 0 ? Math.min(bytes.length, start + MAX_XMP) : start + end + XMP_CLOSE.length;
  return new TextDecoder('utf-8').decode(bytes.subarray(start, stop));
}

/** Box-filter downscale to a longer side of at most `longSide` (returns the input if already small). */
export function downscale(src: Pixels, longSide: number): Pixels {
  const scale = Math.min(1, longSide / Math.max(src.width, src.height));
  if (scale === 1) return src;
  const w = Math.max(1, Math.round(src.width * scale));
  const h = Math.max(1, Math.round(src.height * scale));
  return { width: w, height: h, data: resizeArea(src, w, h) };
}

/** Area-average resize of RGBA pixels to exactly `width` × `height` (nearest when enlarging). */
export function resizeArea(src: Pixels, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  const sx = src.width / width;
  const sy = src.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.min(src.height - 1, Math.floor(y * sy));
    const y1 = Math.max(y0 + 1, Math.min(src.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.min(src.width - 1, Math.floor(x * sx));
      const x1 = Math.max(x0 + 1, Math.min(src.width, Math.floor((x + 1) * sx)));
      let r = 0, g = 0, b = 0, a = 0;
      for (let yy = y0; yy < y1; yy++) {
        let p = (yy * src.width + x0) * 4;
        for (let xx = x0; xx < x1; xx++, p += 4) {
          r += src.data[p];
          g += src.data[p + 1];
          b += src.data[p + 2];
          a += src.data[p + 3];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const q = (y * width + x) * 4;
      out[q] = r / n;
      out[q + 1] = g / n;
      out[q + 2] = b / n;
      out[q + 3] = a / n;
    }
  }
  return out;
}
