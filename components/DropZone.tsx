/**
 * Lets the agent check a photo that is not on the page (sent by e-mail, saved from a chat):
 * drop it anywhere on the side panel, paste it, or pick it with the file chooser. The bytes go
 * to the background like any claim image and are checked on this device, in the context of
 * the tab's ticket; the result joins the list.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { bytesToBase64, type AnalysisOutcome, type AnalyzeFileMessage } from '@/lib/messaging';
import { t, type Locale } from '@/lib/i18n/messages';

/** Largest file the panel sends (runtime messages carry base64, capped at 64 MiB). */
export const MAX_DROP_BYTES = 40 * 1024 * 1024;

const PICTURE_NAME = /\.(jpe?g|jfif|png|webp|heic|heif|avif|gif|bmp|tiff?)$/i;

/** True for files the engine may be able to read: an image type, or a picture's file name. */
export function looksLikePicture(file: { type: string; name: string }): boolean {
  return file.type.startsWith('image/') || PICTURE_NAME.test(file.name);
}

type DropState = { kind: 'idle' } | { kind: 'busy' | 'done' | 'error'; message: string };

export function DropZone({ tabId, locale }: { tabId?: number; locale: Locale }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<DropState>({ kind: 'idle' });
  const [over, setOver] = useState(false);

  const submit = useCallback(
    async (file: File) => {
      const name = file.name || 'pasted-image';
      if (tabId === undefined) return setState({ kind: 'error', message: t('drop.noTab', undefined, locale) });
      if (!looksLikePicture(file)) return setState({ kind: 'error', message: t('drop.notImage', { name }, locale) });
      if (file.size > MAX_DROP_BYTES) {
        return setState({ kind: 'error', message: t('drop.tooLarge', { name, size: (file.size / 1048576).toFixed(1), max: MAX_DROP_BYTES / 1048576 }, locale) });
      }
      setState({ kind: 'busy', message: t('drop.reading', { name }, locale) });
      try {
        const message: AnalyzeFileMessage = { type: 'analyze-file', tabId, name, bytesBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
        // The card shows progress and the result; this line only confirms the hand-over.
        const answer = browser.runtime.sendMessage(message) as Promise<AnalysisOutcome | undefined>;
        setState({ kind: 'done', message: t('drop.sent', { name }, locale) });
        const outcome = await answer;
        if (!outcome?.ok) setState({ kind: 'error', message: t('drop.failed', { name, error: outcome?.error ?? '—' }, locale) });
      } catch (err) {
        setState({ kind: 'error', message: t('drop.failed', { name, error: err instanceof Error ? err.message : String(err) }, locale) });
      }
    },
    [tabId, locale],
  );

  useEffect(() => {
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void submit(file);
    };
    const onPaste = (e: ClipboardEvent) => {
      const file = [...(e.clipboardData?.files ?? [])].find(looksLikePicture);
      if (!file) return;
      e.preventDefault();
      void submit(file);
    };
    addEventListener('dragover', onDragOver);
    addEventListener('dragleave', onDragLeave);
    addEventListener('drop', onDrop);
    addEventListener('paste', onPaste);
    return () => {
      removeEventListener('dragover', onDragOver);
      removeEventListener('dragleave', onDragLeave);
      removeEventListener('drop', onDrop);
      removeEventListener('paste', onPaste);
    };
  }, [submit]);

  return (
    <section className={`drop-zone${over ? ' drop-over' : ''}`} aria-labelledby="drop-title">
      <h2 id="drop-title" className="drop-title">{t('drop.title', undefined, locale)}</h2>
      <p className="drop-hint">{over ? t('drop.active', undefined, locale) : t('drop.hint', undefined, locale)}</p>
      <button type="button" onClick={() => input.current?.click()}>
        {t('drop.choose', undefined, locale)}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*,.heic,.heif,.avif"
        hidden
        data-testid="drop-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void submit(file);
        }}
      />
      <p className={`drop-status drop-${state.kind}`} role={state.kind === 'error' ? 'alert' : 'status'}>
        {state.kind === 'idle' ? '' : state.message}
      </p>
    </section>
  );
}
