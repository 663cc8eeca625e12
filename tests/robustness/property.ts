/**
 * The robustness property shared by the fast spec subset and the full fuzz run: analysing any
 * file yields a well-formed Report, or throws an Error whose message is clear (the CLI prints it
 * as {"file","error"}), within the time bound and the memory bound; and every string a report
 * carries (evidence title, detail, data) is bounded in length. One case runs in-process with a
 * timeout race; hangs that block the event loop are the fuzz runner's watchdog's business.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../../lib/engine/analyze';
import type { Detector } from '../../lib/engine/detector';
import { nodeHost } from '../../lib/engine/host-node';
import type { ClaimContext, Report } from '../../lib/engine/types';
import type { FuzzCase } from './generate';

export const BOUNDS = {
  /** Per file, wall clock. */
  timeMs: 5_000,
  /** Growth of the process's resident set while one file is analysed. */
  rssGrowthBytes: 1.5 * 2 ** 30,
  /** Longest string allowed anywhere in a report's evidence (LIMITS.maxTextLength plus clip's marker and template text). */
  maxString: 5_000,
  /** Longest error message the CLI should print for a file. */
  maxErrorMessage: 500,
  /** Largest report, serialised as JSON. */
  maxReportBytes: 1 << 20,
} as const;

/** Ticket dates so the claim-timeline detector runs too. */
export const FUZZ_CONTEXT: ClaimContext = {
  helpdesk: 'fuzz',
  ticketId: 'T-1',
  customerId: 'C-1',
  orderDate: '2025-11-01',
  deliveryDate: '2025-11-10',
  claimDate: '2025-11-21',
};

export type ViolationKind =
  | 'time'
  | 'timeout'
  | 'memory'
  | 'string-length'
  | 'unclear-error'
  | 'non-error-throw'
  | 'report-shape'
  | 'report-size';

export interface Violation {
  kind: ViolationKind;
  detail: string;
}

export interface DetectorError {
  detector: string;
  message: string;
}

export interface CaseResult {
  index: number;
  name: string;
  category: string;
  size: number;
  outcome: 'report' | 'error' | 'timeout';
  ms: number;
  rssBefore: number;
  /** Peak resident set while the case ran (VmHWM after a reset; the RSS afterwards where /proc is not available). */
  rssPeak: number;
  rssGrowth: number;
  /** The thrown error's message, for outcome 'error'. */
  message?: string;
  errorName?: string;
  /** Detectors that failed inside a report (engine.error evidence). */
  detectorErrors: DetectorError[];
  evidenceIds?: string[];
  /** The report's three largest timings (detectors and shared stages) when the file took over a second. */
  slowestStages?: string[];
  reportBytes?: number;
  violations: Violation[];
  /** Detector errors whose message is internal (TypeError text and the like): not a property failure, but unclear to an agent. */
  warnings: string[];
}

/* ------------------------------------------------------------------ memory */

let canResetPeak: boolean | undefined;

/** Resets the kernel's peak-RSS mark of this process (Linux ≥ 4.0); false where unsupported. */
export function resetPeakRss(): boolean {
  if (canResetPeak === false) return false;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    canResetPeak = true;
  } catch {
    canResetPeak = false;
  }
  return canResetPeak;
}

