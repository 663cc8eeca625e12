/**
 * The marker structure of a JPEG file, read without decoding pixels: the segments in file
 * order (APPn with their identifiers and sizes, DQT, SOF, DHT, SOS, COM ...), the
 * quantisation tables the frame uses, the frame header, the comments, where the image ends
 * (EOI) and how many bytes follow it. A shared input for the JPEG detectors; it interprets
 * nothing (what a table or a trailer means is the detectors' business).
 *
 * Parameters, chosen to bound the work on a hostile file while reading every real photo:
 * - MAX_SEGMENTS (4096): real files have 10-40 segments; progressive ones add one SOS per scan.
 * - MAX_COMMENT (512 characters): COM texts are encoder names and short notes.
 * - MAX_LABEL (40 characters): APPn identifiers ("Exif", "http://ns.adobe.com/xap/1.0/") are short.
 * Entropy-coded data is skipped with indexOf(0xFF), so a 12 MP file takes a few milliseconds.
 *
 * Memoised per byte array (a WeakMap keyed by the input's `bytes`), so every detector that
 * asks gets the same parse and the analysis input needs no new field.
 */

export interface JpegSegment {
  /** The marker byte after 0xFF (0xE1 for APP1 ...). */
  marker: number;
  /** Short name: 'SOI', 'APP1', 'DQT', 'SOF0', 'SOS', 'EOI' ... */
  name: string;
  /** Offset of the 0xFF that starts the marker. */
  offset: number;
  /** Bytes of the segment including the marker and length field (2 for SOI/EOI). */
  size: number;
  /** APPn identifier ('Exif', 'JFIF', 'MPF', 'ICC_PROFILE', 'http://ns.adobe.com/xap/1.0/' ...). */
  label?: string;
}

export interface QuantTable {
  /** Table slot 0-3. */
  id: number;
  precision: 8 | 16;
  /** 64 divisors in natural (row-major) order, not the zig-zag order of the file. */
  values: number[];
}

export interface FrameComponent {
  id: number;
  h: number;
  v: number;
  /** The quantisation table slot this component uses. */
  tq: number;
}

export interface JpegFrame {
  marker: number;
  /** 'baseline' | 'extended' | 'progressive' | 'lossless' | 'hierarchical' | 'arithmetic' */
  process: string;
  precision: number;
  width: number;
  height: number;
  components: FrameComponent[];
}

export interface JpegStructure {
  segments: JpegSegment[];
  /** Tables in effect at the first scan (SOS), by slot; at the frame header when no scan follows. */
  frameTables: (QuantTable | undefined)[];
  /** Every DQT table in file order (a slot may be defined more than once). */
  allTables: QuantTable[];
  frame?: JpegFrame;
  comments: string[];
  /** Offset of the 0xFF of the main image's EOI marker, when found. */
  eoiOffset?: number;
  /** Bytes after the main image's EOI (0 when none or when no EOI was found). */
  trailingBytes: number;
  /** No EOI: the file ends inside the image data. */
  truncated: boolean;
  /** Things that are not well-formed JPEG, in plain words. */
  problems: string[];
}

const MAX_SEGMENTS = 4096;
const MAX_COMMENT = 512;
const MAX_LABEL = 40;

/** Zig-zag index → natural (row-major) index, from ITU-T T.81 Figure A.6. */
export const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
  28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
  54, 47, 55, 62, 63,
];

const SOF_PROCESS: Record<number, string> = {
  0xc0: 'baseline', 0xc1: 'extended', 0xc2: 'progressive', 0xc3: 'lossless',
  0xc5: 'hierarchical', 0xc6: 'hierarchical', 0xc7: 'hierarchical',
  0xc9: 'arithmetic', 0xca: 'arithmetic', 0xcb: 'arithmetic',
  0xcd: 'arithmetic', 0xce: 'arithmetic', 0xcf: 'arithmetic',
};

export function markerName(m: number): string {
  if (m === 0xd8) return 'SOI';
  if (m === 0xd9) return 'EOI';
  if (m === 0xda) return 'SOS';
  if (m === 0xdb) return 'DQT';
  if (m === 0xc4) return 'DHT';
  if (m === 0xcc) return 'DAC';
  if (m === 0xdd) return 'DRI';
  if (m === 0xdc) return 'DNL';
  if (m === 0xfe) return 'COM';
  if (m >= 0xe0 && m <= 0xef) return `APP${m - 0xe0}`;
  if (m >= 0xd0 && m <= 0xd7) return `RST${m - 0xd0}`;
  if (SOF_PROCESS[m]) return `SOF${m - 0xc0}`;
  return `0x${m.toString(16).toUpperCase().padStart(2, '0')}`;
}

const isSof = (m: number) => SOF_PROCESS[m] !== undefined;
const u16 = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];

function appLabel(b: Uint8Array, start: number, end: number): string | undefined {
  let s = '';
  for (let i = start; i < end && i < start + MAX_LABEL; i++) {
    const c = b[i];
    if (c === 0) break;
    if (c < 0x20 || c > 0x7e) break;
    s += String.fromCharCode(c);
  }
  return s || undefined;
}

function readDqt(b: Uint8Array, start: number, end: number, into: QuantTable[], problems: string[]): void {
  let o = start;
  while (o < end) {
    const pq = b[o] >> 4;
    const id = b[o] & 15;
    const n = pq ? 128 : 64;
    if (o + 1 + n > end || id > 3 || pq > 1) {
      problems.push('A quantisation table (DQT) is malformed');
      return;
    }
    const values = new Array<number>(64);
    for (let k = 0; k < 64; k++) values[ZIGZAG[k]] = pq ? u16(b, o + 1 + 2 * k) : b[o + 1 + k];
    into.push({ id, precision: pq ? 16 : 8, values });
    o += 1 + n;
  }
}

