/**
 * Labelled form controls for the options page. A control whose setting a managed policy sets
 * is disabled and described by a visible "Set by your organisation" note; a validation
 * message is tied to its control with aria-describedby and aria-invalid.
 */
import { useId, type ReactNode } from 'react';
import { useTexts } from './texts';

export function LockedNote({ id }: { id: string }) {
  const { t } = useTexts();
  return (
    <span id={id} className="locked-note">
      {t('options.locked')}
    </span>
  );
}

/** Joins the ids that apply into one aria-describedby value. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

interface FieldProps {
  label: string;
  locked: boolean;
  error?: string;
  hint?: ReactNode;
}

function Notes({ id, locked, error, hint }: { id: string; locked: boolean; error?: string; hint?: ReactNode }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {locked && <LockedNote id={`${id}-locked`} />}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

export function NumberField({
  label,
  value,
  min,
  max,
  locked,
  error,
  hint,
  onChange,
}: FieldProps & { value: number; min: number; max: number; onChange(value: number): void }) {
  const id = useId();
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        value={Number.isNaN(value) ? '' : String(value)}
        disabled={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, locked && `${id}-locked`, !!error && `${id}-error`)}
        onChange={(e) => onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value))}
      />
      <Notes id={id} locked={locked} error={error} hint={hint} />
    </div>
  );
}

export function TextAreaField({
  label,
  value,
  rows = 3,
  locked,
  error,
  hint,
  monospace,
  onChange,
}: FieldProps & { value: string; rows?: number; monospace?: boolean; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        spellCheck={!monospace}
        className={monospace ? 'monospace' : undefined}
        disabled={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, locked && `${id}-locked`, !!error && `${id}-error`)}
        onChange={(e) => onChange(e.target.value)}
      />
      <Notes id={id} locked={locked} error={error} hint={hint} />
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  locked,
  error,
  hint,
  describedById,
  onChange,
}: FieldProps & { checked: boolean; describedById?: string; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className={error ? 'field check has-error' : 'field check'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, locked && (describedById ?? `${id}-locked`), !!error && `${id}-error`)}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <Notes id={id} locked={locked && !describedById} error={error} hint={hint} />
    </div>
  );
}
