/** One claim image in the side panel: thumbnail, level, score, top reasons, all evidence. */
import { useEffect, useRef } from 'react';
import type { ImageEntry } from '@/lib/messaging';
import { LEVEL_LABEL, topReasons } from '@/lib/verdict/reasons';
import { EvidenceItem } from './EvidenceItem';
import { imageName } from './names';


export function ImageCard({ entry, focused }: { entry: ImageEntry; focused: boolean }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) ref.current?.focus();
  }, [focused]);
  const name = imageName(entry.src);
  const report = entry.report;
  const level = report?.risk.level;
  return (
    <article ref={ref} tabIndex={-1} className={`card level-${level ?? entry.status}`} aria-labelledby={`t-${entry.src}`} data-src={entry.src}>
      <header className="card-head">
        {entry.thumbnail ? <img className="thumb" src={entry.thumbnail} alt={`Claim image ${name}`} /> : <div className="thumb placeholder" aria-hidden="true" />}
        <div>
          <h2 id={`t-${entry.src}`} className="card-title">{name}</h2>
          {entry.status === 'analysing' && <p className="level" role="status">Checking…</p>}
          {entry.status === 'error' && <p className="level level-error">Could not analyse: {entry.error}</p>}
          {report && level && (
            <>
              <p className="level">
                <span className={`pill pill-${level}`}>{LEVEL_LABEL[level]}</span> <span className="score">score {report.risk.score}/100</span>
              </p>
              <p className="meta">
                {report.format.toUpperCase()} · {report.width}×{report.height}
              </p>
            </>
          )}
        </div>
      </header>
      {report && (
        <>
          <ul className="reasons" aria-label="Top reasons">
            {topReasons(report.evidence, 3).map((e) => (
              <li key={e.id}>{e.title}</li>
            ))}
          </ul>
          <p className="recommendation">
            <strong>Next step:</strong> {report.risk.recommendation}
          </p>
          <details className="all-evidence" open={focused}>
            <summary>All signals ({report.evidence.length})</summary>
            <ul className="evidence-list">
              {report.evidence.map((e, i) => (
                <EvidenceItem key={`${e.id}-${i}`} evidence={e} imageUrl={entry.thumbnail} />
              ))}
            </ul>
            <p className="hash">SHA-256 {report.sha256} · engine {report.engineVersion}</p>
          </details>
        </>
      )}
    </article>
  );
}
