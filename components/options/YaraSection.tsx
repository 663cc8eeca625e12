/**
 * The team's YARA rules: an editor whose source is compiled in the analysis worker as the
 * team types (debounced), with errors and warnings listed by line. Rules run over every
 * claim file's bytes next to the shipped rules; a match is evidence with the rule's
 * description. Rules that do not compile never stop the other checks.
 */
import { useEffect, useState } from 'react';
import type { RulesCheck } from '@/lib/engine/yara';
import { TextAreaField } from './fields';
import { FIELD_LABELS } from './paths';
import type { SectionProps } from './section';

const CHECK_DELAY_MS = 600;

type CheckState = { state: 'idle' | 'checking' } | { state: 'done'; result: RulesCheck } | { state: 'failed'; error: string };

export function YaraSection({ settings, locked, errors, update }: SectionProps) {
  const source = settings.yaraRules;
  const [check, setCheck] = useState<CheckState>({ state: 'idle' });
  useEffect(() => {
    if (!source.trim()) {
      setCheck({ state: 'idle' });
      return;
    }
    let live = true;
    setCheck({ state: 'checking' });
    const timer = setTimeout(() => {
      browser.runtime.sendMessage({ type: 'check-rules', source }).then(
        (answer: RulesCheck | { error: string } | undefined) => {
          if (!live) return;
          if (!answer || 'error' in answer) setCheck({ state: 'failed', error: answer?.error ?? 'No answer from the extension' });
          else setCheck({ state: 'done', result: answer });
        },
        (err: unknown) => live && setCheck({ state: 'failed', error: String(err) }),
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [source]);

  return (
    <section aria-labelledby="yara-heading">
      <h2 id="yara-heading">YARA rules</h2>
      <fieldset>
        <legend>Team rules</legend>
        <p className="hint" id="yara-about">
          Your rules run over the bytes of every claim file, next to the rules ClaimLens ships (generator strings, Content Credentials labels, known tool
          markers). A match is shown to the agent with the rule’s <code>description</code> meta; <code>points = "ai" | "edited"</code> sets what it points to.
        </p>
        <TextAreaField
          label={FIELD_LABELS.yaraRules}
          value={source}
          rows={10}
          monospace
          locked={locked.has('yaraRules')}
          error={errors.yaraRules}
          hint="Checked as you type; saved with the Save button."
          onChange={(t) => update('yaraRules', t)}
        />
        <div className="rules-check" aria-live="polite">
          {check.state === 'checking' && <p>Checking the rules…</p>}
          {check.state === 'failed' && <p role="alert">Could not check the rules: {check.error}</p>}
          {check.state === 'done' && check.result.ok && (
            <p className="ok">
              {check.result.rules.length} rule(s) compile: {check.result.rules.map((r) => r.name).join(', ')}
            </p>
          )}
          {check.state === 'done' && check.result.errors.length > 0 && (
            <div role="alert">
              <p>These rules do not compile; until fixed they are skipped (the other checks still run):</p>
              <ul className="rule-errors">
                {check.result.errors.map((e, i) => (
                  <li key={i}>
                    Line {e.line}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {check.state === 'done' && check.result.warnings.length > 0 && (
            <ul className="rule-warnings" aria-label="Warnings">
              {check.result.warnings.map((w, i) => (
                <li key={i}>
                  Line {w.line}: {w.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      </fieldset>
    </section>
  );
}
