/**
 * Files a team shares: the settings (export, and import that saves at once) and the list of
 * known-bad photo hashes (import merges into the list, export writes the whole list). Every
 * file carries a checksum that import verifies before anything is validated or saved.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { exportFile, importFile, validateSettings, type KnownBadHash, type SettingPath, type Settings } from '@/lib/settings/schema';
import { describedBy, LockedNote } from './fields';
import { downloadText, today } from './download';
import { fieldErrors, fieldLabel, importErrorText } from './paths';
import { mergeHashes } from './hashes';
import { useTexts } from './texts';

interface Props {
  /** The saved settings (what an export writes). */
  saved: Settings;
  locked: ReadonlySet<SettingPath>;
  saveNow(values: Partial<Settings>): Promise<string[]>;
  /** Reloads the page's values from storage after an import. */
  reload(): Promise<void>;
}

type Outcome = { ok: true; text: string } | { ok: false; lines: string[] };

function Result({ outcome }: { outcome?: Outcome }) {
  return (
    <>
      {outcome && !outcome.ok && (
        <div className="field-error" role="alert">
          {outcome.lines.length === 1 ? (
            <p>{outcome.lines[0]}</p>
          ) : (
            <ul>
              {outcome.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="inline-status" role="status">
        {outcome?.ok ? outcome.text : ''}
      </p>
    </>
  );
}

/** The picked file's text; clears the input so that the same file can be picked again. */
async function takeFile(e: ChangeEvent<HTMLInputElement>): Promise<{ name: string; text: string } | undefined> {
  const input = e.currentTarget;
  const file = input.files?.[0];
  if (!file) return undefined;
  const text = await file.text();
  input.value = '';
  return { name: file.name, text };
}

export function TransferSection({ saved, locked, saveNow, reload }: Props) {
  const { t, plural, locale } = useTexts();
  const id = useId();
  const [settingsOutcome, setSettingsOutcome] = useState<Outcome>();
  const [hashOutcome, setHashOutcome] = useState<Outcome>();
  const hashesLocked = locked.has('knownBadHashes');
  const count = saved.knownBadHashes.length;

  const exportSettings = async () => {
    downloadText(`claimlens-settings-${today()}.json`, await exportFile('claimlens-settings', saved));
    setSettingsOutcome({ ok: true, text: t('options.files.exported') });
  };

  const importSettings = async (e: ChangeEvent<HTMLInputElement>) => {
    setSettingsOutcome(undefined);
    const file = await takeFile(e);
    if (!file) return;
    const read = await importFile('claimlens-settings', file.text);
    if ('error' in read) return setSettingsOutcome({ ok: false, lines: [importErrorText(read.error, locale)] });
    const { values, errors } = validateSettings(read.content);
    if (errors.length) return setSettingsOutcome({ ok: false, lines: [...fieldErrors(errors, locale).messages, t('options.files.nothingImported')] });
    const paths = Object.keys(values) as SettingPath[];
    if (paths.length === 0) return setSettingsOutcome({ ok: false, lines: [t('options.files.noSettings')] });
    const problems = await saveNow(read.content as Partial<Settings>);
    if (problems.length) return setSettingsOutcome({ ok: false, lines: [...fieldErrors(problems, locale).messages, t('options.files.nothingImported')] });
    await reload();
    const kept = paths.filter((p) => locked.has(p)).length;
    const imported = plural('options.files.imported', paths.length - kept, { file: file.name });
    setSettingsOutcome({
      ok: true,
      text: kept ? t('options.files.importedAndKept', { imported, kept: plural('options.files.kept', kept) }) : imported,
    });
  };

  const exportHashes = async () => {
    downloadText(`claimlens-hash-list-${today()}.json`, await exportFile('claimlens-hash-list', saved.knownBadHashes));
    setHashOutcome({ ok: true, text: plural('options.hashes.exported', count) });
  };

  const importHashes = async (e: ChangeEvent<HTMLInputElement>) => {
    setHashOutcome(undefined);
    const file = await takeFile(e);
    if (!file) return;
    const read = await importFile('claimlens-hash-list', file.text);
    if ('error' in read) return setHashOutcome({ ok: false, lines: [importErrorText(read.error, locale)] });
    const { errors } = validateSettings({ knownBadHashes: read.content });
    if (errors.length) return setHashOutcome({ ok: false, lines: [...fieldErrors(errors, locale).messages, t('options.files.nothingImported')] });
    const { list, added, duplicates } = mergeHashes(saved.knownBadHashes, read.content as KnownBadHash[]);
    const problems = await saveNow({ knownBadHashes: list });
    if (problems.length) return setHashOutcome({ ok: false, lines: [...fieldErrors(problems, locale).messages, t('options.files.nothingImported')] });
    const counts = { file: file.name, added: plural('options.hashes.count', added), total: plural('options.hashes.count', list.length) };
    setHashOutcome({
      ok: true,
      text: duplicates
        ? t('options.hashes.addedWithDuplicates', { ...counts, duplicates: plural('options.hashes.duplicates', duplicates) })
        : t('options.hashes.added', counts),
    });
  };

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">{t('options.files.heading')}</h2>
      <fieldset>
        <legend>{t('options.files.settings')}</legend>
        <p className="hint" id={`${id}-settings-hint`}>
          {t('options.files.settingsHint')}
        </p>
        <div className="file-actions">
          <button type="button" onClick={() => void exportSettings()}>
            {t('options.files.export')}
          </button>
          <label htmlFor={`${id}-settings-file`}>{t('options.files.import')}</label>
          <input id={`${id}-settings-file`} type="file" accept=".json,application/json" aria-describedby={`${id}-settings-hint`} onChange={(e) => void importSettings(e)} />
        </div>
        <Result outcome={settingsOutcome} />
      </fieldset>
      <fieldset>
        <legend>{fieldLabel('knownBadHashes', locale)}</legend>
        <p className="hint" id={`${id}-hash-hint`}>
          {t('options.hashes.hint')}
        </p>
        <p className="hash-count" id={`${id}-hash-count`}>
          {plural('options.hashes.inList', count)}
        </p>
        {hashesLocked && <LockedNote id={`${id}-hash-locked`} />}
        <div className="file-actions">
          <button type="button" onClick={() => void exportHashes()} aria-describedby={`${id}-hash-count`}>
            {t('options.hashes.export')}
          </button>
          <label htmlFor={`${id}-hash-file`}>{t('options.hashes.import')}</label>
          <input
            id={`${id}-hash-file`}
            type="file"
            accept=".json,application/json"
            disabled={hashesLocked}
            aria-describedby={describedBy(`${id}-hash-hint`, hashesLocked && `${id}-hash-locked`)}
            onChange={(e) => void importHashes(e)}
          />
        </div>
        <Result outcome={hashOutcome} />
      </fieldset>
    </section>
  );
}
