/**
 * Measures how well the case memory recognises a reused photo after what fraudsters do to it,
 * and how often two different photos are mistaken for one, on a labelled corpus:
 *   npx tsx scripts/reuse-robustness.ts --manifest ../shared/corpus/manifest.csv [--out docs/reuse-robustness.json]
 * Each JPEG/PNG/WebP is hashed the way the engine does (PDQ of the working copy, plus the centre
 * hash stored with every sighting); each altered copy counts as recalled when any of the hashes
 * the engine looks it up with (its own, mirrored, borders trimmed, centre) is within 31 bits of
 * any stored hash of the original.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import jpeg from 'jpeg-js';
import { parse } from 'csv-parse/sync';
import { nodeHost } from '../lib/engine/host-node';
import { sniffFormat } from '../lib/engine/format';
import { downscale } from '../lib/engine/inputs';
import { LIMITS } from '../lib/engine/limits';
import { hammingDistance, mirrored, pdqHash, PDQ_MATCH_DISTANCE, queryVariantHashes, storedVariantHashes } from '../lib/engine/pdq';
import type { Pixels } from '../lib/engine/host';

const { values } = parseArgs({ options: { manifest: { type: 'string' }, out: { type: 'string', default: 'docs/reuse-robustness.json' } } });
if (!values.manifest) throw new Error('--manifest FILE.csv is required');
const root = dirname(values.manifest);
const rows = parse(readFileSync(values.manifest, 'utf8'), { columns: true }) as { file: string; label: string }[];

const hash = (px: Pixels) => pdqHash(downscale(px, LIMITS.workingLongSide));

function crop(px: Pixels, fraction: number): Pixels {
  const dx = Math.round((px.width * fraction) / 2);
  const dy = Math.round((px.height * fraction) / 2);
  const w = px.width - 2 * dx;
  const h = px.height - 2 * dy;
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) out.set(px.data.subarray(((y + dy) * px.width + dx) * 4, ((y + dy) * px.width + dx + w) * 4), y * w * 4);
  return { width: w, height: h, data: out };
}

function reencode(px: Pixels, quality: number): Pixels {
  const img = jpeg.decode(jpeg.encode({ data: px.data, width: px.width, height: px.height }, quality).data, { useTArray: true, formatAsRGBA: true });
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer) };
}

/** Rotation about the centre with bilinear sampling, white outside the picture. */
function rotate(px: Pixels, degrees: number): Pixels {
  const { width: w, height: h, data } = px;
  const out = new Uint8ClampedArray(data.length).fill(255);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = cos * (x - w / 2) + sin * (y - h / 2) + w / 2;
      const sy = -sin * (x - w / 2) + cos * (y - h / 2) + h / 2;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < 3; c++) {
        const p = (i: number, j: number) => data[(j * w + i) * 4 + c];
        out[(y * w + x) * 4 + c] = (p(x0, y0) * (1 - fx) + p(x0 + 1, y0) * fx) * (1 - fy) + (p(x0, y0 + 1) * (1 - fx) + p(x0 + 1, y0 + 1) * fx) * fy;
      }
    }
  }
  return { width: w, height: h, data: out };
}

/** A phone screenshot of the photo: a dark status bar above, white margins around. */
function screenshot(px: Pixels): Pixels {
  const padX = Math.round(px.width * 0.04);
  const top = Math.round(px.height * 0.12);
  const bottom = Math.round(px.height * 0.08);
  const w = px.width + 2 * padX;
  const h = px.height + top + bottom;
  const out = new Uint8ClampedArray(w * h * 4).fill(255);
  for (let y = 0; y < Math.round(top * 0.4); y++) for (let x = 0; x < w; x++) out.set([32, 32, 32, 255], (y * w + x) * 4);
  for (let y = 0; y < px.height; y++) out.set(px.data.subarray(y * px.width * 4, (y + 1) * px.width * 4), ((y + top) * w + padX) * 4);
  return { width: w, height: h, data: out };
}

const VARIANTS: Record<string, (px: Pixels) => Pixels> = {
  'resize 50%': (px) => downscale(px, Math.round(Math.max(px.width, px.height) / 2)),
  'JPEG q70': (px) => reencode(px, 70),
  'crop 10%': (px) => crop(px, 0.1),
  'rotate 3°': (px) => rotate(px, 3),
  'screenshot with borders': screenshot,
  mirror: (px) => mirrored(px),
};

const originals: { file: string; label: string; hex: string; stored: string[]; quality: number; px: Pixels }[] = [];
for (const row of rows) {
  const bytes = new Uint8Array(readFileSync(join(root, row.file)));
  let info;
  try {
    info = sniffFormat(bytes);
  } catch {
    continue;
  }
  if (!['jpeg', 'png', 'webp'].includes(info.format) || info.width * info.height > 30e6) continue;
  try {
    const px = downscale(await nodeHost.decodePixels(bytes, info.format), 1536);
    const h = hash(px);
    const working = downscale(px, LIMITS.workingLongSide);
    originals.push({ file: row.file, label: row.label, hex: h.hex, stored: [h.hex, ...storedVariantHashes(working)], quality: h.quality, px });
  } catch {
    // undecodable here: not part of the measurement
  }
}

const usable = originals.filter((o) => o.quality >= 50);
const recall: Record<string, { matched: number; total: number; distances: number[] }> = {};
for (const [name, make] of Object.entries(VARIANTS)) {
  const r = (recall[name] = { matched: 0, total: 0, distances: [] as number[] });
  for (const o of usable) {
    const v = downscale(make(o.px), LIMITS.workingLongSide);
    const queries = [pdqHash(v).hex, ...queryVariantHashes(v).map((q) => q.hex)];
    const d = Math.min(...queries.flatMap((q) => o.stored.map((s) => hammingDistance(q, s))));
    r.total++;
    r.distances.push(d);
    if (d <= PDQ_MATCH_DISTANCE) r.matched++;
  }
}

const falseMatches: { a: string; b: string; distance: number }[] = [];
let pairs = 0;
for (let i = 0; i < usable.length; i++) {
  for (let j = i + 1; j < usable.length; j++) {
    pairs++;
    const d = hammingDistance(usable[i].hex, usable[j].hex);
    if (d <= PDQ_MATCH_DISTANCE) falseMatches.push({ a: usable[i].file, b: usable[j].file, distance: d });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {
  date: new Date().toISOString().slice(0, 10),
  manifest: values.manifest,
  images: originals.length,
  hashable: usable.length,
  lowQualitySkipped: originals.length - usable.length,
  recall: Object.fromEntries(Object.entries(recall).map(([k, r]) => [k, { recall: r.matched / r.total, matched: r.matched, total: r.total, medianDistance: median(r.distances) }])),
  pairs,
  falseMatches,
};
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, `${JSON.stringify(result, null, 2)}\n`);
console.log(`Reuse robustness on ${values.manifest} (${result.date}): ${usable.length} hashable images (${result.lowQualitySkipped} too flat to hash reliably)`);
console.log('| change to the photo | recalled (PDQ ≤ 31) | median distance |');
console.log('|---|---|---|');
for (const [k, r] of Object.entries(result.recall)) console.log(`| ${k} | ${(r.recall * 100).toFixed(1)}% (${r.matched}/${r.total}) | ${r.medianDistance} |`);
console.log(`\nDistinct images matched to each other: ${falseMatches.length} of ${pairs.toLocaleString('en')} pairs (${((falseMatches.length / pairs) * 100).toFixed(3)}%)`);
for (const f of falseMatches) console.log(`  ${f.a} ~ ${f.b} (distance ${f.distance})`);
