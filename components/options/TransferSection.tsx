/**
 * Files a team shares: the settings (export, and import that saves at once) and the list of
 * known-bad photo hashes (import merges into the list, export writes the whole list). Every
 * file carries a checksum that import verifies before anything is validated or saved.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { exportFile, importFile, validateSettings, type KnownBadHash, type SettingPath, type Settings } from '@/lib/settings/schema';
import { describedBy, LockedNote } from './fields';
import { downloadText, today } from './download';
import { fieldErrors } from './paths';
import { mergeHashes } from './hashes';

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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function TransferSection({ saved, locked, saveNow, reload }: Props) {
  const id = useId();
  const [settingsOutcome, setSettingsOutcome] = useState<Outcome>();
  const [hashOutcome, setHashOutcome] = useState<Outcome>();
  const hashesLocked = locked.has('knownBadHashes');
  const count = saved.knownBadHashes.length;

  const exportSettings = async () => {
    downloadText(`claimlens-settings-${today()}.json`, await exportFile('claimlens-settings', saved));
    setSettingsOutcome({ ok: true, text: 'Settings exported. The file downloads to your browser’s download folder.' });
  };

  const importSettings = async (e: ChangeEvent<HTMLInputElement>) => {
    setSettingsOutcome(undefined);
    const file = await takeFile(e);
    if (!file) return;
    const read = await importFile('claimlens-settings', file.text);
    if ('error' in read) return setSettingsOutcome({ ok: false, lines: [read.error] });
    const { values, errors } = validateSettings(read.content);
    if (errors.length) return setSettingsOutcome({ ok: false, lines: [...fieldErrors(errors).messages, 'Nothing was imported.'] });
    const paths = Object.keys(values) as SettingPath[];
    if (paths.length === 0) return setSettingsOutcome({ ok: false, lines: ['The file holds no ClaimLens settings. Nothing was imported.'] });
    const problems = await saveNow(read.content as Partial<Settings>);
    if (problems.length) return setSettingsOutcome({ ok: false, lines: [...fieldErrors(problems).messages, 'Nothing was imported.'] });
    await reload();
    const kept = paths.filter((p) => locked.has(p)).length;
    setSettingsOutcome({
      ok: true,
      text: `Imported ${plural(paths.length - kept, 'setting', 'settings')} from ${file.name} and saved them.${kept ? ` ${plural(kept, 'setting is', 'settings are')} set by your organisation and stayed as they were.` : ''}`,
    });
  };

  const exportHashes = async () => {
    downloadText(`claimlens-hash-list-${today()}.json`, await exportFile('claimlens-hash-list', saved.knownBadHashes));
    setHashOutcome({ ok: true, text: `Exported ${plural(count, 'hash', 'hashes')}.` });
  };

  const importHashes = async (e: ChangeEvent<HTMLInputElement>) => {
    setHashOutcome(undefined);
    const file = await takeFile(e);
    if (!file) return;
    const read = await importFile('claimlens-hash-list', file.text);
    if ('error' in read) return setHashOutcome({ ok: false, lines: [read.error] });
    const { errors } = validateSettings({ knownBadHashes: read.content });
    if (errors.length) return setHashOutcome({ ok: false, lines: [...fieldErrors(errors).messages, 'Nothing was imported.'] });
    const { list, added, duplicates } = mergeHashes(saved.knownBadHashes, read.content as KnownBadHash[]);
    const problems = await saveNow({ knownBadHashes: list });
    if (problems.length) return setHashOutcome({ ok: false, lines: [...fieldErrors(problems).messages, 'Nothing was imported.'] });
    setHashOutcome({
      ok: true,
      text: `Added ${plural(added, 'hash', 'hashes')} from ${file.name}${duplicates ? ` (${plural(duplicates, 'was', 'were')} already in the list)` : ''}. The list now has ${plural(list.length, 'hash', 'hashes')}.`,
    });
  };

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Files</h2>
      <fieldset>
        <legend>Settings file</legend>
        <p className="hint" id={`${id}-settings-hint`}>
          Share one configuration across the team. Export writes the saved settings. Importing checks the file’s checksum, then saves its settings at once
          and replaces unsaved changes on this page.
        </p>
        <div className="file-actions">
          <button type="button" onClick={() => void exportSettings()}>
            Export settings
          </button>
          <label htmlFor={`${id}-settings-file`}>Import a settings file</label>
          <input id={`${id}-settings-file`} type="file" accept=".json,application/json" aria-describedby={`${id}-settings-hint`} onChange={(e) => void importSettings(e)} />
        </div>
        <Result outcome={settingsOutcome} />
      </fieldset>
      <fieldset>
        <legend>Known-bad photo hashes</legend>
        <p className="hint" id={`${id}-hash-hint`}>
          Photos your team already knows to be fraudulent, shared as hash lists. A claim photo with the same hash is flagged. Importing adds the file’s hashes to
          the list; it never removes any.
        </p>
        <p className="hash-count" id={`${id}-hash-count`}>
          {plural(count, 'hash', 'hashes')} in the list.
        </p>
        {hashesLocked && <LockedNote id={`${id}-hash-locked`} />}
        <div className="file-actions">
          <button type="button" onClick={() => void exportHashes()} aria-describedby={`${id}-hash-count`}>
            Export hash list
          </button>
          <label htmlFor={`${id}-hash-file`}>Import a hash list</label>
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
