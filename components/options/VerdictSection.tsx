/** Verdict: the score thresholds of the three levels and the next step shown for each. */
import { NumberField, TextAreaField } from './fields';
import { FIELD_LABELS } from './paths';
import type { SectionProps } from './section';

export function VerdictSection({ settings, locked, errors, update }: SectionProps) {
  const v = settings.verdict;
  return (
    <section aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">Verdict</h2>
      <fieldset>
        <legend>Score thresholds</legend>
        <p className="hint">Every image gets a score from 0 to 100; these thresholds turn it into a level. Decisive evidence (for example a signed AI manifest) sets the level directly.</p>
        <div className="row">
          <NumberField
            label={FIELD_LABELS['verdict.reviewAt']}
            value={v.reviewAt}
            min={1}
            max={99}
            locked={locked.has('verdict.reviewAt')}
            error={errors['verdict.reviewAt']}
            onChange={(n) => update('verdict.reviewAt', n)}
          />
          <NumberField
            label={FIELD_LABELS['verdict.highAt']}
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
        <legend>Recommended next steps</legend>
        <p className="hint">Shown to agents on every image card, and copied into the internal note.</p>
        <TextAreaField
          label={FIELD_LABELS['verdict.recommendations.low']}
          value={v.recommendations.low}
          locked={locked.has('verdict.recommendations.low')}
          error={errors['verdict.recommendations.low']}
          onChange={(t) => update('verdict.recommendations.low', t)}
        />
        <TextAreaField
          label={FIELD_LABELS['verdict.recommendations.review']}
          value={v.recommendations.review}
          locked={locked.has('verdict.recommendations.review')}
          error={errors['verdict.recommendations.review']}
          onChange={(t) => update('verdict.recommendations.review', t)}
        />
        <TextAreaField
          label={FIELD_LABELS['verdict.recommendations.high']}
          value={v.recommendations.high}
          locked={locked.has('verdict.recommendations.high')}
          error={errors['verdict.recommendations.high']}
          onChange={(t) => update('verdict.recommendations.high', t)}
        />
      </fieldset>
    </section>
  );
}
