/**
 * The ticket-level actions: copy a neutral internal note for the ticket, and copy a ready
 * request-for-video message for the customer, both in the UI language. A live region
 * announces the result.
 */
import { useState } from 'react';
import type { ClaimContext } from '@/lib/engine/types';
import type { ImageEntry } from '@/lib/messaging';
import { internalNote, videoRequest } from '@/lib/verdict/note';
import { t, type Locale } from '@/lib/i18n/messages';
import { imageName } from './names';

async function copyText(text: string, locale: Locale): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error(t('copy.refused', undefined, locale));
  }
}

export function CopyActions({ context, images, locale = 'en' }: { context?: ClaimContext; images: readonly ImageEntry[]; locale?: Locale }) {
  const [status, setStatus] = useState('');
  const run = (what: string, text: () => string) => () =>
    copyText(text(), locale).then(
      () => setStatus(t('copy.done', { what }, locale)),
      (err: unknown) => setStatus(t('copy.failed', { error: err instanceof Error ? err.message : String(err) }, locale)),
    );
  return (
    <div className="actions">
      <button
        type="button"
        onClick={run(t('copy.noteName', undefined, locale), () =>
          internalNote(context, images.map((e) => ({ name: e.name ?? imageName(e.src), report: e.report, error: e.error })), new Date(), locale),
        )}
      >
        {t('copy.note', undefined, locale)}
      </button>
      <button type="button" onClick={run(t('copy.videoName', undefined, locale), () => videoRequest(context, locale))}>
        {t('copy.video', undefined, locale)}
      </button>
      <p className="copy-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
