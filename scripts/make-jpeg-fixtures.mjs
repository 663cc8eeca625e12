#!/usr/bin/env node
/**
 * Regenerates the JPEG fixtures of the jpeg / edit-history / thumbnail detectors in
 * tests/fixtures/jpeg/. Every picture is drawn here from nothing (no third-party content);
 * the outputs are committed, so CI never runs this. A developer runs it after changing it:
 *
 *   node scripts/make-jpeg-fixtures.mjs
 *
 * Pictures are encoded with jpeg-js; camera details, previews and XMP are written with
 * Debian's `exiftool`; the progressive file is re-encoded by ImageMagick `convert`; the
 * remaining structures (Samsung trailer, MPF segment, moved Exif block, foreign tables) are
 * assembled byte by byte below. tests/fixtures/jpeg/README.md says what each file is for.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'tests', 'fixtures', 'jpeg');
const TMP = join(OUT, '.tmp');

// ---------------------------------------------------------------- drawing

/**
 * Scene A: a parcel on a floor under a bright wall; scene B: a checkerboard with two discs.
 * Both are functions of normalised coordinates, so a 160×120 preview and a 320×240 picture
 * show the same thing.
 */
function sceneA(u, v) {
  let r = 215 - 40 * v;
  let g = 220 - 30 * v;
  let b = 230 - 60 * v;
  if (v > 0.62) [r, g, b] = [120 + 30 * Math.sin(u * 40), 95, 70];
  const inBox = u > 0.28 && u < 0.72 && v > 0.35 && v < 0.85;
  if (inBox) {
    [r, g, b] = [176, 132, 84];
    if (Math.abs(u - 0.5) < 0.03) [r, g, b] = [225, 210, 160];
    if (u > 0.55 && u < 0.68 && v > 0.45 && v < 0.6) [r, g, b] = [250, 250, 250];
    if ((u - 0.38) ** 2 + (v - 0.7) ** 2 < 0.004) [r, g, b] = [60, 40, 30];
  }
  if ((u - 0.85) ** 2 + ((v - 0.2) * 0.75) ** 2 < 0.006) [r, g, b] = [240, 200, 40];
  const tex = 10 * Math.sin(u * 61 + v * 17) * Math.sin(v * 47 - u * 11);
  return [r + tex, g + tex, b + tex];
}

function sceneB(u, v) {
  const check = (Math.floor(u * 6) + Math.floor(v * 4)) % 2 ? 200 : 60;
  let [r, g, b] = [check, check * 0.9, check * 0.7];
  if ((u - 0.25) ** 2 + (v - 0.6) ** 2 < 0.03) [r, g, b] = [30, 90, 200];
  if ((u - 0.7) ** 2 + (v - 0.3) ** 2 < 0.02) [r, g, b] = [200, 40, 60];
  return [r, g, b];
}

/** RGBA of a scene at w×h; `turn` draws it turned 90° clockwise; `bars` adds black bars top and bottom. */
function render(scene, w, h, { turn = false, bars = 0 } = {}) {
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      let rgb = [0, 0, 0];
      if (y >= bars && y < h - bars) {
        const u = (x + 0.5) / w;
        const v = (y - bars + 0.5) / (h - 2 * bars);
        rgb = turn ? scene(v, 1 - u) : scene(u, v);
      }
      data[i] = Math.max(0, Math.min(255, rgb[0]));
      data[i + 1] = Math.max(0, Math.min(255, rgb[1]));
      data[i + 2] = Math.max(0, Math.min(255, rgb[2]));
      data[i + 3] = 255;
    }
  }
  return { width: w, height: h, data };
}

const encode = (img, quality) => Buffer.from(jpeg.encode(img, quality).data);

// ---------------------------------------------------------------- byte surgery

function segments(buf) {
  const out = [];
  let o = 2;
  while (o < buf.length) {
    const marker = buf[o + 1];
    if (marker === 0xda) {
      out.push({ marker, start: o, end: buf.length });
      break;
    }
    const len = buf.readUInt16BE(o + 2);
    out.push({ marker, start: o, end: o + 2 + len });
    o += 2 + len;
  }
  return out;
}

/** Zig-zag position k → natural index (ITU-T T.81 Figure A.6). */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
  28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
  54, 47, 55, 62, 63,
];

/**
 * Quantisation tables of a Fujifilm FinePix S5500 (natural order): Annex K-like, with the
 * DC divisor fixed at 4 (catalogued under "fujifilm" in quant-catalogue.json).
 */
