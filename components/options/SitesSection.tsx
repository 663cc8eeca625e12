/**
 * Sites: the supported helpdesks (each on unless turned off) and the team's own helpdesk
 * addresses. Adding an address asks the browser for access to it from the click itself (a
 * permission prompt needs the user's gesture) and saves the list at once; removing one saves
 * and gives the access back. The background registers the scanner on the granted addresses.
 */
import { useEffect, useRef, useState } from 'react';
import type { Settings } from '@/lib/settings/schema';
import { SITE_ADAPTERS } from '@/lib/sites/registry';
import { grantedOrigins, originPattern } from '@/lib/background/custom-sites';
import { CheckboxField, LockedNote, describedBy } from './fields';
import { fieldErrors, fieldLabel } from './paths';
import { parseOrigin } from './origins';
import type { SectionProps } from './section';
import { useTexts } from './texts';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function SitesSection(props: SectionProps & { saveNow(values: Partial<Settings>): Promise<string[]> }) {
  const { settings, locked, errors, update } = props;
  const { t, locale } = useTexts();
  const sitesLocked = locked.has('sites');
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('options.sites.heading')}</h2>
      <fieldset>
        <legend>{fieldLabel('sites', locale)}</legend>
        <p className="hint" id="sites-hint">
          {t('options.sites.hint')}
        </p>
        {sitesLocked && <LockedNote id="sites-locked" />}
        <div className="checks">
          {SITE_ADAPTERS.map((a) => (
            <CheckboxField
              key={a.id}
              label={a.name}
              checked={settings.sites[a.id] !== false}
              locked={sitesLocked}
              describedById="sites-locked"
              onChange={(on) => update('sites', { ...settings.sites, [a.id]: on })}
            />
          ))}
        </div>
        {errors.sites && (
          <p className="field-error" id="sites-error">
            {errors.sites}
          </p>
        )}
      </fieldset>
      <CustomSites sites={settings.customSites} locked={locked.has('customSites')} error={errors.customSites} saveNow={props.saveNow} />
    </section>
  );
}

function CustomSites({ sites, locked, error: saveError, saveNow }: { sites: string[]; locked: boolean; error?: string; saveNow(values: Partial<Settings>): Promise<string[]> }) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const { t, locale } = useTexts();
  const input = useRef<HTMLInputElement>(null);
  const key = sites.join('\n');

  const refreshAccess = () => grantedOrigins(sites).then((granted) => setAccess(Object.fromEntries(sites.map((s) => [s, granted.includes(s)]))));

  useEffect(() => {
    let live = true;
    void grantedOrigins(sites)
      .then((granted) => live && setAccess(Object.fromEntries(sites.map((s) => [s, granted.includes(s)]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key]); // `key` stands for the list's content

  /** Asks for access to `origin`; must run synchronously inside the click or key press. */
  const askAccess = (origin: string): Promise<boolean> => {
    try {
      return browser.permissions.request({ origins: [originPattern(origin)] });
    } catch (err) {
      return Promise.reject(err);
    }
  };

  const add = () => {
    setError('');
    setStatus('');
    const parsed = parseOrigin(address, locale);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    const { origin } = parsed;
    if (sites.includes(origin)) {
      setError(t('options.customSites.duplicate', { origin }));
      return;
    }
    setBusy(true);
    askAccess(origin)
      .then(async (granted) => {
        if (!granted) {
          setError(t('options.customSites.notAdded', { origin }));
          return;
        }
        const problems = await saveNow({ customSites: [...sites, origin] });
        if (problems.length) {
          setError(fieldErrors(problems, locale).messages.join(' '));
          return;
        }
        setAddress('');
        setStatus(t('options.customSites.added', { origin }));
      })
      .catch((err: unknown) => setError(t('options.customSites.askFailed', { origin, error: errorText(err) })))
      .finally(() => setBusy(false));
  };

  const grant = (origin: string) => {
    setError('');
    setStatus('');
    askAccess(origin)
      .then((granted) => {
        if (granted) setStatus(t('options.customSites.granted', { origin }));
        else setError(t('options.customSites.refused', { origin }));
        return refreshAccess();
      })
      .catch((err: unknown) => setError(t('options.customSites.askFailed', { origin, error: errorText(err) })));
  };

  const remove = async (origin: string) => {
    setError('');
    setStatus('');
    setBusy(true);
    try {
      const problems = await saveNow({ customSites: sites.filter((s) => s !== origin) });
      if (problems.length) {
        setError(fieldErrors(problems, locale).messages.join(' '));
        return;
      }
      // A host that is also a required permission cannot be removed; nothing else to do then.
      await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
      setStatus(t('options.customSites.removed', { origin }));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const shownError = error || saveError;
  return (
    <fieldset>
      <legend>{fieldLabel('customSites', locale)}</legend>
      <p className="hint" id="custom-sites-hint">
        {t('options.customSites.hint')}
      </p>
      {locked && <LockedNote id="custom-sites-locked" />}
      {sites.length > 0 && (
        <ul className="site-list" aria-label={t('options.customSites.list')}>
          {sites.map((origin) => (
            <li key={origin}>
              <span className="origin">{origin}</span>{' '}
              <span className={access[origin] ? 'access granted' : 'access missing'}>
                {t(access[origin] === undefined ? 'options.customSites.checkingAccess' : access[origin] ? 'options.customSites.accessGranted' : 'options.customSites.accessMissing')}
              </span>
              {access[origin] === false && (
                <button type="button" onClick={() => grant(origin)} aria-label={t('options.customSites.grantLabel', { origin })}>
                  {t('options.customSites.grant')}
                </button>
              )}
              <button
                type="button"
                onClick={() => void remove(origin)}
                disabled={locked || busy}
                aria-label={t('options.customSites.removeLabel', { origin })}
                aria-describedby={locked ? 'custom-sites-locked' : undefined}
              >
                {t('options.customSites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-site">
        <label htmlFor="custom-site-input">{t('options.customSites.address')}</label>
        <input
          ref={input}
          id="custom-site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://support.example.com"
          value={address}
          disabled={locked}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy('custom-sites-hint', locked && 'custom-sites-locked', !!shownError && 'custom-site-error')}
          onChange={(e) => setAddress(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={locked || busy} aria-describedby={locked ? 'custom-sites-locked' : undefined}>
          {t('options.customSites.add')}
        </button>
      </div>
      {shownError && (
        <p className="field-error" id="custom-site-error" role="alert">
          {shownError}
        </p>
      )}
      <p className="inline-status" role="status">
        {status}
      </p>
    </fieldset>
  );
}
