/**
 * `claimlens bench [--json] [--runs N] [--sizes 0.3,2,12,24] [--out FILE]`
 * Measures the engine in Node on generated photo-like images of fixed sizes (JPEG q90 and
 * PNG): bare decode time with the host's decoder (the floor), full analysis time per detector
 * and per shared stage (median and p95), the analysis/decode ratio, and peak memory.
 * Generated images are cached in .cache/bench/. A script, not a test: it never fails on a
 * slow machine.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { analyze } from '../lib/engine/analyze';
import { nodeHost } from '../lib/engine/host-node';
import type { ImageFormat } from '../lib/engine/format';
import { IndexedCaseMemory, type Sighting } from '../lib/engine/memory';

export interface BenchOptions {
  json: boolean;
  runs: number;
  sizes: number[];
  out?: string;
}

interface Stat {
  median: number;
  p95: number;
}

interface Case {
  megapixels: number;
  format: ImageFormat;
  width: number;
  height: number;
  bytes: number;
  decode: Stat;
  analyze: Stat;
  ratio: number;
  stages: Record<string, Stat>;
  peakRssMiB: number;
}

export const BENCH_CACHE = join(process.cwd(), '.cache', 'bench');
const CACHE = BENCH_CACHE;

function stat(values: number[]): Stat {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  const r = (x: number) => Math.round(x * 100) / 100;
  return { median: r(at(0.5)), p95: r(at(0.95)) };
}

/** A deterministic photo-like picture: smooth light, a few objects, sensor-like noise. */
function photoLike(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  const blobs = Array.from({ length: 12 }, () => ({ x: rand() * width, y: rand() * height, r: (0.05 + rand() * 0.2) * width, c: [rand() * 255, rand() * 255, rand() * 255] }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 90 + (120 * x) / width;
      let g = 110 + (80 * y) / height;
      let b = 140 - (60 * x) / width;
      for (const k of blobs) {
        const d = Math.hypot(x - k.x, y - k.y);
        if (d < k.r) {
          const w = 1 - d / k.r;
          r += (k.c[0] - r) * w;
          g += (k.c[1] - g) * w;
          b += (k.c[2] - b) * w;
        }
      }
      const n = (rand() - 0.5) * 12;
      const p = (y * width + x) * 4;
      data[p] = r + n;
      data[p + 1] = g + n;
      data[p + 2] = b + n;
      data[p + 3] = 255;
    }
  }
  return data;
}

export function benchImage(megapixels: number, format: 'jpeg' | 'png'): Uint8Array {
  const width = Math.round(Math.sqrt((megapixels * 1e6 * 4) / 3));
  const height = Math.round((width * 3) / 4);
  const file = join(CACHE, `${megapixels}mp.${format === 'jpeg' ? 'jpg' : 'png'}`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  mkdirSync(CACHE, { recursive: true });
  const rgba = photoLike(width, height);
  const bytes =
    format === 'jpeg'
      ? jpeg.encode({ data: rgba, width, height }, 90).data
      : PNG.sync.write(Object.assign(new PNG({ width, height }), { data: Buffer.from(rgba.buffer) }));
  writeFileSync(file, bytes);
  return new Uint8Array(bytes);
}

async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; peak: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const value = await fn();
    return { ms: performance.now() - started, peak: Math.max(peak, process.memoryUsage().rss), value };
  } finally {
    clearInterval(sampler);
  }
}

async function benchCase(megapixels: number, format: 'jpeg' | 'png', runs: number): Promise<Case> {
  const bytes = benchImage(megapixels, format);
  const decodes: number[] = [];
  const totals: number[] = [];
  const stages: Record<string, number[]> = {};
  let peak = 0;
  let size = { width: 0, height: 0 };
  for (let i = 0; i < runs; i++) {
    const d = await measure(() => nodeHost.decodePixels(bytes, format));
    decodes.push(d.ms);
    size = { width: d.value.width, height: d.value.height };
    const a = await measure(() => analyze(bytes, {}, nodeHost));
    totals.push(a.ms);
    peak = Math.max(peak, d.peak, a.peak);
    for (const [k, v] of Object.entries(a.value.timings)) if (k !== 'total') (stages[k] ??= []).push(v);
  }
  const decode = stat(decodes);
  const total = stat(totals);
  return {
    megapixels,
    format,
    ...size,
    bytes: bytes.length,
    decode,
    analyze: total,
    ratio: Math.round((total.median / decode.median) * 100) / 100,
    stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, stat(v)])),
    peakRssMiB: Math.round(peak / 1048576),
  };
}

