/**
 * metadata.thumbnail — the small preview picture a camera stores inside the EXIF block
 * (IFD1) compared with the main picture. Cameras write both at the same moment; many
 * editors change the main picture and leave the old preview in place, and copying camera
 * details onto another picture (exiftool -tagsFromFile) copies the preview too. A preview
 * that shows something else says the picture is not the one the camera took.
 *
 * Reads the preview bytes from IFD1 (JPEGInterchangeFormat/Length, relative to the TIFF
 * header inside the APP1 "Exif" segment), decodes that small JPEG through the host, and
 * takes the main picture from the shared working copy (never decoded here).
 *
 * Parameters, checked on the 80 comparable camera files of the corpus against 2,186 pairs of
 * a preview with another file's picture (tests/fixtures/jpeg/README.md has the numbers):
 * - grid 16: both pictures are reduced to 16×16 grey cells; a 160×120 preview still has
 *   ~75 pixels per cell, so its JPEG noise cancels out.
 * - highPass: each cell minus the mean of its 3×3 neighbourhood, so that two unrelated
 *   photos with the usual bright-sky-dark-ground layout do not look alike. Without it
 *   unrelated pairs came as close as 0.18.
 * - Distance = 1 − Pearson correlation of the two grids (0 same picture, ~1 unrelated);
 *   brightness and contrast changes ("auto-enhance") do not move it.
 * - Placements tried: the preview stretched over the picture; the picture letterboxed in
 *   the middle of the preview; the preview with its black bars trimmed (some Kodak models
 *   put the whole bar on one side); the preview as a centred crop of the picture.
 * - Turns: the picture is also compared turned by 90/180/270° and mirrored, because
 *   rotating a photo in a viewer often leaves the preview unturned (6 camera files in the
 *   corpus). A match that only holds turned is reported as "turned", not as changed content.
 * - matchMax 0.2 / mismatchMin 0.55: camera files reached 0.39 at most (a Traveler
 *   compact whose preview is a slightly shifted crop), unrelated pairs 0.40 at least and
 *   0.60 for 99.5 % of them. Between the two thresholds nothing is said.
 * - minContrast 4 grey levels (spread of the 16×16 grid, picture and preview): a flat
 *   picture (an all-black frame, a white wall) has nothing to compare.
 * - maxThumbPixels 2 MP: some cameras store a full 640×480 "thumbnail"; anything far
 *   bigger is not a preview and is not decoded.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { Pixels } from '../../engine/host';
import { sniffFormat } from '../../engine/format';
import { findApp, jpegStructure } from '../../engine/jpeg-structure';
import { msg, say } from '../../i18n/messages';

export const THUMBNAIL_PARAMS = {
  grid: 16,
  highPass: true,
  matchMax: 0.2,
  mismatchMin: 0.55,
  minContrast: 4,
  maxThumbPixels: 2_000_000,
} as const;

/** The findings' texts (catalogue: metadata.thumbnail.*), with their numbers as the agent reads them. */
const TEXT = {
  mismatch: (d: number) => say('metadata.thumbnail.mismatch', { difference: d.toFixed(2), matchMax: THUMBNAIL_PARAMS.matchMax }),
  match: (d: number) => say('metadata.thumbnail.match', { difference: d.toFixed(2) }),
  turned: (deg: number, mirrored: boolean) =>
    say('metadata.thumbnail.turned', { degrees: deg, mirrored: mirrored ? msg('metadata.thumbnail.turned.mirrored') : '' }),
};

// ---------------------------------------------------------------- preview bytes

