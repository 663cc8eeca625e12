/**
 * The team's YARA rules: an editor whose source is compiled in the analysis worker as the
 * team types (debounced), with errors and warnings listed by line. Rules run over every
 * claim file's bytes next to the shipped rules; a match is evidence with the rule's
 * description. Rules that do not compile never stop the other checks.
 */
import { useEffect, useState } from 'react';
import type { RulesCheck } from '@/lib/engine/yara';
import { list } from '@/lib/i18n/messages';
import { TextAreaField } from './fields';
import { fieldLabel } from './paths';
import type { SectionProps } from './section';
import { useTexts } from './texts';

const CHECK_DELAY_MS = 600;

type CheckState = { state: 'idle' | 'checking' } | { state: 'done'; result: RulesCheck } | { state: 'failed'; error: string };

export function YaraSection({ settings, locked, errors, update }: SectionProps) {
  const { t, locale, rich } = useTexts();
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
          if (!answer || 'error' in answer) setCheck({ state: 'failed', error: answer?.error ?? t('options.yara.noAnswer') });
          else setCheck({ state: 'done', result: answer });
        },
        (err: unknown) => live && setCheck({ state: 'failed', error: String(err) }),
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [source, t]);

  return (
    <section aria-labelledby="yara-heading">
      <h2 id="yara-heading">{t('options.yara.heading')}</h2>
      <fieldset>
        <legend>{t('options.yara.legend')}</legend>
        <p className="hint" id="yara-about">
          {rich('options.yara.about', { description: <code>description</code>, points: <code>points = "ai" | "edited"</code> })}
        </p>
        <TextAreaField
          label={fieldLabel('yaraRules', locale)}
          value={source}
          rows={10}
          monospace
          locked={locked.has('yaraRules')}
          error={errors.yaraRules}
          hint={t('options.yara.hint')}
          onChange={(text) => update('yaraRules', text)}
        />
        <div className="rules-check" aria-live="polite">
          {check.state === 'checking' && <p>{t('options.yara.checking')}</p>}
          {check.state === 'failed' && <p role="alert">{t('options.yara.checkFailed', { error: check.error })}</p>}
          {check.state === 'done' && check.result.ok && (
            <p className="ok">
              {t('options.yara.compiled', { count: check.result.rules.length, names: list('comma', check.result.rules.map((r) => r.name)) })}
            </p>
          )}
          {check.state === 'done' && check.result.errors.length > 0 && (
            <div role="alert">
              <p>{t('options.yara.errors')}</p>
              <ul className="rule-errors">
                {check.result.errors.map((e, i) => (
                  <li key={i}>{t('options.yara.line', { line: e.line, message: e.message })}</li>
                ))}
              </ul>
            </div>
          )}
          {check.state === 'done' && check.result.warnings.length > 0 && (
            <ul className="rule-warnings" aria-label={t('options.yara.warnings')}>
              {check.result.warnings.map((w, i) => (
                <li key={i}>{t('options.yara.line', { line: w.line, message: w.message })}</li>
              ))}
            </ul>
          )}
        </div>
      </fieldset>
    </section>
  );
}
