/**
 * Measures how well the case memory recognises a reused photo after what fraudsters do to it,
 * and how often two different photos are mistaken for one, on a labelled corpus:
 *   npx tsx scripts/reuse-robustness.ts --manifest ../shared/corpus/manifest.csv [--out docs/reuse-robustness.json]
 * Each JPEG/PNG/WebP is hashed the way the engine does (PDQ of the working copy, plus the centre
 * hash stored with every sighting); each altered copy counts as recalled when any of the hashes
 * the engine looks it up with is close enough to any stored hash of the original: its own,
 * mirrored, borders trimmed and centre within 31 bits, the centre turned back by each of
 * ROTATION_ANGLES within ROTATED_MATCH_DISTANCE. Recall without the turned-back hashes is
 * reported beside it. False matches between distinct files are counted with the full-picture
 * hashes alone and with every lookup hash the engine uses (the turned-back ones at several
 * distances), in both directions.
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
import {
  centerCrop,
  fillScale,
  mirrored,
  pdqHash,
  PDQ_MATCH_DISTANCE,
  queryVariantHashes,
  rotated,
  ROTATED_MATCH_DISTANCE,
  ROTATION_ANGLES,
  storedVariantHashes,
  type QueryVariant,
} from '../lib/engine/pdq';
import type { Pixels } from '../lib/engine/host';

const { values } = parseArgs({ options: { manifest: { type: 'string' }, out: { type: 'string', default: 'docs/reuse-robustness.json' } } });
if (!values.manifest) throw new Error('--manifest FILE.csv is required');
const root = dirname(values.manifest);
const rows = parse(readFileSync(values.manifest, 'utf8'), { columns: true }) as { file: string; label: string }[];

/** Distances the turned-back hashes are tried at, for the false-match table. */
const ROTATED_DISTANCES = [31, 28, 24, 20];

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

/** Turned, then cropped to the largest centred rectangle of the same shape, as a phone's straighten tool does. */
function straightened(px: Pixels, degrees: number): Pixels {
  return centerCrop(rotated(px, degrees), fillScale(px.width, px.height, degrees));
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
  'rotate 2°': (px) => rotated(px, 2),
  'rotate 3°': (px) => rotated(px, 3),
  'rotate 5°': (px) => rotated(px, 5),
  'rotate −3°, cropped to fill': (px) => straightened(px, -3),
  'rotate 5°, cropped to fill': (px) => straightened(px, 5),
  'screenshot with borders': screenshot,
  mirror: (px) => mirrored(px),
};

/** A hash as eight 32-bit words, for fast distances over all pairs. */
const words = (hex: string) => Uint32Array.from({ length: 8 }, (_, i) => parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0);
function distance(a: Uint32Array, b: Uint32Array): number {
  let d = 0;
  for (let i = 0; i < 8; i++) {
    let v = (a[i] ^ b[i]) >>> 0;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    d += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return d;
}

interface Lookup {
  /** The working copy's own hash, then the engine's lookup variants. */
  own: Uint32Array;
  plain: Uint32Array[];
  turned: Uint32Array[];
}

function lookupOf(ownHex: string, variants: QueryVariant[]): Lookup {
  return {
    own: words(ownHex),
    plain: variants.filter((q) => q.how !== 'rotated').map((q) => words(q.hex)),
    turned: variants.filter((q) => q.how === 'rotated').map((q) => words(q.hex)),
  };
}

/** Smallest distance from the plain lookup hashes and from the turned-back ones to any stored hash. */
function nearest(q: Lookup, stored: Uint32Array[]): { plain: number; turned: number } {
  let plain = 256;
  let turned = 256;
  for (const s of stored) {
    for (const h of [q.own, ...q.plain]) plain = Math.min(plain, distance(h, s));
    for (const h of q.turned) turned = Math.min(turned, distance(h, s));
  }
  return { plain, turned };
}

const originals: { file: string; label: string; hex: string; stored: Uint32Array[]; lookup: Lookup; quality: number; px: Pixels }[] = [];
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
    const working = downscale(px, LIMITS.workingLongSide);
    const h = pdqHash(working);
    const stored = [h.hex, ...storedVariantHashes(working)].map(words);
    originals.push({ file: row.file, label: row.label, hex: h.hex, stored, lookup: lookupOf(h.hex, queryVariantHashes(working)), quality: h.quality, px });
  } catch {
    // undecodable here: not part of the measurement
  }
}

const usable = originals.filter((o) => o.quality >= 50);
const recall: Record<string, { matched: number; matchedBefore: number; total: number; distances: number[]; turned: number[] }> = {};
const lookupMs: { without: number[]; with: number[] } = { without: [], with: [] };
for (const [name, make] of Object.entries(VARIANTS)) {
  const r = (recall[name] = { matched: 0, matchedBefore: 0, total: 0, distances: [] as number[], turned: [] as number[] });
  for (const o of usable) {
    const v = downscale(make(o.px), LIMITS.workingLongSide);
    let started = performance.now();
    queryVariantHashes(v, []);
    lookupMs.without.push(performance.now() - started);
    started = performance.now();
    const variants = queryVariantHashes(v);
    lookupMs.with.push(performance.now() - started);
    const d = nearest(lookupOf(pdqHash(v).hex, variants), o.stored);
    r.total++;
    r.distances.push(Math.min(d.plain, d.turned));
    r.turned.push(d.plain <= PDQ_MATCH_DISTANCE ? 0 : d.turned);
    if (d.plain <= PDQ_MATCH_DISTANCE) r.matchedBefore++;
    if (d.plain <= PDQ_MATCH_DISTANCE || d.turned <= ROTATED_MATCH_DISTANCE) r.matched++;
  }
}