/** The peak RSS since the last reset, in bytes, or undefined where /proc is not available. */
export function peakRss(): number | undefined {
  try {
    const m = readFileSync('/proc/self/status', 'latin1').match(/^VmHWM:\s+(\d+) kB/m);
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------------ checks */

const POINTS = new Set(['ai', 'edited', 'reused', 'authentic', 'neutral']);
const LEVELS = new Set(['low', 'review', 'high']);

/** Messages that are JavaScript's own words, not an explanation an agent can act on. */
const INTERNAL =
  /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not defined|is not a constructor|Maximum call stack|Invalid (typed )?array length|out of (the )?bounds|Offset is outside|outside the bounds|Array buffer allocation failed|unreachable|RuntimeError|^undefined$|^null$|NaN|\[object /i;

export function isClearMessage(message: string, name = 'Error'): boolean {
  const m = message.trim();
  if (!m || m.length > BOUNDS.maxErrorMessage) return false;
  if (['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'InternalError'].includes(name)) return false;
  return !INTERNAL.test(m);
}

export function checkError(err: unknown): Violation[] {
  if (!(err instanceof Error)) return [{ kind: 'non-error-throw', detail: `threw ${typeof err}: ${String(err).slice(0, 200)}` }];
  if (!isClearMessage(err.message, err.name)) {
    return [{ kind: 'unclear-error', detail: `${err.name}: ${JSON.stringify(err.message.slice(0, 300))}${err.message.length > 300 ? ` (${err.message.length} characters)` : ''}` }];
  }
  return [];
}

/** Every string under `value`, with its path (depth- and count-limited so a hostile report cannot stall the check). */
function* strings(value: unknown, path: string, depth = 0): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [path, value];
    return;
  }
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (ArrayBuffer.isView(value)) return;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries.slice(0, 10_000)) yield* strings(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, depth + 1);
}

export function checkReport(report: Report): Violation[] {
  const out: Violation[] = [];
  const shape = (ok: unknown, what: string) => {
    if (!ok) out.push({ kind: 'report-shape', detail: what });
  };
  shape(report && typeof report === 'object', 'report is not an object');
  if (!report || typeof report !== 'object') return out;
  shape(typeof report.sha256 === 'string' && /^[0-9a-f]{64}$/.test(report.sha256), 'sha256 is not 64 hex digits');
  shape(typeof report.format === 'string' && report.format.length > 0, 'format is empty');
  shape(Number.isFinite(report.width) && report.width >= 0 && Number.isFinite(report.height) && report.height >= 0, `dimensions ${report.width}×${report.height}`);
  shape(Array.isArray(report.evidence), 'evidence is not an array');
  shape(report.risk && Number.isFinite(report.risk.score) && report.risk.score >= 0 && report.risk.score <= 100, `risk score ${report.risk?.score}`);
  shape(report.risk && LEVELS.has(report.risk.level), `risk level ${report.risk?.level}`);
  (report.evidence ?? []).forEach((e, i) => {
    const where = `evidence[${i}](${e?.id})`;
    shape(typeof e?.id === 'string' && e.id.length > 0, `${where}: id`);
    shape(POINTS.has(e?.points), `${where}: points ${e?.points}`);
    shape(Number.isFinite(e?.weight), `${where}: weight ${e?.weight}`);
    shape(typeof e?.title === 'string' && e.title.trim().length > 0, `${where}: empty title`);
    shape(typeof e?.detail === 'string', `${where}: detail`);
    for (const [path, s] of strings({ title: e?.title, detail: e?.detail, data: e?.data, label: e?.visual?.label }, where)) {
      if (s.length > BOUNDS.maxString) out.push({ kind: 'string-length', detail: `${path} is ${s.length} characters` });
    }
  });
  let json = '';
  try {
    json = JSON.stringify(report);
    structuredClone(report);
  } catch (err) {
    shape(false, `report does not serialise: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (json.length > BOUNDS.maxReportBytes) out.push({ kind: 'report-size', detail: `report JSON is ${json.length} bytes` });
  return out;
}

export function detectorErrors(report: Report): DetectorError[] {
  return (report.evidence ?? [])
    .filter((e) => e.id === 'engine.error')
    .map((e) => ({ detector: String(e.data?.detector ?? '?'), message: String(e.data?.error ?? e.detail) }));
}

/* ------------------------------------------------------------------ one case */

export interface RunOptions {
  detectors?: readonly Detector[];
  /** In-process timeout race; the case counts as 'timeout' past it (default: twice the time bound). */
  timeoutMs?: number;
}

export async function runCase(c: FuzzCase, opts: RunOptions = {}): Promise<CaseResult> {
  const timeoutMs = opts.timeoutMs ?? 2 * BOUNDS.timeMs;
  const rssBefore = process.memoryUsage().rss;
  const exactPeak = resetPeakRss();
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ timeout: true }>((resolve) => {
    timer = setTimeout(() => resolve({ timeout: true }), timeoutMs);
  });
  const work = Promise.resolve()
    .then(() => analyze(c.bytes, FUZZ_CONTEXT, nodeHost, { ...(opts.detectors ? { detectors: opts.detectors } : {}), remember: false }))
    .then(
      (report) => ({ report }),
      (error: unknown) => ({ error }),
    );
  const settled = await Promise.race([work, timeout]);
  clearTimeout(timer);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const rssAfter = process.memoryUsage().rss;
  const rssPeak = Math.max(rssAfter, (exactPeak ? peakRss() : undefined) ?? 0);
  const result: CaseResult = {
    index: c.index,
    name: c.name,
    category: c.category,
    size: c.bytes.length,
    outcome: 'timeout',
    ms,
    rssBefore,
    rssPeak,
    rssGrowth: Math.max(0, rssPeak - rssBefore),
    detectorErrors: [],
    violations: [],
    warnings: [],
  };
  if ('timeout' in settled) {
    result.violations.push({ kind: 'timeout', detail: `no result after ${timeoutMs} ms` });
  } else if ('error' in settled) {
    result.outcome = 'error';
    const err = settled.error;
    result.message = err instanceof Error ? err.message.slice(0, 1000) : String(err).slice(0, 1000);
    result.errorName = err instanceof Error ? err.name : typeof err;
    result.violations.push(...checkError(err));
  } else {
    result.outcome = 'report';
    const report = settled.report;
    result.violations.push(...checkReport(report));
    result.detectorErrors = detectorErrors(report);
    result.evidenceIds = (report.evidence ?? []).map((e) => e.id);
    if (ms > 1000) {
      result.slowestStages = Object.entries(report.timings ?? {})
        .filter(([k]) => k !== 'total')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ${Math.round(v)} ms`);
    }
    try {
      result.reportBytes = JSON.stringify(report).length;
    } catch {
      result.reportBytes = undefined;
    }
    for (const d of result.detectorErrors) {
      if (!isClearMessage(d.message)) result.warnings.push(`${d.detector}: ${d.message.slice(0, 200)}`);
    }
  }
  if (ms > BOUNDS.timeMs && result.outcome !== 'timeout') {
    result.violations.push({ kind: 'time', detail: `took ${ms} ms${result.slowestStages ? ` (${result.slowestStages.join(', ')})` : ''}` });
  }
  if (result.rssGrowth > BOUNDS.rssGrowthBytes) result.violations.push({ kind: 'memory', detail: `RSS grew by ${(result.rssGrowth / 2 ** 20).toFixed(0)} MiB` });
  return result;
}
