/**
 * The team's YARA rules. Only stored: this version cannot run them, and the page says so
 * instead of suggesting that images are matched against them.
 */
import { TextAreaField } from './fields';
import { FIELD_LABELS } from './paths';
import type { SectionProps } from './section';

export function YaraSection({ settings, locked, errors, update }: SectionProps) {
  return (
    <section aria-labelledby="yara-heading">
      <h2 id="yara-heading">YARA rules</h2>
      <fieldset>
        <legend>Team rules</legend>
        <p className="notice" id="yara-not-available">
          <strong>Not available in this version yet:</strong> ClaimLens does not run YARA rules yet. The rules are stored (and exported with the settings) for a
          later version; they are not compiled or checked, and no image is matched against them.
        </p>
        <TextAreaField
          label={FIELD_LABELS.yaraRules}
          value={settings.yaraRules}
          rows={8}
          monospace
          locked={locked.has('yaraRules')}
          error={errors.yaraRules}
          hint="Stored as written, for later use."
          onChange={(t) => update('yaraRules', t)}
        />
      </fieldset>
    </section>
  );
}
