/**
 * Verdict: the score thresholds of the three levels and the next step shown for each. A next
 * step that is still the default text shows in the UI language (the side panel translates it
 * for every agent); a team's own text is shown and saved as written.
 */
import type { RiskLevel } from '@/lib/engine/types';
import { DEFAULT_VERDICT_SETTINGS } from '@/lib/settings/defaults';
import { t as message, type Locale } from '@/lib/i18n/messages';
import { recommendationText } from '@/lib/i18n/ui';
import { NumberField, TextAreaField } from './fields';
import { fieldLabel } from './paths';
import type { SectionProps } from './section';
import { useTexts } from './texts';

const LEVELS: readonly RiskLevel[] = ['low', 'review', 'high'];

/** The text a next-step field shows: a default text in the UI language, anything else as it is. */
export function shownRecommendation(value: string, locale: Locale): string {
  return recommendationText({ recommendation: value }, locale);
}

/** The value saved for what was typed: a default text in the UI language is kept as the default itself. */
export function storedRecommendation(typed: string, locale: Locale): string {
  if (locale === 'en') return typed;
  const level = LEVELS.find((l) => message(`recommendation.${l}`, undefined, locale) === typed);
  return level ? DEFAULT_VERDICT_SETTINGS.recommendations[level] : typed;
}

export function VerdictSection({ settings, locked, errors, update }: SectionProps) {
  const { t, locale } = useTexts();
  const v = settings.verdict;
  return (
    <section aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">{t('options.verdict.heading')}</h2>
      <fieldset>
        <legend>{t('options.verdict.thresholds')}</legend>
        <p className="hint">{t('options.verdict.thresholdsHint')}</p>
        <div className="row">
          <NumberField
            label={fieldLabel('verdict.reviewAt', locale)}
            value={v.reviewAt}
            min={1}
            max={99}
            locked={locked.has('verdict.reviewAt')}
            error={errors['verdict.reviewAt']}
            onChange={(n) => update('verdict.reviewAt', n)}
          />
          <NumberField
            label={fieldLabel('verdict.highAt', locale)}
            value={v.highAt}
            min={1}
            max={100}
            locked={locked.has('verdict.highAt')}
            error={errors['verdict.highAt']}
            onChange={(n) => update('verdict.highAt', n)}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('options.verdict.steps')}</legend>
        <p className="hint">{t('options.verdict.stepsHint')}</p>
        {LEVELS.map((level) => {
          const path = `verdict.recommendations.${level}` as const;
          return (
            <TextAreaField
              key={level}
              label={fieldLabel(path, locale)}
              value={shownRecommendation(v.recommendations[level], locale)}
              locked={locked.has(path)}
              error={errors[path]}
              onChange={(text) => update(path, storedRecommendation(text, locale))}
            />
          );
        })}
      </fieldset>
    </section>
  );
}