// Distinct files, both ways: one file's lookup hashes against the other's stored hashes.
type Pair = { a: string; b: string; distance: number; plain: number; turned: number };
const pairList: Pair[] = [];
const unmatched: Pair[] = [];
let pairs = 0;
for (let i = 0; i < usable.length; i++) {
  for (let j = i + 1; j < usable.length; j++) {
    pairs++;
    const ab = nearest(usable[i].lookup, usable[j].stored);
    const ba = nearest(usable[j].lookup, usable[i].stored);
    const plain = Math.min(ab.plain, ba.plain);
    const turned = Math.min(ab.turned, ba.turned);
    const full = distance(usable[i].lookup.own, usable[j].lookup.own);
    if (Math.min(full, plain, turned) <= PDQ_MATCH_DISTANCE) pairList.push({ a: usable[i].file, b: usable[j].file, distance: full, plain, turned });
    else if (plain > PDQ_MATCH_DISTANCE) unmatched.push({ a: usable[i].file, b: usable[j].file, distance: full, plain, turned });
  }
}
// The margin left: pairs that no plain lookup matches, nearest by their turned-back hashes.
const nearestUnmatched = unmatched.sort((x, y) => x.turned - y.turned).slice(0, 8);
const fullPictureMatches = pairList.filter((p) => p.distance <= PDQ_MATCH_DISTANCE);
const lookupMatches = (turnedDistance: number) => pairList.filter((p) => p.plain <= PDQ_MATCH_DISTANCE || p.turned <= turnedDistance);
const withoutTurned = pairList.filter((p) => p.plain <= PDQ_MATCH_DISTANCE);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {
  date: new Date().toISOString().slice(0, 10),
  manifest: values.manifest,
  images: originals.length,
  hashable: usable.length,
  lowQualitySkipped: originals.length - usable.length,
  rotationAngles: ROTATION_ANGLES,
  rotatedMatchDistance: ROTATED_MATCH_DISTANCE,
  lookupHashesMsMedian: { withoutTurnedBack: Math.round(median(lookupMs.without) * 10) / 10, withTurnedBack: Math.round(median(lookupMs.with) * 10) / 10 },
  recall: Object.fromEntries(
    Object.entries(recall).map(([k, r]) => [
      k,
      {
        recall: r.matched / r.total,
        matched: r.matched,
        total: r.total,
        medianDistance: median(r.distances),
        withoutTurnedBackHashes: r.matchedBefore / r.total,
        byTurnedBackDistance: Object.fromEntries(ROTATED_DISTANCES.map((t) => [t, r.turned.filter((d) => d <= t).length / r.total])),
      },
    ]),
  ),
  pairs,
  falseMatches: fullPictureMatches.map(({ a, b, distance }) => ({ a, b, distance })),
  lookupMatches: {
    withoutTurnedBackHashes: withoutTurned.length,
    byTurnedBackDistance: Object.fromEntries(ROTATED_DISTANCES.map((t) => [t, lookupMatches(t).length])),
    pairs: lookupMatches(Math.max(...ROTATED_DISTANCES)),
    nearestOtherwiseUnmatched: nearestUnmatched,
  },
};
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, `${JSON.stringify(result, null, 2)}\n`);
console.log(`Reuse robustness on ${values.manifest} (${result.date}): ${usable.length} hashable images (${result.lowQualitySkipped} too flat to hash reliably)`);
console.log(`Turned-back hashes: ${ROTATION_ANGLES.join(', ')}°, within ${ROTATED_MATCH_DISTANCE} bits`);
console.log(`Lookup hashes per photo (median): ${result.lookupHashesMsMedian.withoutTurnedBack} ms without the turned-back ones, ${result.lookupHashesMsMedian.withTurnedBack} ms with them`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`| change to the photo | recalled | without turned-back hashes | median distance | turned back within ${ROTATED_DISTANCES.join(' / ')} |`);
console.log('|---|---|---|---|---|');
for (const [k, r] of Object.entries(result.recall))
  console.log(
    `| ${k} | ${pct(r.recall)} (${r.matched}/${r.total}) | ${pct(r.withoutTurnedBackHashes)} | ${r.medianDistance} | ${ROTATED_DISTANCES.map((t) => pct(r.byTurnedBackDistance[t])).join(' / ')} |`,
  );
console.log(`\nDistinct files within ${PDQ_MATCH_DISTANCE} bits by their full-picture hashes: ${fullPictureMatches.length} of ${pairs.toLocaleString('en')} pairs`);
for (const f of fullPictureMatches) console.log(`  ${f.a} ~ ${f.b} (distance ${f.distance})`);
console.log(`With every lookup hash: ${withoutTurned.length} pairs without the turned-back hashes; with them, by their distance:`);
for (const t of ROTATED_DISTANCES) console.log(`  ≤ ${t}: ${lookupMatches(t).length}`);
for (const p of lookupMatches(Math.max(...ROTATED_DISTANCES)).filter((p) => p.distance > PDQ_MATCH_DISTANCE))
  console.log(`  ${p.a} ~ ${p.b} (full ${p.distance}, other lookups ${p.plain}, turned back ${p.turned})`);
console.log('Nearest pairs no other lookup matches, by their turned-back hashes:');
for (const p of nearestUnmatched) console.log(`  ${p.a} ~ ${p.b} (turned back ${p.turned}, other lookups ${p.plain})`);