const FUJI_LUMA = [
  4, 1, 1, 1, 1, 2, 3, 3, 1, 1, 1, 1, 1, 3, 3, 3, 1, 1, 1, 1, 2, 3, 4, 3, 1, 1, 1, 1, 3, 5, 5, 3, 1, 1, 2, 3, 4, 7, 6, 4,
  1, 2, 3, 4, 5, 6, 7, 5, 3, 4, 5, 5, 6, 7, 7, 6, 4, 5, 6, 6, 7, 6, 6, 6,
];
const FUJI_CHROMA = [
  4, 1, 1, 3, 6, 6, 6, 6, 1, 1, 1, 3, 6, 6, 6, 6, 1, 1, 3, 6, 6, 6, 6, 6, 3, 4, 6, 6, 6, 6, 6, 6,
  ...new Array(32).fill(6),
];

/** Replaces the values of DQT tables 0 and 1 in place (the picture still decodes, with other divisors). */
function replaceTables(buf, luma, chroma) {
  const out = Buffer.from(buf);
  for (const seg of segments(out).filter((s) => s.marker === 0xdb)) {
    let o = seg.start + 4;
    while (o < seg.end) {
      const id = out[o] & 15;
      const table = id === 0 ? luma : chroma;
      for (let k = 0; k < 64; k++) out[o + 1 + k] = table[ZIGZAG[k]];
      o += 65;
    }
  }
  return out;
}

/** Moves the APP1 "Exif" segment to just before the frame header. */
function moveExifAfterTables(buf) {
  const segs = segments(buf);
  const exif = segs.find((s) => s.marker === 0xe1 && buf.toString('latin1', s.start + 4, s.start + 8) === 'Exif');
  const sof = segs.find((s) => s.marker === 0xc0);
  const exifBytes = buf.subarray(exif.start, exif.end);
  const without = Buffer.concat([buf.subarray(0, exif.start), buf.subarray(exif.end)]);
  const at = sof.start - (exif.end - exif.start);
  return Buffer.concat([without.subarray(0, at), exifBytes, without.subarray(at)]);
}

/** Inserts a minimal APP2 "MPF" segment (an empty MP index IFD) after the APP0 segment. */
function insertMpf(buf) {
  const body = Buffer.concat([Buffer.from('MPF\0', 'latin1'), Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0])]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe2, 0);
  head.writeUInt16BE(body.length + 2, 2);
  const app0 = segments(buf)[0];
  return Buffer.concat([buf.subarray(0, app0.end), head, body, buf.subarray(app0.end)]);
}

/**
 * A Samsung trailer as ExifTool's Samsung.pm reads it: data blocks (2 zero bytes, a 16-bit
 * type, a 32-bit name length, the name, the data), then the SEFH directory (version 101, entry
 * count, per entry: 2 zero bytes, type, offset back from the directory, block size), its
 * length and "SEFT".
 */
function samsungTrailer(blocks) {
  const parts = [];
  const entries = [];
  let offset = 0;
  for (const { type, name, data } of blocks) {
    const head = Buffer.alloc(8);
    head.writeUInt16LE(0, 0);
    head.writeUInt16LE(type, 2);
    head.writeUInt32LE(name.length, 4);
    const block = Buffer.concat([head, Buffer.from(name, 'latin1'), Buffer.from(data, 'utf8')]);
    entries.push({ type, start: offset, size: block.length });
    parts.push(block);
    offset += block.length;
  }
  const dir = Buffer.alloc(12 + 12 * entries.length);
  dir.write('SEFH', 0, 'latin1');
  dir.writeUInt32LE(101, 4);
  dir.writeUInt32LE(entries.length, 8);
  entries.forEach((e, i) => {
    dir.writeUInt16LE(0, 12 + 12 * i);
    dir.writeUInt16LE(e.type, 14 + 12 * i);
    dir.writeUInt32LE(offset - e.start, 16 + 12 * i);
    dir.writeUInt32LE(e.size, 20 + 12 * i);
  });
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(dir.length, 0);
  tail.write('SEFT', 4, 'latin1');
  return Buffer.concat([...parts, dir, tail]);
}

/** The first boxes of an MP4 file, as motion photos append after the picture. */
function mp4Stub() {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42\0\0\0\0isommp42', 'latin1')]);
  const mdat = Buffer.concat([Buffer.from([0, 0, 0x04, 0x08]), Buffer.from('mdat', 'latin1'), Buffer.alloc(0x400, 0x11)]);
  return Buffer.concat([ftyp, mdat]);
}

// ---------------------------------------------------------------- exiftool

const exiftool = (file, args) => execFileSync('exiftool', ['-q', '-overwrite_original', ...args, file], { stdio: 'pipe' });

const CAPTURE = '2024:03:05 10:15:30';
const camera = (make, model, w, h) => [
  `-Make=${make}`,
  `-Model=${model}`,
  `-DateTimeOriginal=${CAPTURE}`,
  `-CreateDate=${CAPTURE}`,
  `-ModifyDate=${CAPTURE}`,
  `-ExifImageWidth=${w}`,
  `-ExifImageHeight=${h}`,
];

