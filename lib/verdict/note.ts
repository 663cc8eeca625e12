/**
 * Texts the agent copies out of ClaimLens: a concise, neutral internal note for the ticket
 * (levels, reasons, hashes, engine version) and a polite request for a video for the
 * customer. Plain text only: everything from files or pages stays inert wherever it is pasted.
 */
import type { ClaimContext, Report, RiskLevel } from '../engine/types';
import { topReasons } from './reasons';

export interface NoteImage {
  name: string;
  report?: Report;
  error?: string;
}

const LEVEL_TEXT: Record<RiskLevel, string> = { low: 'low risk', review: 'needs review', high: 'HIGH RISK' };
const RANK: Record<RiskLevel, number> = { high: 0, review: 1, low: 2 };

/** Removes control characters and collapses whitespace so pasted text cannot break the note's layout. */
function inert(text: string, max = 200): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function internalNote(context: ClaimContext | undefined, images: readonly NoteImage[], now = new Date()): string {
  const analysed = images.filter((i) => i.report);
  const counts = { high: 0, review: 0, low: 0 };
  for (const i of analysed) counts[i.report!.risk.level]++;
  const where = context?.ticketId ? `${context.helpdesk ?? ''} ticket #${inert(context.ticketId, 40)}`.trim() : 'claim';
  const who = context?.customerName ? ` (${inert(context.customerName, 60)})` : '';
  const lines = [
    `ClaimLens photo check — ${where}${who}, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `${images.length} image(s): ${counts.high} high risk, ${counts.review} need review, ${counts.low} low risk${images.length > analysed.length ? `, ${images.length - analysed.length} not analysed` : ''}.`,
  ];
  const sorted = [...images].sort((a, b) => (a.report ? RANK[a.report.risk.level] : 3) - (b.report ? RANK[b.report.risk.level] : 3));
  sorted.forEach((img, n) => {
    if (!img.report) {
      lines.push(`${n + 1}. ${inert(img.name, 80)} — could not be analysed${img.error ? `: ${inert(img.error, 120)}` : ''}`);
      return;
    }
    const r = img.report;
    lines.push(`${n + 1}. ${inert(img.name, 80)} — ${LEVEL_TEXT[r.risk.level]} (score ${r.risk.score}/100)`);
    for (const e of topReasons(r.evidence, 3)) lines.push(`   - ${inert(e.title)}`);
    lines.push(`   SHA-256 ${r.sha256}${r.pdq ? ` · PDQ ${r.pdq}` : ''}`);
  });
  const worst = sorted.find((i) => i.report)?.report;
  if (worst) lines.push(`Recommended next step: ${inert(worst.risk.recommendation, 300)}`);
  lines.push(`Signals are indicators, not proof. ClaimLens engine ${analysed[0]?.report?.engineVersion ?? ''}; all checks ran on the agent's device.`.replace('  ', ' '));
  return lines.join('\n');
}

export function videoRequest(context: ClaimContext | undefined): string {
  const name = context?.customerName ? inert(context.customerName.split(' ')[0], 40) : 'there';
  const order = context?.orderId ? ` for order ${inert(context.orderId, 40)}` : '';
  return [
    `Hi ${name},`,
    '',
    `Thank you for the photos${order}. To settle your claim quickly, could you please reply with a short video (10–20 seconds) that shows:`,
    '- the item and the damage, filmed all around,',
    '- the shipping label on the box, with the order number readable.',
    '',
    'A phone video is perfect. Thank you for your help!',
  ].join('\n');
}