/** Near-duplicate lookups in a case memory holding `stored` random PDQ hashes. */
async function benchMemory(stored: number, queries: number) {
  let seed = 99;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  const hash = () => Array.from({ length: 64 }, () => Math.floor(rand() * 16).toString(16)).join('');
  const sightings: Sighting[] = Array.from({ length: stored }, (_, i) => ({ sha256: `s${i}`, pdq: hash(), ticketId: String(i), seenAt: i }));
  const memory = new IndexedCaseMemory({ load: async () => sightings, append: async () => undefined });
  const loadStarted = performance.now();
  await memory.findSimilar('warm-up', hash(), 31);
  const loadMs = performance.now() - loadStarted;
  const times: number[] = [];
  for (let q = 0; q < queries; q++) {
    // Half the queries are near-duplicates of stored photos (a few bits flipped), half new photos.
    let query = q % 2 ? sightings[Math.floor(rand() * stored)].pdq! : hash();
    if (q % 2) query = query.slice(0, 60) + ((parseInt(query.slice(60), 16) ^ 0x0f0f) >>> 0).toString(16).padStart(4, '0');
    const started = performance.now();
    await memory.findSimilar(`q${q}`, query, 31);
    times.push(performance.now() - started);
  }
  return { stored, queries, indexBuildMs: Math.round(loadMs), lookup: stat(times) };
}

export function machine() {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
}

export async function bench(opts: BenchOptions, out: (s: string) => void): Promise<void> {
  const cases: Case[] = [];
  for (const mp of opts.sizes) {
    for (const format of ['jpeg', 'png'] as const) {
      cases.push(await benchCase(mp, format, mp >= 12 ? Math.max(1, Math.min(opts.runs, 3)) : opts.runs));
    }
  }
  const memory = await benchMemory(100_000, 1000);
  const result = { date: new Date().toISOString(), machine: machine(), runs: opts.runs, cases, memory };
  if (opts.out) {
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
  }
  if (opts.json) {
    out(JSON.stringify(result));
    return;
  }
  out(`ClaimLens engine benchmark — ${result.date.slice(0, 10)}, ${result.machine.cpu} (${result.machine.cores} cores), Node ${result.machine.node}`);
  out('| image | decode median / p95 (ms) | analysis median / p95 (ms) | analysis ÷ decode | peak RSS (MiB) |');
  out('|---|---|---|---|---|');
  for (const c of cases) {
    out(`| ${c.megapixels} MP ${c.format.toUpperCase()} (${c.width}×${c.height}, ${Math.round(c.bytes / 1024)} KB) | ${c.decode.median} / ${c.decode.p95} | ${c.analyze.median} / ${c.analyze.p95} | ${c.ratio}× | ${c.peakRssMiB} |`);
  }
  out(`\nCase memory: ${memory.stored.toLocaleString('en')} stored PDQ hashes, index built in ${memory.indexBuildMs} ms; near-duplicate lookup median ${memory.lookup.median} ms, p95 ${memory.lookup.p95} ms.`);
  out('\nPer detector and stage (median ms):');
  const keys = [...new Set(cases.flatMap((c) => Object.keys(c.stages)))];
  out(`| stage | ${cases.map((c) => `${c.megapixels} MP ${c.format}`).join(' | ')} |`);
  out(`|---|${cases.map(() => '---').join('|')}|`);
  for (const k of keys) out(`| ${k} | ${cases.map((c) => c.stages[k]?.median ?? '–').join(' | ')} |`);
}
