/**
 * The ticket-level actions: copy a neutral internal note for the ticket, and copy a ready
 * request-for-video message for the customer. A live region announces the result.
 */
import { useState } from 'react';
import type { ClaimContext } from '@/lib/engine/types';
import type { ImageEntry } from '@/lib/messaging';
import { internalNote, videoRequest } from '@/lib/verdict/note';
import { imageName } from './names';

async function copyText(text: string): Promise<void> {
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
    if (!ok) throw new Error('The browser refused to copy');
  }
}

export function CopyActions({ context, images }: { context?: ClaimContext; images: readonly ImageEntry[] }) {
  const [status, setStatus] = useState('');
  const run = (label: string, text: () => string) => () =>
    copyText(text()).then(
      () => setStatus(`${label} copied to the clipboard.`),
      (err: unknown) => setStatus(`Could not copy: ${err instanceof Error ? err.message : String(err)}`),
    );
  return (
    <div className="actions">
      <button
        type="button"
        onClick={run('Internal note', () => internalNote(context, images.map((e) => ({ name: imageName(e.src), report: e.report, error: e.error }))))}
      >
        Copy internal note
      </button>
      <button type="button" onClick={run('Video request', () => videoRequest(context))}>
        Copy video request for the customer
      </button>
      <p className="copy-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
