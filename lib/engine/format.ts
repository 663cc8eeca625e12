/**
 * Recognises an image container from its first bytes and reads its declared dimensions
 * without decoding pixels. Owns nothing else: metadata parsing lives in inputs.ts.
 */

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'heic' | 'bmp' | 'tiff';

export interface FormatInfo {
  format: ImageFormat;
  width: number;
  height: number;
}

export class UnsupportedImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedImageError';
  }
}

const u16be = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
const u16le = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32be = (b: Uint8Array, o: number) => ((b[o] << 24) >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3];
const u24le = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8) | (b[o + 2] << 16);
const ascii = (b: Uint8Array, o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));

function jpegSize(b: Uint8Array): { width: number; height: number } {
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) {
      o++;
      continue;
    }
    const marker = b[o + 1];
    if (marker === 0xff) {
      o++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      o += 2;
      continue;
    }
    const len = u16be(b, o + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, o + 5), width: u16be(b, o + 7) };
    }
    if (marker === 0xda || marker === 0xd9) break;
    o += 2 + len;
  }
  throw new UnsupportedImageError('JPEG has no frame header (SOF): the file is truncated or damaged');
}

function webpSize(b: Uint8Array): { width: number; height: number } {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L') {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  throw new UnsupportedImageError('WebP without a known image chunk');
}

/** Last resort for files whose box structure cannot be walked: the first `ispe` in the first MiB. */
function firstIspe(b: Uint8Array): { width: number; height: number } {
  const limit = Math.min(b.length - 16, 1 << 20);
  for (let i = 4; i <= limit; i++) {
    if (b[i] === 0x69 && b[i + 1] === 0x73 && b[i + 2] === 0x70 && b[i + 3] === 0x65) return { width: u32be(b, i + 8), height: u32be(b, i + 12) };
  }
  return { width: 0, height: 0 };
}

interface Box {
  type: string;
  start: number;
  end: number;
}

/** The boxes between `from` and `to` (ISO BMFF: 32-bit size, type, optional 64-bit size). */
function boxes(b: Uint8Array, from: number, to: number): Box[] {
  const out: Box[] = [];
  let o = from;
  while (o + 8 <= to && out.length < 4096) {
    let size = u32be(b, o);
    let header = 8;
    if (size === 1 && o + 16 <= to) {
      size = u32be(b, o + 8) * 2 ** 32 + u32be(b, o + 12);
      header = 16;
    } else if (size === 0) size = to - o;
    if (size < header || o + size > to) break;
    out.push({ type: ascii(b, o + 4, 4), start: o + header, end: o + size });
    o += size;
  }
  return out;
}

/**
 * The size of a HEIF/AVIF image: the `ispe` property that `ipma` associates with the
 * primary item (`pitm`). Phones store a grid of 512×512 tiles, each with its own `ispe`,
 * so the first `ispe` in the file is usually a tile, not the picture.
 */
function heifSize(b: Uint8Array): { width: number; height: number } {
  const meta = boxes(b, 0, b.length).find((x) => x.type === 'meta');
  if (!meta) return firstIspe(b);
  const children = boxes(b, meta.start + 4, meta.end);
  const pitm = children.find((x) => x.type === 'pitm');
  const iprp = children.find((x) => x.type === 'iprp');
  if (!iprp) return firstIspe(b);
  const props = boxes(b, iprp.start, iprp.end);
  const ipco = props.find((x) => x.type === 'ipco');
  const ipma = props.find((x) => x.type === 'ipma');
  if (!ipco) return firstIspe(b);
  const list = boxes(b, ipco.start, ipco.end);
  const ispeOf = (i: number) => {
    const p = list[i];
    return p?.type === 'ispe' && p.start + 12 <= p.end ? { width: u32be(b, p.start + 4), height: u32be(b, p.start + 8) } : undefined;
  };
  if (pitm && ipma) {
    const primary = b[pitm.start] === 0 ? u16be(b, pitm.start + 4) : u32be(b, pitm.start + 4);
    const version = b[ipma.start];
    const wide = (b[ipma.start + 3] & 1) === 1;
    let o = ipma.start + 4;
    const entries = u32be(b, o);
    o += 4;
    for (let e = 0; e < entries && o < ipma.end; e++) {
      const item = version < 1 ? u16be(b, o) : u32be(b, o);
      o += version < 1 ? 2 : 4;
      const count = b[o++];
      let size: { width: number; height: number } | undefined;
      let quarterTurns = 0;
      for (let k = 0; k < count; k++) {
        const index = wide ? u16be(b, o) & 0x7fff : b[o] & 0x7f;
        o += wide ? 2 : 1;
        if (item !== primary) continue;
        size ??= ispeOf(index - 1);
        const p = list[index - 1];
        if (p?.type === 'irot' && p.start < p.end) quarterTurns = b[p.start] & 3;
      }
      // Viewers show the picture turned by `irot`: report the size as displayed (and decoded).
      if (size) return quarterTurns % 2 ? { width: size.height, height: size.width } : size;
    }
  }
  // No association found: the largest declared extent is the best guess.
  let best = { width: 0, height: 0 };
  for (let i = 0; i < list.length; i++) {
    const size = ispeOf(i);
    if (size && size.width * size.height > best.width * best.height) best = size;
  }
  return best;
}

export function sniffFormat(bytes: Uint8Array): FormatInfo {
  const b = bytes;
  if (b.length < 12) throw new UnsupportedImageError(`File too short to be an image (${b.length} bytes)`);
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { format: 'jpeg', ...jpegSize(b) };
  if (b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') {
    if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') throw new UnsupportedImageError('PNG without an IHDR header');
    return { format: 'png', width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    if (b.length < 30) throw new UnsupportedImageError('WebP header is truncated');
    return { format: 'webp', ...webpSize(b) };
  }
  if (ascii(b, 0, 4) === 'GIF8') return { format: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
  if (ascii(b, 0, 2) === 'BM') return { format: 'bmp', width: u32le(b, 18), height: Math.abs(i32le(b, 22)) };
  if (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*') return { format: 'tiff', width: 0, height: 0 };
  if (ascii(b, 4, 4) === 'ftyp') {
    const brands = ascii(b, 8, Math.min(u32be(b, 0), 64) - 8);
    if (/avif|avis/.test(brands)) return { format: 'avif', ...heifSize(b) };
    if (/heic|heix|heim|heis|hevc|hevx|mif1|msf1/.test(brands)) return { format: 'heic', ...heifSize(b) };
  }
  const head = ascii(b, 0, Math.min(b.length, 64)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<?xml') || head.startsWith('<svg')) {
    throw new UnsupportedImageError('This is a web page or SVG document, not a photo');
  }
  throw new UnsupportedImageError('Not a recognised image format');
}

function u32le(b: Uint8Array, o: number) {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function i32le(b: Uint8Array, o: number) {
  return b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);
}