function readFrame(b: Uint8Array, marker: number, start: number, end: number): JpegFrame | undefined {
  if (end - start < 6) return undefined;
  const count = b[start + 5];
  const components: FrameComponent[] = [];
  for (let i = 0; i < count && start + 6 + 3 * i + 2 < end; i++) {
    const o = start + 6 + 3 * i;
    components.push({ id: b[o], h: b[o + 1] >> 4, v: b[o + 1] & 15, tq: b[o + 2] });
  }
  return {
    marker,
    process: SOF_PROCESS[marker],
    precision: b[start],
    height: u16(b, start + 1),
    width: u16(b, start + 3),
    components,
  };
}

/** Offset of the next marker after entropy-coded data starting at `from` (stuffed 0xFF00 and RSTn skipped). */
function skipEntropy(b: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    i = b.indexOf(0xff, i);
    if (i < 0 || i + 1 >= b.length) return -1;
    const next = b[i + 1];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
      i += next === 0xff ? 1 : 2;
      continue;
    }
    return i;
  }
}

export function parseJpegStructure(b: Uint8Array): JpegStructure {
  const result: JpegStructure = {
    segments: [],
    frameTables: [],
    allTables: [],
    comments: [],
    trailingBytes: 0,
    truncated: false,
    problems: [],
  };
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) {
    result.problems.push('The file does not start with a JPEG start-of-image marker');
    result.truncated = true;
    return result;
  }
  result.segments.push({ marker: 0xd8, name: 'SOI', offset: 0, size: 2 });
  const current: (QuantTable | undefined)[] = [];
  let sawScan = false;
  let o = 2;
  while (result.segments.length < MAX_SEGMENTS) {
    if (o + 1 >= b.length) {
      result.truncated = true;
      break;
    }
    if (b[o] !== 0xff) {
      // Garbage between segments: some writers leave padding; resynchronise on the next 0xFF.
      const next = b.indexOf(0xff, o);
      result.problems.push(`Unexpected bytes between segments at offset ${o}`);
      if (next < 0) {
        result.truncated = true;
        break;
      }
      o = next;
      continue;
    }
    const marker = b[o + 1];
    if (marker === 0xff) {
      o++;
      continue;
    }
    if (marker === 0xd9) {
      result.segments.push({ marker, name: 'EOI', offset: o, size: 2 });
      result.eoiOffset = o;
      result.trailingBytes = b.length - (o + 2);
      return result;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      if (marker === 0xd8) result.problems.push('A second start-of-image marker inside the image');
      result.segments.push({ marker, name: markerName(marker), offset: o, size: 2 });
      o += 2;
      continue;
    }
    if (o + 3 >= b.length) {
      result.truncated = true;
      break;
    }
    const len = u16(b, o + 2);
    const start = o + 4;
    const end = o + 2 + len;
    if (len < 2 || end > b.length) {
      result.problems.push(`Segment ${markerName(marker)} at offset ${o} runs past the end of the file`);
      result.truncated = true;
      break;
    }
    const seg: JpegSegment = { marker, name: markerName(marker), offset: o, size: len + 2 };
    if (marker >= 0xe0 && marker <= 0xef) seg.label = appLabel(b, start, end);
    result.segments.push(seg);

    if (marker === 0xdb) {
      const before = result.allTables.length;
      readDqt(b, start, end, result.allTables, result.problems);
      for (const t of result.allTables.slice(before)) current[t.id] = t;
    } else if (isSof(marker)) {
      if (result.frame) result.problems.push('More than one frame header (SOF)');
      else {
        result.frame = readFrame(b, marker, start, end);
        result.frameTables = current.slice();
      }
    } else if (marker === 0xfe) {
      const text = new TextDecoder('latin1').decode(b.subarray(start, Math.min(end, start + MAX_COMMENT * 2)));
      const clean = text.replace(/\0+$/, '').trim().slice(0, MAX_COMMENT);
      if (clean) result.comments.push(clean);
    }

    if (marker === 0xda) {
      if (!sawScan) {
        // Tables may follow the frame header (some cameras write SOF before DQT).
        sawScan = true;
        result.frameTables = current.slice();
      }
      const next = skipEntropy(b, end);
      if (next < 0) {
        result.truncated = true;
        break;
      }
      o = next;
    } else {
      o = end;
    }
  }
  if (result.segments.length >= MAX_SEGMENTS) result.problems.push(`More than ${MAX_SEGMENTS} segments; reading stopped`);
  return result;
}

const cache = new WeakMap<Uint8Array, JpegStructure>();

/** The structure of a JPEG byte array, parsed once per array. */
export function jpegStructure(bytes: Uint8Array): JpegStructure {
  let s = cache.get(bytes);
  if (!s) {
    s = parseJpegStructure(bytes);
    cache.set(bytes, s);
  }
  return s;
}

/** The luma and (when present) chroma tables the frame's first two components use. */
export function frameLumaChroma(s: JpegStructure): { luma?: QuantTable; chroma?: QuantTable } {
  const comps = s.frame?.components ?? [];
  const luma = comps[0] ? s.frameTables[comps[0].tq] : undefined;
  const chroma = comps[1] ? s.frameTables[comps[1].tq] : undefined;
  return { luma, chroma };
}

/** The first APPn segment with the given marker whose identifier starts with `label`. */
export function findApp(s: JpegStructure, marker: number, label: string): JpegSegment | undefined {
  return s.segments.find((seg) => seg.marker === marker && seg.label !== undefined && seg.label.startsWith(label));
}

/** First index of `needle` in `hay` at or after `from`, or -1 (for signatures in trailers). */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first, from); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
