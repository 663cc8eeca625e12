/**
 * `claimlens scan [--json] [--order-date D] [--delivery-date D] [--claim-date D] [--serial S | --ocr] PATH...`
 * JSON lines contract (stable; other tools parse it):
 *   {"file","sha256","format","width","height","risk":{"score","level","recommendation"},
 *    "evidence":[{"id","family","points","weight","decisive","title","detail"}],"timings":{}}
 * or {"file","error"} for a file that could not be analysed; the scan goes on.
 */
import { readFile } from 'node:fs/promises';
import { analyze } from '../lib/engine/analyze';
import { nodeHost } from '../lib/engine/host-node';
import type { ClaimContext, Report } from '../lib/engine/types';
import type { EngineHost } from '../lib/engine/host';
import { resolve } from 'node:path';
import { fileMemory } from './memory-file';
import { expandPaths } from './files';
import { renderTable, type Row } from './table';

export interface ScanOptions {
  json: boolean;
  context: ClaimContext;
  /** Case memory file (--db): reuse across tickets and runs. */
  db?: string;
  /** Read the text on each photo even without an expected serial (--ocr). */
  ocr?: boolean;
}

export function jsonLine(file: string, report: Report): string {
  return JSON.stringify({
    file,
    sha256: report.sha256,
    ...(report.pdq ? { pdq: report.pdq } : {}),
    format: report.format,
    width: report.width,
    height: report.height,
    risk: report.risk,
    evidence: report.evidence.map((e) => ({
      id: e.id,
      family: e.family,
      points: e.points,
      weight: e.weight,
      decisive: e.decisive ?? false,
      title: e.title,
      detail: e.detail,
      ...(e.data ? { data: e.data } : {}),
    })),
    timings: report.timings,
    engineVersion: report.engineVersion,
  });
}

export async function analyzeFile(file: string, context: ClaimContext, host: EngineHost = nodeHost, options: { ocr?: boolean } = {}): Promise<Report> {
  const bytes = new Uint8Array(await readFile(file));
  return analyze(bytes, context, host, { ocr: options.ocr === true });
}

export async function scan(paths: string[], opts: ScanOptions, out: (line: string) => void): Promise<void> {
  const rows: Row[] = [];
  const host: EngineHost = opts.db ? { ...nodeHost, memory: fileMemory(opts.db) } : nodeHost;
  for await (const { file, error } of expandPaths(paths)) {
    // Without --ticket, each file stands for its own ticket so that reuse is found across files and runs.
    const context: ClaimContext = opts.db && !opts.context.ticketId ? { ...opts.context, ticketId: `file:${resolve(file)}` } : opts.context;
    let result: Report | { error: string };
    if (error) result = { error };
    else {
      try {
        result = await analyzeFile(file, context, host, { ocr: opts.ocr });
      } catch (err) {
        result = { error: err instanceof Error ? err.message : String(err) };
      }
    }
    if (opts.json) out('error' in result ? JSON.stringify({ file, error: result.error }) : jsonLine(file, result));
    else rows.push({ file, result });
  }
  if (!opts.json) out(renderTable(rows));
}
