/**
 * The full hostile-input run:
 *   npx tsx tests/robustness/fuzz.ts [--count N] [--seed S] [--out FILE] [--jobs J]
 *        [--only I,J,NAME] [--dump DIR] [--hang-ms MS] [--canary-every N] [--all-detectors] [--self-test]
 *
 * Cases 0 … N-1 of generate.ts (every structured case first, then random mutations) are
 * analysed in batches by child processes (node:child_process fork). Each child runs one case
 * at a time in-process under the property of property.ts; the parent's watchdog kills a child
 * whose case has not finished after --hang-ms (a synchronous loop blocks the child's own timers)
 * and records a hang; a child that dies records a crash; both are restarted and the batch goes on.
 *
 * Output: progress on stderr, a Markdown summary on stdout (figures and a table by category,
 * ready for the README) and a JSON summary in --out (default docs/fuzz-results.json).
 * Exit status 1 when any case crashed, hung or broke the property.
 *
 * --only reruns single cases by index or name; --dump writes the bytes of every failing case to
 * a folder so they can be scanned by hand (`claimlens scan DIR`); --all-detectors runs every
 * detector exported under lib/detectors, registered or not; --self-test checks that the harness
 * itself records a hang, a crash, a timeout, a memory blow-up and an over-long string.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineDetector, type Detector } from '../../lib/engine/detector';
import { DETECTORS } from '../../lib/engine/registry';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import { caseAt, caseNamed, structuredCount, structuredIndex, type FuzzCase } from './generate';
import { BOUNDS, FUZZ_CONTEXT, runCase, type CaseResult } from './property';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

interface Options {
  count: number;
  seed: number;
  out: string;
  jobs: number;
  batch: number;
  hangMs: number;
  only?: number[];
  dump?: string;
  allDetectors: boolean;
  selfTest: boolean;
  /** Re-check the canary files after this many cases (and after any C2PA reader failure). */
  canaryEvery: number;
}

function parseArgs(argv: string[]): Options & { onlyNames: string[] } {
  const o: Options & { onlyNames: string[] } = {
    count: 10_000,
    seed: 1,
    out: join(ROOT, 'docs', 'fuzz-results.json'),
    jobs: Math.max(1, availableParallelism()),
    batch: 20,
    hangMs: 15_000,
    canaryEvery: 200,
    allDetectors: false,
    selfTest: false,
    onlyNames: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--count') o.count = Number(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--out') o.out = resolve(value());
    else if (a === '--jobs') o.jobs = Number(value());
    else if (a === '--batch') o.batch = Number(value());
    else if (a === '--hang-ms') o.hangMs = Number(value());
    else if (a === '--canary-every') o.canaryEvery = Number(value());
    else if (a === '--dump') o.dump = resolve(value());
    else if (a === '--only') o.onlyNames.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
    else if (a === '--all-detectors') o.allDetectors = true;
    else if (a === '--self-test') o.selfTest = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${readUsage()}\n`);
      process.exit(0);
    } else throw new Error(`Unknown argument ${a}`);
  }
  for (const [k, v] of Object.entries({ count: o.count, seed: o.seed, jobs: o.jobs, batch: o.batch, hangMs: o.hangMs, canaryEvery: o.canaryEvery })) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${k} must be a non-negative integer`);
  }
  return o;
}

function readUsage(): string {
  return 'npx tsx tests/robustness/fuzz.ts [--count N] [--seed S] [--out FILE] [--jobs J] [--only I,J,NAME] [--dump DIR] [--hang-ms MS] [--canary-every N] [--all-detectors] [--self-test]';
}

/* ------------------------------------------------------------------ self-test */

const SELF_TESTS = ['hang', 'crash', 'stall', 'alloc', 'long-string'] as const;
type SelfTest = (typeof SELF_TESTS)[number];
const SELF_TEST_EXPECT: Record<SelfTest, string> = { hang: 'hang', crash: 'crash', stall: 'timeout', alloc: 'memory', 'long-string': 'string-length' };

/** Self-test cases take negative indices: -1 … -5. */
function selfTestCase(index: number): FuzzCase {
  const kind = SELF_TESTS[-index - 1];
  const plain = caseAt(structuredIndex().find((c) => c.category === 'inject')!.index).bytes;
  const marker = new TextEncoder().encode(`FUZZ-SELF-TEST:${kind}`);
  const bytes = new Uint8Array(plain.length + marker.length);
  bytes.set(plain);
  bytes.set(marker, plain.length);
  return { index, name: `self-test/${kind}`, category: 'self-test', bytes };
}

