/**
 * Per image: the agent types the serial or order number the item should carry and ClaimLens
 * reads the text on the photo and compares (on this device); left empty, it lists the text it
 * reads. The answer arrives as a new analysis of the card, with the serial evidence in it.
 */
import { useId, useState } from 'react';
import type { AnalysisOutcome, CheckSerialMessage, ImageEntry } from '@/lib/messaging';
import { t, type Locale } from '@/lib/i18n/messages';

export function SerialCheck({ entry, tabId, expected, locale }: { entry: ImageEntry; tabId?: number; expected?: string; locale: Locale }) {
  const id = useId();
  const [value, setValue] = useState(entry.serial ?? expected ?? '');
  const [error, setError] = useState<string>();
  const busy = entry.status === 'analysing';
  return (
    <details className="serial-check" open={entry.serial !== undefined || !!expected}>
      <summary>{t('serial.summary', undefined, locale)}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (tabId === undefined || busy) return;
          const message: CheckSerialMessage = { type: 'check-serial', tabId, src: entry.src, serial: value };
          setError(undefined);
          // The new analysis replaces the card; only a refusal needs saying here.
          void (browser.runtime.sendMessage(message) as Promise<AnalysisOutcome | undefined>).then(
            (outcome) => setError(outcome && !outcome.ok ? outcome.error : undefined),
            (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
          );
        }}
      >
        <label htmlFor={`${id}-serial`}>{t('serial.label', undefined, locale)}</label>
        <div className="serial-row">
          <input id={`${id}-serial`} value={value} maxLength={100} autoComplete="off" spellCheck={false} aria-describedby={`${id}-hint`} onChange={(e) => setValue(e.currentTarget.value)} />
          <button type="submit" disabled={busy || tabId === undefined}>
            {value.trim() ? t('serial.check', undefined, locale) : t('serial.read', undefined, locale)}
          </button>
        </div>
        {error && (
          <p className="serial-error" role="alert">
            {t('serial.failed', { error }, locale)}
          </p>
        )}
        <p id={`${id}-hint`} className="serial-hint">
          {entry.serial ? t('serial.checked', { serial: entry.serial }, locale) : t('serial.hint', undefined, locale)}
        </p>
      </form>
    </details>
  );
}
