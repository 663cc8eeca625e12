/** The human-readable table of `claimlens scan`: one line per image, its level and top reasons. */
import type { Report } from '../lib/engine/types';
import { topReasons } from '../lib/verdict/reasons';

export interface Row {
  file: string;
  result: Report | { error: string };
}

const LEVEL_TEXT = { low: 'LOW', review: 'REVIEW', high: 'HIGH' } as const;

function pad(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n);
}

export function renderTable(rows: Row[]): string {
  const fileWidth = Math.min(48, Math.max(4, ...rows.map((r) => r.file.length)));
  const lines = [`${pad('FILE', fileWidth)}  LEVEL   SCORE  SIZE         REASONS`];
  for (const { file, result } of rows) {
    if ('error' in result) {
      lines.push(`${pad(file, fileWidth)}  ERROR       -  -            ${result.error}`);
      continue;
    }
    const reasons = topReasons(result.evidence).map((e) => e.title).join('; ');
    lines.push(
      `${pad(file, fileWidth)}  ${pad(LEVEL_TEXT[result.risk.level], 6)}  ${String(result.risk.score).padStart(5)}  ${pad(`${result.width}×${result.height}`, 11)}  ${reasons}`,
    );
  }
  const counts = { low: 0, review: 0, high: 0, error: 0 };
  for (const { result } of rows) counts['error' in result ? 'error' : result.risk.level]++;
  lines.push('', `${rows.length} image(s): ${counts.high} high, ${counts.review} review, ${counts.low} low, ${counts.error} could not be analysed`);
  return lines.join('\n');
}
