/**
 * One evidence item: its title always visible, its detail and raw data behind a disclosure
 * button. Every value is rendered as React text (never as HTML): metadata is untrusted.
 */
import { useId, useState } from 'react';
import type { Evidence } from '@/lib/engine/types';
import { EvidenceVisual } from './Heatmap';

const POINTS_TEXT: Record<Evidence['points'], string> = {
  ai: 'Points to AI',
  edited: 'Points to editing',
  reused: 'Points to reuse',
  authentic: 'Supports a genuine photo',
  neutral: 'Context',
};

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, null, 1);
}

export function EvidenceItem({ evidence, imageUrl }: { evidence: Evidence; imageUrl?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const strength = evidence.decisive ? 'decisive' : evidence.weight === 0 ? 'not weighted' : `weight ${evidence.weight > 0 ? '+' : ''}${evidence.weight.toFixed(2)}`;
  return (
    <li className={`evidence points-${evidence.points}`} data-evidence-id={evidence.id}>
      <button type="button" className="evidence-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span className="evidence-points">{POINTS_TEXT[evidence.points]}</span>
        <span className="evidence-title">{evidence.title}</span>
        <span className="evidence-strength">{strength}</span>
      </button>
      {open && (
        <div id={id} className="evidence-body">
          <p>{evidence.detail}</p>
          {evidence.visual && <EvidenceVisual visual={evidence.visual} imageUrl={imageUrl} width={300} />}
          {evidence.data && Object.keys(evidence.data).length > 0 && (
            <table className="evidence-data">
              <caption className="sr-only">Raw values for {evidence.title}</caption>
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
          <p className="evidence-id">Signal id: {evidence.id}</p>
        </div>
      )}
    </li>
  );
}
