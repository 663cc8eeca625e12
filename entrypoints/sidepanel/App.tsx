/**
 * The side panel: the active tab's claim images, riskiest first, with their reasons, in the
 * browser's UI language (English or Simplified Chinese, lib/i18n).
 */
import { useEffect, useMemo } from 'react';
import { followActiveTab, followModelStatus, usePanelStore } from '@/lib/store/panel';
import { ImageCard } from '@/components/ImageCard';
import { CopyActions } from '@/components/CopyActions';
import { DropZone } from '@/components/DropZone';
import { ModelStatusLine } from '@/components/ModelStatusLine';
import type { ImageEntry } from '@/lib/messaging';
import { NOT_YET_CHECKED } from '@/lib/engine/coverage';
import { t, translateEnglish } from '@/lib/i18n/messages';
import { uiLocale } from '@/lib/i18n/locale';

const RANK = { high: 0, review: 1, low: 2 } as const;

function rank(e: ImageEntry): number {
  if (e.report) return RANK[e.report.risk.level];
  return e.status === 'analysing' ? 3 : 4;
}

export function App() {
  const { tab, tabId, loading, model, modelEnabled } = usePanelStore();
  const locale = useMemo(uiLocale, []);
  useEffect(() => followActiveTab(), []);
  useEffect(() => followModelStatus(), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
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
            {t('panel.ticket', { helpdesk: ctx.helpdesk ?? '', ticket: ctx.ticketId }, locale)}
            {ctx.customerName ? ` · ${ctx.customerName}` : ''}
          </p>
        )}
        {images.length > 0 && (
          <>
            <p className="summary" role="status">
              {t('panel.summary', { total: images.length, ...counts }, locale)}
            </p>
            <CopyActions context={ctx} images={images} locale={locale} />
          </>
        )}
        <ModelStatusLine status={model} enabled={modelEnabled} locale={locale} />
      </header>
      {loading ? (
        <p role="status">{t('panel.loading', undefined, locale)}</p>
      ) : images.length === 0 ? (
        <p className="empty">{t('panel.empty', { menu: t('panel.menuItem', undefined, locale) }, locale)}</p>
      ) : (
        images.map((e) => <ImageCard key={e.src} entry={e} focused={tab?.focus === e.src} locale={locale} tabId={tabId} expectedSerial={ctx?.serial} />)
      )}
      <DropZone tabId={tabId} locale={locale} />
      {NOT_YET_CHECKED.length > 0 && (
        <details className="not-checked">
          <summary>{t('panel.notChecked', { count: NOT_YET_CHECKED.length }, locale)}</summary>
          <ul>
            {NOT_YET_CHECKED.map((c) => (
              <li key={c}>{translateEnglish(c, locale)}</li>
            ))}
          </ul>
        </details>
      )}
      <footer className="privacy">{t('panel.privacy', undefined, locale)}</footer>
    </main>
  );
}
