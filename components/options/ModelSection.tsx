/** The neural detector switch, with the honest note that a build may not include the model. */
import { CheckboxField } from './fields';
import { fieldLabel } from './paths';
import type { SectionProps } from './section';
import { useTexts } from './texts';

export function ModelSection({ settings, locked, errors, update }: SectionProps) {
  const { t, locale } = useTexts();
  return (
    <section aria-labelledby="model-heading">
      <h2 id="model-heading">{t('options.model.heading')}</h2>
      <fieldset>
        <legend>{t('options.model.legend')}</legend>
        <CheckboxField
          label={fieldLabel('modelEnabled', locale)}
          checked={settings.modelEnabled}
          locked={locked.has('modelEnabled')}
          error={errors.modelEnabled}
          hint={t('options.model.hint')}
          onChange={(b) => update('modelEnabled', b)}
        />
      </fieldset>
    </section>
  );
}
