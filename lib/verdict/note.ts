/**
 * Texts the agent copies out of ClaimLens: a concise, neutral internal note for the ticket
 * (levels, reasons, hashes, engine version) and a polite request for a video for the
 * customer. Plain text only: everything from files or pages stays inert wherever it is pasted.
 */
import type { ClaimContext, Report, RiskLevel } from '../engine/types';
import { msg, t, type Locale } from '../i18n/messages';
import { evidenceText, recommendationText } from '../i18n/ui';
import { topReasons } from './reasons';

export interface NoteImage {
  name: string;
  report?: Report;
  error?: string;
}

const RANK: Record<RiskLevel, number> = { high: 0, review: 1, low: 2 };

/** Removes control characters and collapses whitespace so pasted text cannot break the note's layout. */
function inert(text: string, max = 200): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The internal note in `locale` (English by default, as the CLI and the tests read it). */
export function internalNote(context: ClaimContext | undefined, images: readonly NoteImage[], now = new Date(), locale: Locale = 'en'): string {
  const analysed = images.filter((i) => i.report);
  const counts = { high: 0, review: 0, low: 0 };
  for (const i of analysed) counts[i.report!.risk.level]++;
  const where = context?.ticketId
    ? t('note.where.ticket', { helpdesk: context.helpdesk ?? '', ticket: inert(context.ticketId, 40) }, locale).trim()
    : t('note.where.claim', undefined, locale);
  const who = context?.customerName ? t('note.customer', { name: inert(context.customerName, 60) }, locale) : '';
  const notAnalysed = images.length - analysed.length;
  const lines = [
    t('note.heading', { where, customer: who, time: now.toISOString().slice(0, 16).replace('T', ' ') }, locale),
    t(
      'note.counts',
      { total: images.length, ...counts, notAnalysed: notAnalysed > 0 ? msg('note.notAnalysed', { count: notAnalysed }) : '' },
      locale,
    ),
  ];
  const sorted = [...images].sort((a, b) => (a.report ? RANK[a.report.risk.level] : 3) - (b.report ? RANK[b.report.risk.level] : 3));
  sorted.forEach((img, n) => {
    const name = inert(img.name, 80);
    if (!img.report) {
      const error = img.error ? msg('note.failedReason', { error: inert(img.error, 120) }) : '';
      lines.push(t('note.failed', { n: n + 1, name, error }, locale));
      return;
    }
    const r = img.report;
    lines.push(t('note.image', { n: n + 1, name, level: msg(`note.level.${r.risk.level}`), score: r.risk.score }, locale));
    for (const e of topReasons(r.evidence, 3)) lines.push(t('note.reason', { title: inert(evidenceText(e, 'title', locale)) }, locale));
    lines.push(t('note.hashes', { sha256: r.sha256, pdq: r.pdq ? msg('note.pdq', { pdq: r.pdq }) : '' }, locale));
  });
  const worst = sorted.find((i) => i.report)?.report;
  if (worst) lines.push(t('note.nextStep', { recommendation: inert(recommendationText(worst.risk, locale), 300) }, locale));
  lines.push(t('note.footer', { version: analysed[0]?.report?.engineVersion ?? '' }, locale).replace('  ', ' '));
  return lines.join('\n');
}

/** The request for a video, in `locale` (English by default). */
export function videoRequest(context: ClaimContext | undefined, locale: Locale = 'en'): string {
  const greeting = context?.customerName
    ? t('video.greeting', { name: inert(context.customerName.split(' ')[0], 40) }, locale)
    : t('video.greetingAnonymous', undefined, locale);
  const order = context?.orderId ? msg('video.order', { order: inert(context.orderId, 40) }) : '';
  return [
    greeting,
    '',
    t('video.ask', { order }, locale),
    t('video.item', undefined, locale),
    t('video.label', undefined, locale),
    '',
    t('video.closing', undefined, locale),
  ].join('\n');
}
