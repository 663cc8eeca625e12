/** The side panel: the active tab's claim images, riskiest first, with their reasons. */
import { useEffect } from 'react';
import { followActiveTab, usePanelStore } from '@/lib/store/panel';
import { ImageCard } from '@/components/ImageCard';
import { CopyActions } from '@/components/CopyActions';
import type { ImageEntry } from '@/lib/messaging';
import { NOT_YET_CHECKED } from '@/lib/engine/coverage';

const RANK = { high: 0, review: 1, low: 2 } as const;

function rank(e: ImageEntry): number {
  if (e.report) return RANK[e.report.risk.level];
  return e.status === 'analysing' ? 3 : 4;
}

export function App() {
  const { tab, loading } = usePanelStore();
  useEffect(() => followActiveTab(), []);
  const images = [...(tab?.images ?? [])].sort((a, b) => rank(a) - rank(b) || (b.report?.risk.score ?? 0) - (a.report?.risk.score ?? 0));
  const counts = { high: 0, review: 0, low: 0 };
  for (const e of images) if (e.report) counts[e.report.risk.level]++;
  const ctx = tab?.context;
  return (
    <main>
      <header className="panel-head">
        <h1>ClaimLens</h1>
        {ctx?.subject && <p className="ticket">{ctx.subject}</p>}
        {ctx?.ticketId && (
          <p className="ticket">
            {ctx.helpdesk} ticket #{ctx.ticketId}
            {ctx.customerName ? ` · ${ctx.customerName}` : ''}
          </p>
        )}
        {images.length > 0 && (
          <>
            <p className="summary" role="status">
              {images.length} image(s): {counts.high} high risk, {counts.review} need review, {counts.low} low risk
            </p>
            <CopyActions context={ctx} images={images} />
          </>
        )}
      </header>
      {loading ? (
        <p role="status">Loading…</p>
      ) : images.length === 0 ? (
        <p className="empty">
          No claim images on this page yet. On a supported helpdesk ticket they are checked automatically; elsewhere, right-click an image and choose
          “Check this image with ClaimLens”.
        </p>
      ) : (
        images.map((e) => <ImageCard key={e.src} entry={e} focused={tab?.focus === e.src} />)
      )}
      <details className="not-checked">
        <summary>Not checked in this version ({NOT_YET_CHECKED.length})</summary>
        <ul>
          {NOT_YET_CHECKED.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
      <footer className="privacy">All checks run on this device. Absence of evidence is not proof either way.</footer>
    </main>
  );
}
