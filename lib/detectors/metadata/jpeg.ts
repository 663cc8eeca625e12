/**
 * metadata.jpeg — what the JPEG encoding says about where the file was last saved: the
 * quantisation tables (the "quality" settings of the encoder), whether they are the
 * standard libjpeg (IJG) tables every library and most apps use or a maker's own tables,
 * whether those tables fit the camera the EXIF names, signs that a camera file was saved
 * again by software, marker-order anomalies, and data stored after the end of the image.
 * Reads the shared JPEG structure (lib/engine/jpeg-structure.ts) and EXIF; no pixels.
 *
 * Parameters and data:
 * - ANNEX_K_LUMA / ANNEX_K_CHROMA: the example tables of ITU-T T.81 Annex K (K.1, K.2),
 *   scaled the way IJG libjpeg's jpeg_quality_scaling() does (jcparam.c): scale = 5000/q
 *   below 50, 200−2q from 50; entry = (base·scale + 50) / 100 clamped to 1..255 (to 32767
 *   for 16-bit tables). Tables that equal this for some q are "standard IJG tables".
 * - quant-catalogue.json (built by scripts/build-quant-catalogue.ts from the corpus):
 *   hashes of the luma+chroma tables seen in unmodified camera files, grouped by camera
 *   make, hashes seen only in AI/edited/stripped files, and the makes that have never been
 *   seen writing standard tables. Only hashes, no pictures or names of files.
 * - nearStandardMaxError 1: see JPEG_PARAMS.
 * - RESIZE_TOLERANCE 16 px: EXIF PixelXDimension/PixelYDimension and the frame size may
 *   differ by up to one 16-pixel MCU (cameras and lossless croppers pad or trim to it).
 * - Trailer kinds: zero/0xFF padding and leftover card data (old cameras write files of a
 *   fixed size), MPF additional images (CIPA DC-007: previews, depth maps, HDR gain maps),
 *   Samsung trailer ("SEFT" at the end, ExifTool Samsung.pm), motion photos (an MP4 'ftyp'
 *   box after the JPEG, as Google motion photos append; Samsung's "MotionPhoto_Data"
 *   block), and an appended JPEG without MPF.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import {
  findApp,
  frameLumaChroma,
  indexOfBytes,
  jpegStructure,
  type JpegStructure,
  type QuantTable,
} from '../../engine/jpeg-structure';
import { clip } from '../../engine/limits';
import type { MessageRef } from '../../engine/types';
import { list, msg, render, renderValue, say, sayRefs, type MessageParam, type Params } from '../../i18n/messages';
import catalogue from './quant-catalogue.json' with { type: 'json' };

// ---------------------------------------------------------------- tables and quality

/** ITU-T T.81 Table K.1 (luminance), natural order. */
export const ANNEX_K_LUMA = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51,
  87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];

/** ITU-T T.81 Table K.2 (chrominance), natural order. */
export const ANNEX_K_CHROMA = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99,
  99, 99, 99, ...new Array<number>(32).fill(99),
];

/** The IJG table for quality q (1..100). */
export function ijgTable(base: readonly number[], q: number, baseline = true): number[] {
  const quality = Math.min(100, Math.max(1, Math.round(q)));
  const scale = quality < 50 ? Math.floor(5000 / quality) : 200 - quality * 2;
  return base.map((b) => Math.min(baseline ? 255 : 32767, Math.max(1, Math.floor((b * scale + 50) / 100))));
}

const sameTable = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);

function exactIjgQuality(t: QuantTable, base: readonly number[]): number | undefined {
  for (let q = 1; q <= 100; q++) if (sameTable(t.values, ijgTable(base, q, t.precision === 8))) return q;
  return undefined;
}

export interface QualityEstimate {
  /** IJG quality 1..100 (exact for standard tables, the closest otherwise). */
  quality: number;
  /** Both tables are exactly IJG-scaled Annex K tables. */
  standard: boolean;
  lumaQuality?: number;
  chromaQuality?: number;
  /** Mean absolute difference per entry from the closest IJG tables (0 when standard). */
  meanError: number;
  /** Largest difference of one entry from those tables. */
  maxError: number;
}

