/** Claim policy: the window and the limits behind the "many claims" flags. */
import { NumberField } from './fields';
import { fieldLabel } from './paths';
import type { SectionProps } from './section';
import { useTexts } from './texts';

export function PolicySection({ settings, locked, errors, update }: SectionProps) {
  const { t, locale } = useTexts();
  const p = settings.policy;
  return (
    <section aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('options.policy.heading')}</h2>
      <fieldset>
        <legend>{t('options.policy.limits')}</legend>
        <p className="hint">{t('options.policy.hint')}</p>
        <div className="row">
          <NumberField
            label={fieldLabel('policy.claimWindowDays', locale)}
            value={p.claimWindowDays}
            min={1}
            max={3650}
            locked={locked.has('policy.claimWindowDays')}
            error={errors['policy.claimWindowDays']}
            onChange={(n) => update('policy.claimWindowDays', n)}
          />
          <NumberField
            label={fieldLabel('policy.customerClaimLimit', locale)}
            value={p.customerClaimLimit}
            min={1}
            max={1000}
            locked={locked.has('policy.customerClaimLimit')}
            error={errors['policy.customerClaimLimit']}
            onChange={(n) => update('policy.customerClaimLimit', n)}
          />
          <NumberField
            label={fieldLabel('policy.orderClaimLimit', locale)}
            value={p.orderClaimLimit}
            min={1}
            max={1000}
            locked={locked.has('policy.orderClaimLimit')}
            error={errors['policy.orderClaimLimit']}
            onChange={(n) => update('policy.orderClaimLimit', n)}
          />
        </div>
      </fieldset>
    </section>
  );
}
