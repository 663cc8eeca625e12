/**
 * Case memory: how long sightings are kept, and "Forget everything", which asks for a
 * confirmation and then has the background empty the memory, reporting what happened.
 */
import { useEffect, useRef, useState } from 'react';
import type { ForgetEverythingMessage } from '@/lib/messaging';
import { NumberField } from './fields';
import { fieldLabel } from './paths';
import type { SectionProps } from './section';
import { useTexts } from './texts';

type Result = { ok: true; text: string } | { ok: false; text: string };

export function MemorySection({ settings, locked, errors, update }: SectionProps) {
  const { t, locale } = useTexts();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>();
  const start = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    // Focus follows the step: the safe choice when asked, the starting button afterwards.
    if (confirming) cancel.current?.focus();
    else if (wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const forget = async () => {
    setBusy(true);
    setResult(undefined);
    try {
      const message: ForgetEverythingMessage = { type: 'forget-everything' };
      const answer = (await browser.runtime.sendMessage(message)) as { ok?: boolean; error?: string } | undefined;
      setResult(
        answer?.ok
          ? { ok: true, text: t('options.memory.done') }
          : { ok: false, text: t('options.memory.failed', { error: answer?.error ?? t('options.memory.noAnswer') }) },
      );
    } catch (err) {
      setResult({ ok: false, text: t('options.memory.failed', { error: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section aria-labelledby="memory-heading">
      <h2 id="memory-heading">{t('options.memory.heading')}</h2>
      <fieldset>
        <legend>{t('options.memory.retention')}</legend>
        <NumberField
          label={fieldLabel('retentionDays', locale)}
          value={settings.retentionDays}
          min={1}
          max={3650}
          locked={locked.has('retentionDays')}
          error={errors.retentionDays}
          hint={t('options.memory.retentionHint')}
          onChange={(n) => update('retentionDays', n)}
        />
      </fieldset>
      <fieldset>
        <legend>{t('options.memory.forget')}</legend>
        <p className="hint" id="forget-hint">
          {t('options.memory.forgetHint')}
        </p>
        {!confirming ? (
          <button ref={start} type="button" className="danger" aria-describedby="forget-hint" disabled={busy} onClick={() => setConfirming(true)}>
            {t('options.memory.forgetButton')}
          </button>
        ) : (
          <div className="confirm" role="group" aria-labelledby="forget-question">
            <p id="forget-question">{t('options.memory.question')}</p>
            <button type="button" className="danger" disabled={busy} onClick={() => void forget()}>
              {t('options.memory.confirm')}
            </button>{' '}
            <button ref={cancel} type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('options.memory.cancel')}
            </button>
          </div>
        )}
        {result && !result.ok && (
          <p className="field-error" role="alert">
            {result.text}
          </p>
        )}
        <p className="inline-status" role="status">
          {result?.ok ? result.text : ''}
        </p>
      </fieldset>
    </section>
  );
}
