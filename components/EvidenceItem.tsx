/**
 * One evidence item: its title always visible, its detail and raw data behind a disclosure
 * button, in the UI language where the item carries message references (English otherwise).
 * Every value is rendered as React text (never as HTML): metadata is untrusted. The raw data
 * table shows the file's values and keys as they are.
 */
import { useId, useMemo, useState } from 'react';
import type { Evidence } from '@/lib/engine/types';
import { t, translateEnglish, type Locale } from '@/lib/i18n/messages';
import { evidenceText } from '@/lib/i18n/ui';
import { EvidenceVisual } from './Heatmap';

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, null, 1);
}

function strengthOf(evidence: Evidence, locale: Locale): string {
  if (evidence.decisive) return t('evidence.decisive', undefined, locale);
  if (evidence.weight === 0) return t('evidence.notWeighted', undefined, locale);
  return t('evidence.weight', { weight: `${evidence.weight > 0 ? '+' : ''}${evidence.weight.toFixed(2)}` }, locale);
}

export function EvidenceItem({ evidence, imageUrl, locale = 'en' }: { evidence: Evidence; imageUrl?: string; locale?: Locale }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const title = evidenceText(evidence, 'title', locale);
  const visual = useMemo(() => {
    const v = evidence.visual;
    if (!v) return undefined;
    const label = translateEnglish(v.label, locale);
    return label === v.label ? v : { ...v, label };
  }, [evidence.visual, locale]);
  return (
    <li className={`evidence points-${evidence.points}`} data-evidence-id={evidence.id}>
      <button type="button" className="evidence-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span className="evidence-points">{t(`points.${evidence.points}`, undefined, locale)}</span>
        <span className="evidence-title">{title}</span>
        <span className="evidence-strength">{strengthOf(evidence, locale)}</span>
      </button>
      {open && (
        <div id={id} className="evidence-body">
          <p>{evidenceText(evidence, 'detail', locale)}</p>
          {visual && <EvidenceVisual visual={visual} imageUrl={imageUrl} width={300} />}
          {evidence.data && Object.keys(evidence.data).length > 0 && (
            <table className="evidence-data">
              <caption className="sr-only">{t('evidence.rawValues', { title }, locale)}</caption>
              <tbody>
                {Object.entries(evidence.data).map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td>
                      <pre>{formatValue(v)}</pre>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="evidence-id">{t('evidence.signalId', { id: evidence.id }, locale)}</p>
        </div>
      )}
    </li>
  );
}