export function estimateQuality(luma: QuantTable, chroma?: QuantTable): QualityEstimate {
  const lq = exactIjgQuality(luma, ANNEX_K_LUMA);
  const cq = chroma ? exactIjgQuality(chroma, ANNEX_K_CHROMA) : undefined;
  if (lq !== undefined && (!chroma || cq !== undefined)) {
    return { quality: lq, standard: true, lumaQuality: lq, chromaQuality: cq, meanError: 0, maxError: 0 };
  }
  let best = { q: 50, err: Infinity, max: Infinity };
  for (let q = 1; q <= 100; q++) {
    let err = 0;
    let max = 0;
    const add = (t: QuantTable, base: readonly number[]) => {
      const ref = ijgTable(base, q, t.precision === 8);
      for (let i = 0; i < 64; i++) {
        const d = Math.abs(t.values[i] - ref[i]);
        err += d;
        if (d > max) max = d;
      }
    };
    add(luma, ANNEX_K_LUMA);
    if (chroma) add(chroma, ANNEX_K_CHROMA);
    const mean = err / (chroma ? 128 : 64);
    if (mean < best.err) best = { q, err: mean, max };
  }
  return {
    quality: best.q,
    standard: false,
    lumaQuality: lq,
    chromaQuality: cq,
    meanError: Math.round(best.err * 100) / 100,
    maxError: best.max,
  };
}

