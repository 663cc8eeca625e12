/** Claim policy: the window and the limits behind the "many claims" flags. */
import { NumberField } from './fields';
import { FIELD_LABELS } from './paths';
import type { SectionProps } from './section';

export function PolicySection({ settings, locked, errors, update }: SectionProps) {
  const p = settings.policy;
  return (
    <section aria-labelledby="policy-heading">
      <h2 id="policy-heading">Claim policy</h2>
      <fieldset>
        <legend>Claim limits</legend>
        <p className="hint">A customer or an order with more claims than these within the window is flagged for review. Counts come from the case memory on this device.</p>
        <div className="row">
          <NumberField
            label={FIELD_LABELS['policy.claimWindowDays']}
            value={p.claimWindowDays}
            min={1}
            max={3650}
            locked={locked.has('policy.claimWindowDays')}
            error={errors['policy.claimWindowDays']}
            onChange={(n) => update('policy.claimWindowDays', n)}
          />
          <NumberField
            label={FIELD_LABELS['policy.customerClaimLimit']}
            value={p.customerClaimLimit}
            min={1}
            max={1000}
            locked={locked.has('policy.customerClaimLimit')}
            error={errors['policy.customerClaimLimit']}
            onChange={(n) => update('policy.customerClaimLimit', n)}
          />
          <NumberField
            label={FIELD_LABELS['policy.orderClaimLimit']}
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
