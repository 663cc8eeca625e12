/** The neural detector switch, with the honest note that a build may not include the model. */
import { CheckboxField } from './fields';
import { FIELD_LABELS } from './paths';
import type { SectionProps } from './section';

export function ModelSection({ settings, locked, errors, update }: SectionProps) {
  return (
    <section aria-labelledby="model-heading">
      <h2 id="model-heading">Neural detector</h2>
      <fieldset>
        <legend>On-device model</legend>
        <CheckboxField
          label={FIELD_LABELS.modelEnabled}
          checked={settings.modelEnabled}
          locked={locked.has('modelEnabled')}
          error={errors.modelEnabled}
          hint="The neural detector may not be present in this build. When it is missing this switch changes nothing, and the side panel lists the detector under “Not checked in this version”."
          onChange={(b) => update('modelEnabled', b)}
        />
      </fieldset>
    </section>
  );
}