const u16 = (b: Uint8Array, o: number, le: boolean) => (le ? b[o] | (b[o + 1] << 8) : (b[o] << 8) | b[o + 1]);
const u32 = (b: Uint8Array, o: number, le: boolean) =>
  le ? (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0 : ((b[o] << 24) >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3];

/**
 * The IFD1 JPEG preview inside the Exif segment, or undefined. Reads IFD0's next-IFD link
 * and IFD1's JPEGInterchangeFormat (0x0201) / Length (0x0202) directly: bounded, no allocation
 * beyond the returned view.
 */
export function extractExifThumbnail(bytes: Uint8Array): Uint8Array | undefined {
  const exif = findApp(jpegStructure(bytes), 0xe1, 'Exif');
  if (!exif) return undefined;
  const tiff = exif.offset + 10;
  const end = exif.offset + exif.size;
  if (tiff + 8 > end) return undefined;
  const le = bytes[tiff] === 0x49;
  if (!le && bytes[tiff] !== 0x4d) return undefined;
  const ifd0 = tiff + u32(bytes, tiff + 4, le);
  if (ifd0 + 2 > end) return undefined;
  const n0 = u16(bytes, ifd0, le);
  const linkAt = ifd0 + 2 + 12 * n0;
  if (linkAt + 4 > end) return undefined;
  const ifd1Rel = u32(bytes, linkAt, le);
  if (!ifd1Rel) return undefined;
  const ifd1 = tiff + ifd1Rel;
  if (ifd1 + 2 > end) return undefined;
  const n1 = Math.min(u16(bytes, ifd1, le), 64);
  let offset = 0;
  let length = 0;
  for (let i = 0; i < n1; i++) {
    const e = ifd1 + 2 + 12 * i;
    if (e + 12 > end) break;
    const tag = u16(bytes, e, le);
    const type = u16(bytes, e + 2, le);
    const value = type === 3 ? u16(bytes, e + 8, le) : u32(bytes, e + 8, le);
    if (tag === 0x0201) offset = value;
    else if (tag === 0x0202) length = value;
  }
  if (!offset || !length) return undefined;
  const start = tiff + offset;
  if (start + length > end || length < 4) return undefined;
  const thumb = bytes.subarray(start, start + length);
  return thumb[0] === 0xff && thumb[1] === 0xd8 ? thumb : undefined;
}

// ---------------------------------------------------------------- comparison

interface Grey {
  w: number;
  h: number;
  /** Summed-area table, (w+1)×(h+1), of the grey values. */
  sat: Float64Array;
}

function toGrey(p: Pixels): Grey {
  const { width: w, height: h, data } = p;
  const sat = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      row += 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
      sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
    }
  }
  return { w, h, sat };
}

/** Mean grey value of a rectangle (fractional bounds rounded to whole pixels, at least one). */
function boxMean(g: Grey, x0: number, y0: number, x1: number, y1: number): number {
  const a = Math.max(0, Math.min(g.w - 1, Math.floor(x0)));
  const b = Math.max(0, Math.min(g.h - 1, Math.floor(y0)));
  const c = Math.max(a + 1, Math.min(g.w, Math.round(x1)));
  const d = Math.max(b + 1, Math.min(g.h, Math.round(y1)));
  const W = g.w + 1;
  const sum = g.sat[d * W + c] - g.sat[b * W + c] - g.sat[d * W + a] + g.sat[b * W + a];
  return sum / ((c - a) * (d - b));
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * n×n grid of a rectangle seen through one of the 8 turns/mirrors of the square:
 * `quarter` quarter-turns clockwise, then a left-right mirror when `mirror` is set.
 */
function grid(g: Grey, r: Rect, n: number, quarter = 0, mirror = false): Float64Array {
  const out = new Float64Array(n * n);
  const cw = r.w / n;
  const ch = r.h / n;
  for (let i = 0; i < n; i++) {
    for (let j0 = 0; j0 < n; j0++) {
      const j = mirror ? n - 1 - j0 : j0;
      // (i, j) is the cell in the turned grid; map it back to the unturned rectangle.
      let si = i;
      let sj = j;
      if (quarter === 1) [si, sj] = [n - 1 - j, i];
      else if (quarter === 2) [si, sj] = [n - 1 - i, n - 1 - j];
      else if (quarter === 3) [si, sj] = [j, n - 1 - i];
      out[i * n + j0] = boxMean(g, r.x + sj * cw, r.y + si * ch, r.x + (sj + 1) * cw, r.y + (si + 1) * ch);
    }
  }
  return out;
}

/** Removes the slow brightness trend (a 3×3 cell mean), keeping edges and texture. */
function highPass(v: Float64Array, n: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let c = 0;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          const y = i + di;
          const x = j + dj;
          if (y < 0 || x < 0 || y >= n || x >= n) continue;
          s += v[y * n + x];
          c++;
        }
      }
      out[i * n + j] = v[i * n + j] - s / c;
    }
  }
  return out;
}