const selfTestDetector = defineDetector({
  id: 'fuzz.self-test',
  family: 'engine',
  budgetMs: 60_000,
  async run(input) {
    const tail = new TextDecoder('latin1').decode(input.bytes.subarray(-40));
    const kind = tail.match(/FUZZ-SELF-TEST:([a-z-]+)$/)?.[1] as SelfTest | undefined;
    if (kind === 'hang') for (;;);
    if (kind === 'crash') process.exit(70);
    if (kind === 'stall') await new Promise(() => undefined);
    if (kind === 'alloc') {
      const hold: Buffer[] = [];
      for (let i = 0; i < 28; i++) hold.push(Buffer.alloc(64 << 20, 1));
      return [{ id: 'fuzz.self-test.alloc', points: 'neutral', title: `held ${hold.length * 64} MiB`, detail: '' }];
    }
    if (kind === 'long-string') return [{ id: 'fuzz.self-test.long', points: 'neutral', title: 'long', detail: 'x'.repeat(20_000) }];
    return [];
  },
});

/* ------------------------------------------------------------------ detectors */

/** Every detector exported by a module under lib/detectors (registry order first). */
async function allDetectors(): Promise<{ detectors: Detector[]; importErrors: string[] }> {
  const found = new Map<string, Detector>(DETECTORS.map((d) => [d.id, d]));
  const importErrors: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []));
  for (const file of walk(join(ROOT, 'lib', 'detectors')).sort()) {
    try {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const v of Object.values(mod)) {
        const d = v as Detector;
        if (d && typeof d === 'object' && typeof d.id === 'string' && typeof d.family === 'string' && typeof d.run === 'function' && !found.has(d.id)) found.set(d.id, d);
      }
    } catch (err) {
      importErrors.push(`${relative(ROOT, file)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { detectors: [...found.values()], importErrors };
}

/* ------------------------------------------------------------------ child */

type ToChild = { type: 'batch'; indices: number[] } | { type: 'probe'; index: number };
type FromChild =
  | { type: 'ready'; detectors: string[]; importErrors: string[]; canary: string[] }
  | { type: 'probe-step'; step: string }
  | { type: 'probe-done'; step: string; ms: number }
  | { type: 'probe-end' }
  | { type: 'start'; index: number; name: string; category: string; size: number }
  | { type: 'result'; result: CaseResult }
  | { type: 'state'; index: number; detail: string }
  | { type: 'idle' };

const MAX_PROBES = 16;
const ENGINE_STEP = 'engine stages without detectors (format sniffing, hashes, pixel decode for PDQ)';

async function child(opts: Options): Promise<void> {
  const send = (m: FromChild) => new Promise<void>((done) => process.send!(m, () => done()));
  const { detectors, importErrors } = opts.allDetectors ? await allDetectors() : { detectors: [...DETECTORS], importErrors: [] };
  if (opts.selfTest) detectors.push(selfTestDetector);
  const gc = (globalThis as { gc?: () => void }).gc;

  // Canaries: valid files analysed at start-up (which also loads the C2PA wasm) and again
  // periodically; a different answer later means an earlier hostile file left state behind.
  const canaries = ['c2pa/bing-manifest-zeroed-second-half', 'inject/png-text-a1111-0', 'inject/exif-camera-fields-0'].map((n) => caseNamed(n)!);
  const fingerprint = async () => {
    const out: string[] = [];
    for (const c of canaries) {
      const r = await runCase(c, { detectors });
      out.push(r.outcome === 'report' ? [...new Set(r.evidenceIds)].sort().join(' ') : `${r.outcome}: ${r.message ?? ''}`);
    }
    return out;
  };
  const compare = (before: string[], after: string[]) =>
    canaries
      .map((c, i) => {
        if (before[i] === after[i]) return '';
        const was = new Set(before[i].split(' '));
        const now = new Set(after[i].split(' '));
        const lost = [...was].filter((x) => !now.has(x));
        const gained = [...now].filter((x) => !was.has(x));
        return `${c.name}: lost [${lost.join(', ')}], gained [${gained.join(', ')}]`;
      })
      .filter(Boolean);
  const baseline = await fingerprint();
  await send({ type: 'ready', detectors: detectors.map((d) => d.id), importErrors, canary: baseline });

  let sinceCanary = 0;
  process.on('message', async (m: ToChild) => {
    if (m.type === 'probe') {
      // Which part of the analysis is stuck: the engine's own stages first, then one detector at a time.
      const c = m.index < 0 ? selfTestCase(m.index) : caseAt(m.index, opts.seed);
      const steps: [string, Detector[]][] = [[ENGINE_STEP, []], ...detectors.map((d): [string, Detector[]] => [d.id, [d]])];
      for (const [step, only] of steps) {
        await send({ type: 'probe-step', step });
        const t = performance.now();
        await analyze(c.bytes, FUZZ_CONTEXT, nodeHost, { detectors: only, remember: false }).catch(() => undefined);
        await send({ type: 'probe-done', step, ms: Math.round(performance.now() - t) });
      }
      await send({ type: 'probe-end' });
      return;
    }
    if (m.type !== 'batch') return;
    for (const index of m.indices) {
      const c = index < 0 ? selfTestCase(index) : caseAt(index, opts.seed);
      await send({ type: 'start', index, name: c.name, category: c.category, size: c.bytes.length });
      const result = await runCase(c, { detectors });
      await send({ type: 'result', result });
      if (result.outcome === 'timeout') process.exit(0); // the analysis goes on in the background: start afresh
      sinceCanary++;
      const suspicious = result.detectorErrors.length > 0 || result.outcome === 'error';
      if (sinceCanary >= opts.canaryEvery || (suspicious && result.detectorErrors.some((d) => d.detector === 'provenance.c2pa'))) {
        sinceCanary = 0;
        const diff = compare(baseline, await fingerprint());
        if (diff.length) {
          await send({ type: 'state', index, detail: `a clean file analysed afterwards gave a different answer (since the last check, ${opts.canaryEvery} files): ${diff.join(' | ').slice(0, 600)}` });
          process.exit(0);
        }
      }
      if (gc && process.memoryUsage().rss > 1.5 * 2 ** 30) gc();
    }
    await send({ type: 'idle' });
  });
}

/* ------------------------------------------------------------------ parent */

interface Failure {
  index: number;
  name: string;
  category: string;
  kind: string;
  detail: string;
  /** For hangs and crashes: the stage or detector that reproduces it on its own (see probe). */
  cause?: string;
}

interface Worker {
  proc: ChildProcess;
  ready: boolean;
  pending: number[];
  current?: { index: number; name: string; category: string; size: number; started: number };
  killedForHang?: boolean;
  stderr: string;
}

async function parent(opts: Options, onlyNames: string[]): Promise<number> {
  const started = Date.now();
  const nStructured = structuredCount();
  let indices: number[];
  if (opts.selfTest) indices = SELF_TESTS.map((_, i) => -(i + 1));
  else if (onlyNames.length) {
    indices = onlyNames.map((n) => {
      if (/^\d+$/.test(n)) return Number(n);
      const s = structuredIndex().find((c) => c.name === n);
      if (s) return s.index;
      const m = n.match(/#(\d+):(\d+)$/);
      if (m && Number(m[1]) === opts.seed) return Number(m[2]);
      if (m) throw new Error(`${n} belongs to --seed ${m[1]}`);
      throw new Error(`No case named ${n}`);
    });
  } else indices = Array.from({ length: opts.count }, (_, i) => i);
  const queue = [...indices];
  const results: CaseResult[] = [];
  const failures: Failure[] = [];
  const incidents: { hangs: Failure[]; crashes: Failure[] } = { hangs: [], crashes: [] };
  let detectorIds: string[] = [];
  let importErrors: string[] = [];
  let canary: string[] = [];
  let peakChildRss = 0;
  const workers: Worker[] = [];
  const canaryEvery = onlyNames.length ? 1 : opts.canaryEvery;
  const childArgs = ['--child', '--seed', String(opts.seed), '--canary-every', String(canaryEvery), ...(opts.allDetectors ? ['--all-detectors'] : []), ...(opts.selfTest ? ['--self-test'] : [])];
  const execArgv = [...(process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx']), '--expose-gc'];
  let finished = 0;
  let lastProgress = 0;

  const dump = (index: number, name: string) => {
    if (!opts.dump) return;
    try {
      mkdirSync(opts.dump, { recursive: true });
      const c = index < 0 ? selfTestCase(index) : caseAt(index, opts.seed);
      writeFileSync(join(opts.dump, `${String(index).padStart(5, '0')}-${name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)}.bin`), c.bytes);
    } catch (err) {
      process.stderr.write(`[fuzz] could not dump case ${index}: ${err}\n`);
    }
  };

  const record = (f: Failure) => {
    failures.push(f);
    dump(f.index, f.name);
  };

  await new Promise<void>((allDone) => {
    const assign = (w: Worker) => {
      if (!queue.length) {
        w.pending = [];
        w.proc.kill();
        if (workers.every((x) => x.pending.length === 0 && !x.current)) allDone();
        return;
      }
      w.pending = queue.splice(0, opts.batch);
      w.proc.send({ type: 'batch', indices: w.pending } satisfies ToChild);
    };

    const progress = () => {
      if (finished - lastProgress < 250 && finished !== indices.length) return;
      lastProgress = finished;
      const secs = (Date.now() - started) / 1000;
      process.stderr.write(`[fuzz] ${finished}/${indices.length} files, ${failures.length} failures, ${incidents.hangs.length} hangs, ${incidents.crashes.length} crashes, ${secs.toFixed(0)} s\n`);
    };

    const spawn = () => {
      const proc = fork(fileURLToPath(import.meta.url), childArgs, { execArgv, silent: true });
      const w: Worker = { proc, ready: false, pending: [], stderr: '' };
      workers.push(w);
      proc.stderr?.on('data', (d: Buffer) => {
        w.stderr = (w.stderr + d.toString()).slice(-4000);
      });
      proc.stdout?.resume();
      proc.on('message', (m: FromChild) => {
        if (m.type === 'ready') {
          w.ready = true;
          detectorIds = m.detectors;
          importErrors = m.importErrors;
          canary = m.canary;
          assign(w);
        } else if (m.type === 'start') {
          w.current = { index: m.index, name: m.name, category: m.category, size: m.size, started: Date.now() };
        } else if (m.type === 'result') {
          const r = m.result;
          w.current = undefined;
          w.pending = w.pending.filter((i) => i !== r.index);
          results.push(r);
          peakChildRss = Math.max(peakChildRss, r.rssPeak);
          for (const v of r.violations) record({ index: r.index, name: r.name, category: r.category, kind: v.kind, detail: v.detail });
          finished++;
          progress();
        } else if (m.type === 'state') {
          const r = results.find((x) => x.index === m.index);
          record({ index: m.index, name: r?.name ?? String(m.index), category: r?.category ?? '?', kind: 'state', detail: m.detail });
        } else if (m.type === 'idle') {
          assign(w);
        }
      });
      proc.on('exit', (code, signal) => {
        workers.splice(workers.indexOf(w), 1);
        const cur = w.current;
        if (cur) {
          const f: Failure = {
            index: cur.index,
            name: cur.name,
            category: cur.category,
            kind: w.killedForHang ? 'hang' : 'crash',
            detail: w.killedForHang ? `no result after ${opts.hangMs} ms; the child was killed` : `child exited (code ${code}, signal ${signal}): ${w.stderr.trim().split('\n').slice(-3).join(' / ').slice(0, 400)}`,
          };
          record(f);
          (w.killedForHang ? incidents.hangs : incidents.crashes).push(f);
          results.push({
            index: cur.index, name: cur.name, category: cur.category, size: cur.size, outcome: 'timeout', ms: Date.now() - cur.started,
            rssBefore: 0, rssPeak: 0, rssGrowth: 0, detectorErrors: [], violations: [{ kind: 'timeout', detail: f.kind }], warnings: [],
          });
          finished++;
          progress();
        } else if (!w.ready && code !== 0) {
          process.stderr.write(`[fuzz] a child failed to start (code ${code}): ${w.stderr.slice(-2000)}\n`);
        }
        const rest = w.pending.filter((i) => i !== cur?.index);
        queue.unshift(...rest);
        if (queue.length) spawn();
        else if (workers.length === 0) allDone();
      });
    };

    const watchdog = setInterval(() => {
      for (const w of workers) {
        if (w.current && !w.killedForHang && Date.now() - w.current.started > opts.hangMs) {
          w.killedForHang = true;
          w.proc.kill('SIGKILL');
        }
      }
    }, 250);
    watchdog.unref();

    for (let i = 0; i < Math.min(opts.jobs, Math.max(1, Math.ceil(queue.length / opts.batch))); i++) spawn();
  });

  // Probe up to MAX_PROBES hung or crashed files, at most two per category (the rest repeat the same cause).
  const perCategory = new Map<string, number>();
  const toProbe = [...new Map(failures.filter((f) => f.kind === 'hang' || f.kind === 'crash').map((f) => [f.index, f])).values()].filter((f) => {
    const n = perCategory.get(f.category) ?? 0;
    perCategory.set(f.category, n + 1);
    return n < 2;
  }).slice(0, MAX_PROBES);
  if (toProbe.length) process.stderr.write(`[fuzz] probing ${toProbe.length} hung or crashed files one detector at a time\n`);
  const probeQueue = [...toProbe];
  await Promise.all(
    Array.from({ length: Math.min(opts.jobs, probeQueue.length) }, async () => {
      for (let f = probeQueue.shift(); f; f = probeQueue.shift()) {
        const cause = await probe(f.index, execArgv, childArgs, opts.hangMs);
        for (const g of failures) if (g.index === f.index && (g.kind === 'hang' || g.kind === 'crash')) g.cause = cause;
      }
    }),
  );
  for (const f of failures) if ((f.kind === 'hang' || f.kind === 'crash') && !f.cause) f.cause = `not probed (at most two per category; see the probed ${f.category} files)`;

  const summary = summarise(opts, { results, failures, incidents, detectorIds, importErrors, canary, peakChildRss, nStructured, wallSeconds: (Date.now() - started) / 1000 });
  if (opts.selfTest) return reportSelfTest(failures);
  if (!onlyNames.length) {
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, `${JSON.stringify(summary, null, 2)}\n`);
    process.stderr.write(`[fuzz] summary written to ${relative(process.cwd(), opts.out)}\n`);
  }
  process.stdout.write(markdown(summary, onlyNames.length ? results : undefined));
  return summary.totals.crashes + summary.totals.hangs + summary.totals.failedCases > 0 ? 1 : 0;
}

/** Runs one case stage by stage in a fresh child and names the first stage that hangs, crashes or runs past the time bound. */
function probe(index: number, execArgv: string[], childArgs: string[], limitMs: number): Promise<string> {
  return new Promise((done) => {
    const proc = fork(fileURLToPath(import.meta.url), childArgs, { execArgv, silent: true });
    let step: string | undefined;
    let stepStarted = 0;
    let settled = false;
    let stderr = '';
    const slow: string[] = [];
    const finish = (cause: string) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      proc.kill('SIGKILL');
      done(cause);
    };
    const timer = setInterval(() => {
      if (step && Date.now() - stepStarted > limitMs) finish(`${step}: no result after ${limitMs} ms on its own`);
    }, 250);
    proc.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    proc.stdout?.resume();
    proc.on('message', (m: FromChild) => {
      if (m.type === 'ready') proc.send({ type: 'probe', index } satisfies ToChild);
      else if (m.type === 'probe-step') {
        step = m.step;
        stepStarted = Date.now();
      } else if (m.type === 'probe-done' && m.ms > BOUNDS.timeMs) slow.push(`${m.step} (${m.ms} ms)`);
      else if (m.type === 'probe-end') finish(slow.length ? `slow on its own: ${slow.join(', ')}` : 'not reproduced stage by stage');
    });
    proc.on('exit', (code, signal) => finish(step ? `${step}: the process died (code ${code}, signal ${signal}) ${stderr.trim().split('\n').slice(-2).join(' / ').slice(0, 300)}` : `the probe could not start (code ${code})`));
  });
}

function reportSelfTest(failures: Failure[]): number {
  let ok = true;
  for (const kind of SELF_TESTS) {
    const got = failures.filter((f) => f.name === `self-test/${kind}`).map((f) => f.kind);
    const pass = got.includes(SELF_TEST_EXPECT[kind]);
    ok &&= pass;
    process.stdout.write(`${pass ? 'ok  ' : 'FAIL'} self-test/${kind}: expected ${SELF_TEST_EXPECT[kind]}, recorded ${got.join(', ') || 'nothing'}\n`);
  }
  return ok ? 0 : 1;
}

/* ------------------------------------------------------------------ summary */

type Summary = ReturnType<typeof summarise>;

const normalise = (m: string) => m.replace(/0x[0-9a-f]+/gi, 'N').replace(/\d+(\.\d+)?/g, 'N').slice(0, 200);

function tally<T>(items: T[], key: (t: T) => string, example: (t: T) => string, limit = 40) {
  const map = new Map<string, { count: number; example: string }>();
  for (const it of items) {
    const k = key(it);
    const e = map.get(k);
    if (e) e.count++;
    else map.set(k, { count: 1, example: example(it) });
  }
  return [...map.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, limit).map(([k, v]) => ({ key: k, ...v }));
}

function summarise(
  opts: Options,
  run: {
    results: CaseResult[];
    failures: Failure[];
    incidents: { hangs: Failure[]; crashes: Failure[] };
    detectorIds: string[];
    importErrors: string[];
    canary: string[];
    peakChildRss: number;
    nStructured: number;
    wallSeconds: number;
  },
) {
  const { results, failures } = run;
  const failedIndices = new Set(failures.map((f) => f.index));
  const byCategory: Record<string, { files: number; reports: number; errors: number; failed: number; maxMs: number; slowest: string }> = {};
  for (const r of results) {
    const c = (byCategory[r.category] ??= { files: 0, reports: 0, errors: 0, failed: 0, maxMs: 0, slowest: '' });
    c.files++;
    if (r.outcome === 'report') c.reports++;
    if (r.outcome === 'error') c.errors++;
    if (failedIndices.has(r.index)) c.failed++;
    if (r.ms > c.maxMs) {
      c.maxMs = r.ms;
      c.slowest = r.name;
    }
  }
  const completed = results.filter((r) => r.outcome !== 'timeout');
  const slowest = [...completed].sort((a, b) => b.ms - a.ms).slice(0, 10).map((r) => ({ name: r.name, ms: r.ms, outcome: r.outcome, size: r.size }));
  const growth = [...completed].sort((a, b) => b.rssGrowth - a.rssGrowth)[0];
  const largest = [...completed].sort((a, b) => (b.reportBytes ?? 0) - (a.reportBytes ?? 0))[0];
  const detectorErrors = results.flatMap((r) => r.detectorErrors.map((d) => ({ ...d, name: r.name })));
  const failedCases = new Set(failures.map((f) => f.index)).size;
  return {
    generatedAt: new Date().toISOString(),
    command: `npx tsx tests/robustness/fuzz.ts --count ${opts.count} --seed ${opts.seed}${opts.allDetectors ? ' --all-detectors' : ''}`,
    environment: { node: process.version, platform: `${process.platform} ${process.arch}`, cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), jobs: opts.jobs },
    bounds: { ...BOUNDS, hangMs: opts.hangMs },
    detectors: run.detectorIds,
    detectorImportErrors: run.importErrors,
    canary: run.canary,
    totals: {
      files: results.length,
      structured: results.filter((r) => r.index >= 0 && r.index < run.nStructured).length,
      random: results.filter((r) => r.index >= run.nStructured).length,
      reports: results.filter((r) => r.outcome === 'report').length,
      errors: results.filter((r) => r.outcome === 'error').length,
      timeouts: results.filter((r) => r.violations.some((v) => v.kind === 'timeout' && v.detail.startsWith('no result'))).length,
      hangs: run.incidents.hangs.length,
      crashes: run.incidents.crashes.length,
      failedCases,
      reportsWithDetectorErrors: results.filter((r) => r.detectorErrors.length > 0).length,
      bytesAnalysed: results.reduce((n, r) => n + r.size, 0),
      wallSeconds: Math.round(run.wallSeconds),
    },
    slowest,
    memory: {
      peakRssBytes: run.peakChildRss,
      maxGrowth: growth ? { name: growth.name, bytes: growth.rssGrowth } : undefined,
    },
    largestReport: largest?.reportBytes ? { name: largest.name, bytes: largest.reportBytes } : undefined,
    failuresByKind: tally(failures, (f) => f.kind, (f) => f.name, 20).map(({ key, count, example }) => ({ kind: key, count, example })),
    failures: failures.slice(0, 500),
    errorMessages: tally(results.filter((r) => r.outcome === 'error'), (r) => normalise(r.message ?? ''), (r) => r.name).map(({ key, count, example }) => ({ message: key, count, example })),
    detectorErrors: tally(detectorErrors, (d) => `${d.detector}: ${normalise(d.message)}`, (d) => d.name).map(({ key, count, example }) => ({ error: key, count, example })),
    unclearDetectorErrors: tally(results.flatMap((r) => r.warnings.map((w) => ({ w, name: r.name }))), (x) => normalise(x.w), (x) => x.name).map(({ key, count, example }) => ({ error: key, count, example })),
    byCategory,
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function markdown(s: Summary, single?: CaseResult[]): string {
  const lines: string[] = [];
  if (single) {
    for (const r of single) {
      lines.push(`${r.name} (#${r.index}, ${fmt(r.size)} bytes): ${r.outcome} in ${r.ms} ms${r.message ? ` — ${r.message}` : ''}`);
      for (const d of r.detectorErrors) lines.push(`  detector error ${d.detector}: ${d.message}`);
      for (const v of r.violations) lines.push(`  VIOLATION ${v.kind}: ${v.detail}`);
    }
    for (const f of s.failures.filter((x) => x.kind === 'hang' || x.kind === 'crash' || x.kind === 'state')) lines.push(`  ${f.kind.toUpperCase()} ${f.name}: ${f.detail}${f.cause ? ` — ${f.cause}` : ''}`);
    return `${lines.join('\n')}\n`;
  }
  const t = s.totals;
  const slow = s.slowest[0];
  lines.push(
    `### Hostile-input run (\`${s.command}\`)`,
    '',
    '| Figure | Value |',
    '|---|---|',
    `| Files analysed | ${fmt(t.files)} (${fmt(t.structured)} structured, ${fmt(t.random)} random mutations; ${mib(t.bytesAnalysed)}) |`,
    `| Reports / errors | ${fmt(t.reports)} reports / ${fmt(t.errors)} clear errors |`,
    `| Reports with a failed check inside | ${fmt(t.reportsWithDetectorErrors)} |`,
    `| Slowest file that finished | ${slow ? `\`${slow.name}\` — ${(slow.ms / 1000).toFixed(2)} s` : '—'} |`,
    `| Peak RSS | ${mib(s.memory.peakRssBytes)}${s.memory.maxGrowth ? ` (largest growth for one file: ${mib(s.memory.maxGrowth.bytes)}, \`${s.memory.maxGrowth.name}\`)` : ''} |`,
    `| Crashes / hangs / timeouts | ${t.crashes} / ${t.hangs} / ${t.timeouts} |`,
    `| Files breaking the property | ${fmt(t.failedCases)}${s.failuresByKind.length ? ` (${s.failuresByKind.map((f) => `${f.kind}: ${f.count}`).join(', ')})` : ''} |`,
    `| Wall time | ${t.wallSeconds} s on ${s.environment.jobs} processes (${s.environment.cpu}, Node ${s.environment.node}) |`,
    '',
    '| Category | Files | Reports | Errors | Failures | Slowest ms (a hang: until killed) |',
    '|---|---:|---:|---:|---:|---:|',
    ...Object.entries(s.byCategory)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, v]) => `| ${c} | ${fmt(v.files)} | ${fmt(v.reports)} | ${fmt(v.errors)} | ${fmt(v.failed)} | ${Math.round(v.maxMs)} |`),
    '',
  );
  if (s.failures.length) {
    lines.push('Failures (first 40):', '');
    for (const f of s.failures.slice(0, 40)) lines.push(`- \`${f.name}\` (#${f.index}) ${f.kind}: ${f.detail}${f.cause ? ` — ${f.cause}` : ''}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/* ------------------------------------------------------------------ main */

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const argv = process.argv.slice(2);
  const isChild = argv[0] === '--child';
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(isChild ? argv.slice(1) : argv);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${readUsage()}\n`);
    process.exit(2);
  }
  if (isChild) await child(opts);
  else process.exitCode = await parent(opts, opts.onlyNames);
}