function write(name, buf) {
  writeFileSync(join(OUT, name), buf);
  if (buf.length > 100 * 1024) throw new Error(`${name} is ${buf.length} bytes, over the 100 KB fixture limit`);
}

function withExif(name, picture, args) {
  const path = join(OUT, name);
  writeFileSync(path, picture);
  exiftool(path, args);
  return readFileSync(path);
}

// ---------------------------------------------------------------- fixtures

rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });

const base = encode(render(sceneA, 320, 240), 90);
write('plain-q90.jpg', base);

const previewA = join(TMP, 'preview-a.jpg');
const previewB = join(TMP, 'preview-b.jpg');
const previewBars = join(TMP, 'preview-bars.jpg');
writeFileSync(previewA, encode(render(sceneA, 160, 120), 80));
writeFileSync(previewB, encode(render(sceneB, 160, 120), 80));
// A 3:2 picture previewed in 160×120 with black bars above and below (as many cameras do).
writeFileSync(previewBars, encode(render(sceneA, 160, 120, { bars: 7 }), 80));

const canon = camera('Canon', 'Canon EOS 80D', 320, 240);
const original = withExif('camera-original.jpg', base, [...canon, `-ThumbnailImage<=${previewA}`]);
withExif('thumbnail-other-picture.jpg', base, [...canon, `-ThumbnailImage<=${previewB}`]);
withExif('thumbnail-turned.jpg', encode(render(sceneA, 240, 320, { turn: true }), 90), [...camera('Canon', 'Canon EOS 80D', 240, 320), `-ThumbnailImage<=${previewA}`]);
withExif('thumbnail-letterbox.jpg', encode(render(sceneA, 360, 240), 90), [...camera('Canon', 'Canon EOS 80D', 360, 240), `-ThumbnailImage<=${previewBars}`]);

const fuji = replaceTables(base, FUJI_LUMA, FUJI_CHROMA);
withExif('tables-fujifilm.jpg', fuji, camera('FUJIFILM', 'FinePix S5500', 320, 240));
withExif('tables-fujifilm-claims-canon.jpg', fuji, canon);

const progressive = join(TMP, 'progressive.jpg');
execFileSync('convert', [join(OUT, 'plain-q90.jpg'), '-strip', '-interlace', 'JPEG', '-quality', '85', progressive]);
withExif('resized-progressive.jpg', readFileSync(progressive), camera('Canon', 'Canon EOS 80D', 6000, 4000));

withExif('edited-photoshop.jpg', base, [
  ...canon,
  '-ModifyDate=2024:03:07 18:02:11',
  '-OffsetTimeOriginal=+01:00',
  '-OffsetTime=+02:00',
  '-Software=Adobe Photoshop 25.0 (Windows)',
  '-XMP-xmp:CreatorTool=Adobe Photoshop 25.0 (Windows)',
  '-XMP-xmpMM:HistoryAction=saved',
  '-XMP-xmpMM:HistorySoftwareAgent=Adobe Photoshop 25.0 (Windows)',
  '-XMP-xmpMM:HistoryWhen=2024:03:07 18:02:11+02:00',
]);

withExif('google-ai-edit.jpg', base, [
  ...camera('Google', 'Pixel 8', 320, 240),
  '-XMP-photoshop:Credit=Edited with Google AI',
  '-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
]);
withExif('apple-clean-up.jpg', base, [...camera('Apple', 'iPhone 15 Pro', 320, 240), '-XMP-photoshop:Credit=Apple Photos Clean Up']);

const samsung = withExif('samsung-generative-edit.jpg', base, camera('samsung', 'Galaxy S24', 320, 240));
write(
  'samsung-generative-edit.jpg',
  Buffer.concat([
    samsung,
    samsungTrailer([
      { type: 0x0a01, name: 'Image_UTC_Data', data: '1709630130000' },
      { type: 0x0ba1, name: 'PhotoEditor_Re_Edit_Data', data: '{"originalPath":"/storage/emulated/0/DCIM/Camera/x.jpg","genAIType":1,"isNotReEdit":false}' },
      { type: 0x0d91, name: 'PEg_Info', data: '{"genImageVersion":"1.0","connectorType":"0"}' },
    ]),
  ]),
);

write('trailing-zeros.jpg', Buffer.concat([original, Buffer.alloc(2048)]));
write('trailing-mpf.jpg', Buffer.concat([insertMpf(original), readFileSync(previewA)]));
write('trailing-motion-photo.jpg', Buffer.concat([original, mp4Stub()]));
write('trailing-jpeg.jpg', Buffer.concat([original, readFileSync(previewB)]));
write('exif-after-tables.jpg', moveExifAfterTables(original));
write('truncated.jpg', base.subarray(0, Math.floor(base.length * 0.7)));

rmSync(TMP, { recursive: true, force: true });
console.log(`wrote fixtures to ${OUT}`);