function stats(v: Float64Array): { mean: number; sd: number } {
  let s = 0;
  for (const x of v) s += x;
  const mean = s / v.length;
  let q = 0;
  for (const x of v) q += (x - mean) ** 2;
  return { mean, sd: Math.sqrt(q / v.length) };
}

function correlation(a: Float64Array, b: Float64Array): number {
  const sa = stats(a);
  const sb = stats(b);
  if (sa.sd === 0 || sb.sd === 0) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - sa.mean) * (b[i] - sb.mean);
  return s / (a.length * sa.sd * sb.sd);
}

export type Placement = 'stretch' | 'letterbox' | 'trimmed' | 'crop';

export interface ThumbnailComparison {
  /** 1 − correlation at the best placement and turn (0 = same picture). */
  distance: number;
  /** The best distance without turning or mirroring either picture. */
  unturnedDistance: number;
  placement: Placement;
  /** Clockwise turn of the main picture, in degrees, at the best match. */
  rotation: 0 | 90 | 180 | 270;
  /** Whether the main picture matched only once mirrored left-right. */
  mirrored: boolean;
  /** Grey-level spread of the flatter of the two grids; a flat picture cannot be compared. */
  contrast: number;
}

export interface CompareOptions {
  grid?: number;
  highPass?: boolean;
  /** Try the 8 turns and mirrors (true) or the picture as stored only (false). */
  turns?: boolean;
}

/** Centred rectangle of aspect `aspect` (w/h) that fits inside w×h. */
function fitInside(w: number, h: number, aspect: number): Rect {
  if (w / h > aspect) {
    const cw = h * aspect;
    return { x: (w - cw) / 2, y: 0, w: cw, h };
  }
  const ch = w / aspect;
  return { x: 0, y: (h - ch) / 2, w, h: ch };
}

/**
 * The preview without the black bars cameras add around a picture of another shape
 * (not always centred: some Kodak models put the whole bar on one side). Undefined when
 * there are no bars or when trimming would leave less than half the preview.
 */
function trimBars(thumb: Pixels): Rect | undefined {
  const { width: w, height: h, data } = thumb;
  const dark = (x0: number, y0: number, x1: number, y1: number) => {
    let sum = 0;
    let max = 0;
    let count = 0;
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = (y * w + x) * 4;
        const v = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
        sum += v;
        if (v > max) max = v;
        count++;
      }
    }
    return sum / count < BAR_MEAN && max < BAR_MAX;
  };
  let top = 0;
  let bottom = h;
  let left = 0;
  let right = w;
  while (top < h / 2 && dark(0, top, w, top + 1)) top++;
  while (bottom > top + h / 2 && dark(0, bottom - 1, w, bottom)) bottom--;
  while (left < w / 2 && dark(left, top, left + 1, bottom)) left++;
  while (right > left + w / 2 && dark(right - 1, top, right, bottom)) right--;
  const trimmed = { x: left, y: top, w: right - left, h: bottom - top };
  if (trimmed.w === w && trimmed.h === h) return undefined;
  if (trimmed.w < w / 2 || trimmed.h < h / 2) return undefined;
  // Keep a one-pixel margin off the bar edge, where JPEG ringing mixes bar and picture.
  return { x: trimmed.x + 1, y: trimmed.y + 1, w: Math.max(1, trimmed.w - 2), h: Math.max(1, trimmed.h - 2) };
}

/** A bar row or column: dark on average and nowhere brighter than JPEG ringing would make it. */
const BAR_MEAN = 20;
const BAR_MAX = 48;

