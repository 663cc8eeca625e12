/** One claim image in the side panel: thumbnail, level, score, top reasons, all evidence — in the UI language. */
import { useEffect, useRef } from 'react';
import type { ImageEntry } from '@/lib/messaging';
import { topReasons } from '@/lib/verdict/reasons';
import { t, type Locale } from '@/lib/i18n/messages';
import { evidenceText, levelLabel, recommendationText } from '@/lib/i18n/ui';
import { EvidenceItem } from './EvidenceItem';
import { imageName } from './names';
import { SerialCheck } from './SerialCheck';
import { backendName } from './ModelStatusLine';

interface ImageCardProps {
  entry: ImageEntry;
  focused: boolean;
  locale?: Locale;
  /** The tab the image belongs to; without it the serial check is off. */
  tabId?: number;
  /** The serial the ticket names, offered in the serial check. */
  expectedSerial?: string;
}

export function ImageCard({ entry, focused, locale = 'en', tabId, expectedSerial }: ImageCardProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) ref.current?.focus();
  }, [focused]);
  const name = entry.name ?? imageName(entry.src);
  const report = entry.report;
  const level = report?.risk.level;
  const backend = report?.evidence.find((e) => e.family === 'model' && typeof e.data?.backend === 'string')?.data?.backend as string | undefined;
  return (
    <article ref={ref} tabIndex={-1} className={`card level-${level ?? entry.status}`} aria-labelledby={`t-${entry.src}`} data-src={entry.src}>
      <header className="card-head">
        {entry.thumbnail ? (
          <img className="thumb" src={entry.thumbnail} alt={t('card.imageAlt', { name }, locale)} />
        ) : (
          <div className="thumb placeholder" aria-hidden="true" />
        )}
        <div>
          <h2 id={`t-${entry.src}`} className="card-title">{name}</h2>
          {entry.status === 'analysing' && <p className="level" role="status">{t('card.checking', undefined, locale)}</p>}
          {entry.status === 'error' && <p className="level level-error">{t('card.failed', { error: entry.error ?? '' }, locale)}</p>}
          {report && level && (
            <>
              <p className="level">
                <span className={`pill pill-${level}`}>{levelLabel(level, locale)}</span>{' '}
                <span className="score">{t('card.score', { score: report.risk.score }, locale)}</span>
              </p>
              <p className="meta">
                {report.format.toUpperCase()} · {report.width}×{report.height}
                {entry.dropped ? ` · ${t('card.dropped', undefined, locale)}` : ''}
              </p>
              {backend && <p className="meta model-backend">{t('card.model', { backend: backendName(backend, locale) }, locale)}</p>}
            </>
          )}
        </div>
      </header>
      {report && (
        <>
          <ul className="reasons" aria-label={t('card.topReasons', undefined, locale)}>
            {topReasons(report.evidence, 3).map((e) => (
              <li key={e.id}>{evidenceText(e, 'title', locale)}</li>
            ))}
          </ul>
          <p className="recommendation">
            <strong>{t('card.nextStep', undefined, locale)}</strong> {recommendationText(report.risk, locale)}
          </p>
          <details className="all-evidence" open={focused}>
            <summary>{t('card.allSignals', { count: report.evidence.length }, locale)}</summary>
            <ul className="evidence-list">
              {report.evidence.map((e, i) => (
                <EvidenceItem key={`${e.id}-${i}`} evidence={e} imageUrl={entry.thumbnail} locale={locale} />
              ))}
            </ul>
            {entry.visualsOmitted && <p className="meta">{t('card.visualsOmitted', undefined, locale)}</p>}
            <p className="hash">{t('card.hash', { sha256: report.sha256, version: report.engineVersion }, locale)}</p>
          </details>
        </>
      )}
      {entry.status !== 'analysing' || entry.serial !== undefined ? <SerialCheck entry={entry} tabId={tabId} expected={expectedSerial} locale={locale} /> : null}
    </article>
  );
}
