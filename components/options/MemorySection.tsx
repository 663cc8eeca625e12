/**
 * Case memory: how long sightings are kept, and "Forget everything", which asks for a
 * confirmation and then has the background empty the memory, reporting what happened.
 */
import { useEffect, useRef, useState } from 'react';
import type { ForgetEverythingMessage } from '@/lib/messaging';
import { NumberField } from './fields';
import { FIELD_LABELS } from './paths';
import type { SectionProps } from './section';

type Result = { ok: true; text: string } | { ok: false; text: string };

export function MemorySection({ settings, locked, errors, update }: SectionProps) {
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
          ? { ok: true, text: 'Done: the case memory on this device is empty. Photos seen from now on are remembered again.' }
          : { ok: false, text: `The case memory could not be emptied: ${answer?.error ?? 'the extension did not answer'}.` },
      );
    } catch (err) {
      setResult({ ok: false, text: `The case memory could not be emptied: ${err instanceof Error ? err.message : String(err)}.` });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section aria-labelledby="memory-heading">
      <h2 id="memory-heading">Case memory</h2>
      <fieldset>
        <legend>Retention</legend>
        <NumberField
          label={FIELD_LABELS.retentionDays}
          value={settings.retentionDays}
          min={1}
          max={3650}
          locked={locked.has('retentionDays')}
          error={errors.retentionDays}
          hint="ClaimLens remembers a fingerprint of each claim photo and its ticket, on this device only, to spot the same photo reused. Older sightings are deleted."
          onChange={(n) => update('retentionDays', n)}
        />
      </fieldset>
      <fieldset>
        <legend>Forget everything</legend>
        <p className="hint" id="forget-hint">
          Empties the case memory on this device now: every photo fingerprint and ticket history ClaimLens kept. This cannot be undone.
        </p>
        {!confirming ? (
          <button ref={start} type="button" className="danger" aria-describedby="forget-hint" disabled={busy} onClick={() => setConfirming(true)}>
            Forget everything…
          </button>
        ) : (
          <div className="confirm" role="group" aria-labelledby="forget-question">
            <p id="forget-question">Empty the case memory on this device?</p>
            <button type="button" className="danger" disabled={busy} onClick={() => void forget()}>
              Yes, forget everything
            </button>{' '}
            <button ref={cancel} type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
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