/** Compares a decoded preview with the (working copy of the) main picture. */
export function compareThumbnail(thumb: Pixels, main: Pixels, options: CompareOptions = {}): ThumbnailComparison {
  const n = options.grid ?? THUMBNAIL_PARAMS.grid;
  const hp = options.highPass ?? THUMBNAIL_PARAMS.highPass;
  const prep = (v: Float64Array) => (hp ? highPass(v, n) : v);
  const t = toGrey(thumb);
  const m = toGrey(main);
  const full = (g: Grey): Rect => ({ x: 0, y: 0, w: g.w, h: g.h });
  const thumbAspect = t.w / t.h;
  const trimmed = trimBars(thumb);
  const tRaw = grid(t, full(t), n);
  const tStretch = prep(tRaw);
  const tTrimmed = trimmed ? prep(grid(t, trimmed, n)) : undefined;
  let best: Omit<ThumbnailComparison, 'unturnedDistance' | 'contrast'> | undefined;
  let unturned = Infinity;
  let contrast = 0;
  const turns = options.turns ?? true;
  for (let k = 0; k < (turns ? 8 : 1); k++) {
    const quarter = k % 4;
    const mirror = k >= 4;
    // Shape of the main picture once turned.
    const mw = quarter % 2 ? m.h : m.w;
    const mh = quarter % 2 ? m.w : m.h;
    const mainAspect = mw / mh;
    // A centred crop in turned coordinates, mapped back to the unturned main picture
    // (a centred rectangle is its own mirror image, so only the turn matters).
    const c = fitInside(mw, mh, thumbAspect);
    const crop: Rect =
      quarter === 0 ? c
      : quarter === 2 ? { x: m.w - c.x - c.w, y: m.h - c.y - c.h, w: c.w, h: c.h }
      : quarter === 1 ? { x: c.y, y: m.h - c.x - c.w, w: c.h, h: c.w }
      : { x: m.w - c.y - c.h, y: c.x, w: c.h, h: c.w };
    const rawMain = grid(m, full(m), n, quarter, mirror);
    if (k === 0) contrast = Math.min(stats(rawMain).sd, stats(tRaw).sd);
    const mainGrid = prep(rawMain);
    const candidates: [Placement, Float64Array, Float64Array][] = [
      ['stretch', tStretch, mainGrid],
      ['letterbox', prep(grid(t, fitInside(t.w, t.h, mainAspect), n)), mainGrid],
      ['crop', tStretch, prep(grid(m, crop, n, quarter, mirror))],
    ];
    if (tTrimmed) candidates.push(['trimmed', tTrimmed, mainGrid]);
    for (const [placement, a, b] of candidates) {
      const distance = 1 - correlation(a, b);
      if (k === 0) unturned = Math.min(unturned, distance);
      if (!best || distance < best.distance) {
        best = { distance, placement, rotation: (quarter * 90) as ThumbnailComparison['rotation'], mirrored: mirror };
      }
    }
  }
  return { ...best!, unturnedDistance: unturned, contrast };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export const thumbnail = defineDetector({
  id: 'metadata.thumbnail',
  family: 'metadata',
  async run(input) {
    if (input.info.format !== 'jpeg') return [];
    const bytes = extractExifThumbnail(input.bytes);
    if (!bytes) return [];
    let size;
    try {
      size = sniffFormat(bytes);
    } catch {
      return [];
    }
    if (!size.width || !size.height || size.width * size.height > THUMBNAIL_PARAMS.maxThumbPixels) return [];
    let preview: Pixels;
    try {
      preview = await input.host.decodePixels(bytes, 'jpeg');
    } catch {
      return [];
    }
    const c = compareThumbnail(preview, await input.workingPixels());
    if (c.contrast < THUMBNAIL_PARAMS.minContrast) return [];
    const data = {
      distance: round(c.distance),
      distanceAsStored: round(c.unturnedDistance),
      placement: c.placement,
      turnedBy: c.rotation,
      mirrored: c.mirrored,
      previewWidth: preview.width,
      previewHeight: preview.height,
      previewBytes: bytes.length,
      matchAtMost: THUMBNAIL_PARAMS.matchMax,
      mismatchAtLeast: THUMBNAIL_PARAMS.mismatchMin,
    };
    const { matchMax, mismatchMin } = THUMBNAIL_PARAMS;
    const findings: Finding[] = [];
    if (c.unturnedDistance <= matchMax) {
      findings.push({ id: 'metadata.thumbnail.match', points: 'authentic', ...TEXT.match(c.unturnedDistance), data });
    } else if (c.distance <= matchMax) {
      findings.push({ id: 'metadata.thumbnail.turned', points: 'neutral', ...TEXT.turned(c.rotation, c.mirrored), data });
    } else if (c.distance >= mismatchMin) {
      findings.push({ id: 'metadata.thumbnail.mismatch', points: 'edited', ...TEXT.mismatch(c.distance), data });
    }
    return findings;
  },
});