/** 64-bit FNV-1a (two 32-bit lanes) of the tables the frame uses, as 16 hex digits. */
export function tablesHash(luma: QuantTable, chroma?: QuantTable): string {
  const values = [luma.precision, ...luma.values, ...(chroma ? [chroma.precision, ...chroma.values] : [])];
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const v of values) {
    for (const byte of [v >> 8, v & 255]) {
      a = Math.imul(a ^ byte, 0x01000193) >>> 0;
      b = Math.imul(b ^ byte, 0x01000193 + 2) >>> 0;
    }
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Camera makes as written by different firmware ("EASTMAN KODAK COMPANY", "Kodak") → one key. */
const MAKE_ALIASES: readonly [RegExp, string][] = [
  [/kodak|jk imaging/i, 'kodak'],
  [/olympus|om digital/i, 'olympus'],
  [/minolta|konica/i, 'konica minolta'],
  [/fuji/i, 'fujifilm'],
  [/hewlett|^hp\b/i, 'hp'],
  [/epson/i, 'epson'],
  [/pentax|asahi|ricoh imaging/i, 'pentax'],
  [/casio/i, 'casio'],
  [/nikon/i, 'nikon'],
  [/canon/i, 'canon'],
  [/sony/i, 'sony'],
  [/panasonic/i, 'panasonic'],
  [/leica/i, 'leica'],
  [/samsung/i, 'samsung'],
  [/^lg|lge/i, 'lg'],
  [/sanyo/i, 'sanyo'],
];

export function normaliseMake(make: string | undefined): string | undefined {
  const m = make?.replace(/\0+$/, '').trim();
  if (!m) return undefined;
  for (const [pattern, key] of MAKE_ALIASES) if (pattern.test(m)) return key;
  return m.toLowerCase().split(/[\s,.]+/)[0] || undefined;
}

interface Catalogue {
  ownTableMakes: string[];
  makes: Record<string, string[]>;
  other: Record<string, string[]>;
}
const CATALOGUE = catalogue as unknown as Catalogue;

// ---------------------------------------------------------------- structure checks

export const JPEG_PARAMS = {
  resizeTolerance: 16,
  /**
   * Tables that differ from IJG-scaled Annex K tables by at most 1 in every entry are Annex K
   * computed with other rounding (hardware encoders of many phones: an HTC and an Apple
   * phone in the corpus share one such table). They identify no maker, so they are neither
   * catalogued nor matched. Fujifilm's tables, Annex K-like but with a fixed DC divisor of
   * 4, differ by more and stay maker tables.
   */
  nearStandardMaxError: 1,
} as const;

/** Standard or near-standard tables: a generic encoder, not a maker's fingerprint. */
export const isGenericTables = (est: QualityEstimate): boolean => est.standard || est.maxError <= JPEG_PARAMS.nearStandardMaxError;

export type TableKind = 'standard' | 'near-standard' | 'custom';

export type TrailerKind = 'padding' | 'leftover' | 'mpf' | 'samsung' | 'motion-photo' | 'jpeg' | 'unknown';

/** Zero bytes right after the end that mark the rest of the file as unused card space. */
const LEFTOVER_MIN_PADDING = 16;

const enc = new TextEncoder();

/** What the bytes after the main image's end are, recognised by their signatures. */
export function classifyTrailer(bytes: Uint8Array, s: JpegStructure): TrailerKind {
  if (s.eoiOffset === undefined || !s.trailingBytes) return 'unknown';
  const t = bytes.subarray(s.eoiOffset + 2);
  const endText = String.fromCharCode(...t.subarray(Math.max(0, t.length - 8)));
  if (endText.endsWith('SEFT') || endText.endsWith('QDIOBS')) return 'samsung';
  if (indexOfBytes(t, enc.encode('MotionPhoto_Data')) >= 0) return 'motion-photo';
  // An MP4 starts with a box whose 32-bit size is small: 00 00 xx xx 'ftyp'.
  const ftyp = indexOfBytes(t, enc.encode('ftyp'));
  if (ftyp >= 4 && t[ftyp - 4] === 0 && t[ftyp - 3] === 0) return 'motion-photo';
  const soi = indexOfBytes(t, Uint8Array.of(0xff, 0xd8, 0xff));
  if (soi >= 0 && findApp(s, 0xe2, 'MPF')) return 'mpf';
  if (t.every((b) => b === 0) || t.every((b) => b === 0xff)) return 'padding';
  let firstData = 0;
  while (firstData < t.length && t[firstData] === 0) firstData++;
  if (soi >= 0 && soi === firstData) return 'jpeg';
  // Zero padding followed by unrelated bytes: the rest of a fixed-size file on the card.
  if (firstData >= LEFTOVER_MIN_PADDING) return 'leftover';
  return 'unknown';
}

export interface ResaveReason {
  code: 'resized' | 'standard-tables' | 'progressive' | 'adobe-segment' | 'jfxx';
  text: string;
  /** The same text as a catalogue message. */
  message: MessageRef;
}

function resaveReason(code: ResaveReason['code'], params?: Params): ResaveReason {
  const message = msg(`metadata.jpeg.resaved.${code}`, params);
  return { code, text: render(message), message };
}

/** The findings' texts (catalogue: metadata.jpeg.*). */
const TEXT = {
  quality: (q: number, kind: TableKind) => say(`metadata.jpeg.quality.${kind}`, { quality: q }),
  standardTables: (q: number) => say('metadata.jpeg.standard-tables', { quality: q }),
  cameraTables: (makes: string, claimed: boolean) =>
    say('metadata.jpeg.camera-tables', { makes, fit: msg(claimed ? 'metadata.jpeg.camera-tables.claimed' : 'metadata.jpeg.camera-tables.unclaimed') }),
  mismatch: (claimed: string, makes: string) => say('metadata.jpeg.tables-mismatch-camera', { claimed, makes }),
  editorTables: (claimed: string | undefined) =>
    say('metadata.jpeg.editor-tables', {
      camera: claimed ? msg('metadata.jpeg.editor-tables.namesCamera', { claimed }) : msg('metadata.jpeg.editor-tables.noCamera'),
    }),
  resaved: (reasons: MessageParam[]) => say('metadata.jpeg.resaved', { reasons: list('semicolon', reasons) }),
  markerOrder: (issues: MessageParam[]) => say('metadata.jpeg.marker-order', { issues: list('semicolon', issues) }),
  malformed: (issues: MessageParam[]) => say('metadata.jpeg.malformed', { issues: list('semicolon', issues) }),
  trailing: (kind: TrailerKind, size: number) =>
    sayRefs(
      msg(`metadata.jpeg.trailing-data.${kind}.title`),
      msg('metadata.jpeg.trailing-data.detail', { size: formatBytes(size), explanation: msg(`metadata.jpeg.trailing-data.${kind}.explanation`) }),
    ),
};

function formatBytes(n: number): MessageParam {
  if (n < 1024) return msg('metadata.jpeg.trailing-data.bytes', { count: n });
  if (n < 1024 * 1024) return msg('metadata.jpeg.trailing-data.kb', { count: (n / 1024).toFixed(1) });
  return msg('metadata.jpeg.trailing-data.mb', { count: (n / 1048576).toFixed(1) });
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v.replace(/\0+$/, '').trim() || undefined : undefined);
const displayMake = (key: string) => key.replace(/\b\w/g, (c) => c.toUpperCase());

function resaveReasons(s: JpegStructure, exifW: number | undefined, exifH: number | undefined, make: string, standard: boolean): ResaveReason[] {
  const reasons: ResaveReason[] = [];
  const fw = s.frame?.width ?? 0;
  const fh = s.frame?.height ?? 0;
  const tol = JPEG_PARAMS.resizeTolerance;
  if (exifW && exifH && fw && fh) {
    const close = (a: number, b: number) => Math.abs(a - b) <= tol;
    if (!(close(exifW, fw) && close(exifH, fh)) && !(close(exifW, fh) && close(exifH, fw))) {
      reasons.push(resaveReason('resized', { width: fw, height: fh, cameraWidth: exifW, cameraHeight: exifH }));
    }
  }
  if (standard && CATALOGUE.ownTableMakes.includes(make)) {
    reasons.push(resaveReason('standard-tables', { make: displayMake(make) }));
  }
  if (s.frame?.process === 'progressive') reasons.push(resaveReason('progressive'));
  if (findApp(s, 0xee, 'Adobe')) reasons.push(resaveReason('adobe-segment'));
  if (s.segments.some((x) => x.marker === 0xe0 && x.label === 'JFXX')) reasons.push(resaveReason('jfxx'));
  return reasons;
}

/** Marker-order anomalies that camera firmware does not produce. */
function markerIssues(s: JpegStructure): MessageRef[] {
  const issues: MessageRef[] = [];
  const firstImageMarker = s.segments.findIndex((x) => x.name === 'DQT' || x.name === 'DHT' || x.name.startsWith('SOF') || x.name === 'SOS');
  const exifAt = s.segments.findIndex((x) => x.marker === 0xe1 && x.label === 'Exif');
  if (exifAt >= 0 && firstImageMarker >= 0 && exifAt > firstImageMarker) issues.push(msg('metadata.jpeg.marker-order.exifAfterImage'));
  const exifCount = s.segments.filter((x) => x.marker === 0xe1 && x.label === 'Exif').length;
  if (exifCount > 1) issues.push(msg('metadata.jpeg.marker-order.exifBlocks', { count: exifCount }));
  if (s.segments.slice(1).some((x) => x.name === 'SOI')) issues.push(msg('metadata.jpeg.marker-order.secondStart'));
  if (s.problems.some((p) => p.startsWith('More than one frame'))) issues.push(msg('metadata.jpeg.marker-order.frames'));
  return issues;
}

export const jpegDetector = defineDetector({
  id: 'metadata.jpeg',
  family: 'metadata',
  async run(input) {
    if (input.info.format !== 'jpeg') return [];
    const s = jpegStructure(input.bytes);
    const meta = await input.metadata();
    const makeText = str(meta.ifd0?.Make);
    const make = normaliseMake(makeText);
    const findings: Finding[] = [];
    const { luma, chroma } = frameLumaChroma(s);

    let standard = false;
    if (luma) {
      const est = estimateQuality(luma, chroma);
      standard = est.standard;
      const hash = tablesHash(luma, chroma);
      const tableData = {
        quality: est.quality,
        standardTables: est.standard,
        lumaQuality: est.lumaQuality ?? null,
        chromaQuality: est.chromaQuality ?? null,
        meanDifferenceFromStandard: est.meanError,
        precisionBits: luma.precision,
        tablesHash: hash,
      };
      const kind: TableKind = est.standard ? 'standard' : isGenericTables(est) ? 'near-standard' : 'custom';
      findings.push({
        id: 'metadata.jpeg.quality',
        points: 'neutral',
        ...TEXT.quality(est.quality, kind),
        data: { ...tableData, tables: kind },
      });
      if (est.standard) {
        findings.push({
          id: 'metadata.jpeg.standard-tables',
          points: 'neutral',
          ...TEXT.standardTables(est.quality),
          data: tableData,
        });
      } else if (!isGenericTables(est)) {
        const makes = CATALOGUE.makes[hash];
        const other = CATALOGUE.other[hash];
        if (makes?.length) {
          const names = makes.map(displayMake).join(' / ');
          if (!make || makes.includes(make)) {
            findings.push({
              id: 'metadata.jpeg.camera-tables',
              points: 'authentic',
              ...TEXT.cameraTables(names, !!make),
              data: { ...tableData, tablesOf: makes, claimedMake: makeText ?? null },
            });
          } else {
            findings.push({
              id: 'metadata.jpeg.tables-mismatch-camera',
              points: 'edited',
              ...TEXT.mismatch(clip(makeText ?? make, 60), names),
              data: { ...tableData, tablesOf: makes, claimedMake: makeText },
            });
          }
        } else if (other?.length) {
          findings.push({
            id: 'metadata.jpeg.editor-tables',
            points: make ? 'edited' : 'neutral',
            ...TEXT.editorTables(makeText ? clip(makeText, 60) : undefined),
            data: { ...tableData, seenIn: other, claimedMake: makeText ?? null },
          });
        }
      }
    }

    if (make) {
      const reasons = resaveReasons(s, num(meta.exif?.ExifImageWidth), num(meta.exif?.ExifImageHeight), make, standard);
      if (reasons.length) {
        findings.push({
          id: 'metadata.jpeg.resaved',
          points: 'edited',
          ...TEXT.resaved(reasons.map((r) => r.message)),
          data: { reasons: reasons.map((r) => r.code), claimedMake: makeText, frameWidth: s.frame?.width, frameHeight: s.frame?.height },
        });
      }
    }

    const issues = markerIssues(s);
    if (issues.length) {
      findings.push({
        id: 'metadata.jpeg.marker-order',
        points: 'edited',
        ...TEXT.markerOrder(issues),
        data: { issues: issues.map((i) => render(i)), markers: s.segments.slice(0, 40).map((x) => (x.label ? `${x.name}(${clip(x.label, 30)})` : x.name)) },
      });
    }

    const broken: MessageParam[] = [
      ...(s.truncated ? [msg('metadata.jpeg.malformed.truncated')] : []),
      ...s.problems.filter((p) => !p.startsWith('More than one frame') && !p.startsWith('A second start')),
    ];
    if (broken.length) {
      findings.push({
        id: 'metadata.jpeg.malformed',
        points: 'neutral',
        ...TEXT.malformed(broken.slice(0, 5)),
        data: { problems: broken.slice(0, 20).map((p) => renderValue(p)) },
      });
    }

    if (s.trailingBytes > 0) {
      const kind = classifyTrailer(input.bytes, s);
      findings.push({
        id: 'metadata.jpeg.trailing-data',
        points: 'neutral',
        ...TEXT.trailing(kind, s.trailingBytes),
        data: { bytes: s.trailingBytes, kind, mpfDeclared: !!findApp(s, 0xe2, 'MPF') },
      });
    }
    return findings;
  },
});
