/**
 * The options page: what a support team configures (sites, verdict, claim policy, case
 * memory, model, YARA rules, shared files), in the browser's UI language (English or
 * Simplified Chinese, lib/i18n). Values edited in the form are saved together with Save;
 * adding a site, importing a file and forgetting act at once. Options a managed policy sets
 * are shown disabled with "Set by your organisation" and are never saved from here.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { loadSettings, onSettingsChanged, saveSettings } from '@/lib/store/settings';
import type { EffectiveSettings, SettingPath, Settings } from '@/lib/settings/schema';
import { fieldErrors, getPath, setPath } from '@/components/options/paths';
import { SitesSection } from '@/components/options/SitesSection';
import { VerdictSection } from '@/components/options/VerdictSection';
import { PolicySection } from '@/components/options/PolicySection';
import { MemorySection } from '@/components/options/MemorySection';
import { ModelSection } from '@/components/options/ModelSection';
import { YaraSection } from '@/components/options/YaraSection';
import { TransferSection } from '@/components/options/TransferSection';
import { LocaleContext, textsFor } from '@/components/options/texts';
import { uiLocale } from '@/lib/i18n/locale';

/** `draft` with every locked path taken from `effective` (a policy change shows at once). */
function withLocked(draft: Settings, effective: EffectiveSettings): Settings {
  return effective.locked.reduce((d, p) => setPath(d, p, getPath(effective.settings, p)), draft);
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function App() {
  const locale = useMemo(uiLocale, []);
  const { t, plural } = useMemo(() => textsFor(locale), [locale]);
  const [saved, setSaved] = useState<EffectiveSettings>();
  const [draft, setDraft] = useState<Settings>();
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const [loadError, setLoadError] = useState('');

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('options.title');
  }, [locale, t]);

  useEffect(() => {
    let live = true;
    loadSettings().then(
      (eff) => {
        if (!live) return;
        setSaved(eff);
        setDraft(eff.settings);
      },
      (err: unknown) => live && setLoadError(t('options.loadFailed', { error: errorText(err) })),
    );
    const stop = onSettingsChanged((eff) => {
      setSaved(eff);
      // Values saved elsewhere (another window, the policy) replace only what is not being edited here.
      setDraft((d) => (d ? withLocked({ ...d, customSites: eff.settings.customSites, knownBadHashes: eff.settings.knownBadHashes }, eff) : eff.settings));
    });
    return () => {
      live = false;
      stop();
    };
  }, [t]);

  const locked = useMemo(() => new Set<SettingPath>(saved?.locked ?? []), [saved]);
  const byPath = useMemo(() => fieldErrors(errors, locale), [errors, locale]);

  if (loadError) {
    return (
      <main>
        <h1>{t('options.title')}</h1>
        <p role="alert">{loadError}</p>
      </main>
    );
  }
  if (!saved || !draft) {
    return (
      <main>
        <h1>{t('options.title')}</h1>
        <p role="status">{t('options.loading')}</p>
      </main>
    );
  }

  const update = (path: SettingPath, value: unknown) => {
    if (locked.has(path)) return;
    setDraft((d) => (d ? setPath(d, path, value) : d));
    setStatus('');
  };

  /** Saves some values at once (sites list, imports); the form keeps its other edits. */
  const saveNow = async (values: Partial<Settings>): Promise<string[]> => {
    const problems = await saveSettings(values);
    if (problems.length) return problems;
    const eff = await loadSettings();
    setSaved(eff);
    setDraft((d) => {
      let next = d ?? eff.settings;
      for (const key of Object.keys(values) as (keyof Settings)[]) next = { ...next, [key]: eff.settings[key] };
      return withLocked(next, eff);
    });
    return [];
  };

  const reload = async () => {
    const eff = await loadSettings();
    setSaved(eff);
    setDraft(eff.settings);
    setErrors([]);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setStatus('');
    try {
      const problems = await saveSettings(draft);
      setErrors(problems);
      if (problems.length === 0) {
        const eff = await loadSettings();
        setSaved(eff);
        setDraft(eff.settings);
        setStatus(t('options.saved'));
      }
    } catch (err) {
      setErrors([t('options.saveFailed', { error: errorText(err) })]);
    } finally {
      setSaving(false);
    }
  };

  const section = { settings: draft, locked, errors: byPath.byPath, update };
  return (
    <LocaleContext.Provider value={locale}>
      <main>
        <header>
          <h1>{t('options.title')}</h1>
          <p className="intro">{t('options.intro')}</p>
          {locked.size > 0 && (
            <p className="managed-banner" role="note">
              {plural('options.managed', locked.size, { locked: t('options.locked') })}
            </p>
          )}
        </header>
        <form onSubmit={(e) => void save(e)} noValidate aria-label={t('options.title')}>
          <SitesSection {...section} saveNow={saveNow} />
          <VerdictSection {...section} />
          <PolicySection {...section} />
          <MemorySection {...section} />
          <ModelSection {...section} />
          <YaraSection {...section} />
          <div className="save-bar">
            <button type="submit" className="primary" disabled={saving}>
              {t('options.save')}
            </button>
            <p className="save-status" role="status">
              {status}
            </p>
            {byPath.messages.length > 0 && (
              <div className="save-errors" role="alert">
                <p>{t('options.notSaved')}</p>
                <ul>
                  {byPath.messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </form>
        <TransferSection saved={saved.settings} locked={locked} saveNow={saveNow} reload={reload} />
        <footer className="privacy">{t('options.privacy')}</footer>
      </main>
    </LocaleContext.Provider>
  );
}
