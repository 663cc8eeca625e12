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
import { FIELD_LABELS } from './paths';
import { parseOrigin } from './origins';
import type { SectionProps } from './section';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function SitesSection(props: SectionProps & { saveNow(values: Partial<Settings>): Promise<string[]> }) {
  const { settings, locked, errors, update } = props;
  const sitesLocked = locked.has('sites');
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <fieldset>
        <legend>{FIELD_LABELS.sites}</legend>
        <p className="hint" id="sites-hint">
          Claim images on these helpdesks are checked automatically. A change applies from the next page load.
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
    const parsed = parseOrigin(address);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    const { origin } = parsed;
    if (sites.includes(origin)) {
      setError(`${origin} is already in the list.`);
      return;
    }
    setBusy(true);
    askAccess(origin)
      .then(async (granted) => {
        if (!granted) {
          setError(`Access to ${origin} was not granted, so it was not added.`);
          return;
        }
        const problems = await saveNow({ customSites: [...sites, origin] });
        if (problems.length) {
          setError(problems.join(' '));
          return;
        }
        setAddress('');
        setStatus(`${origin} added. Its pages are checked automatically from the next page load.`);
      })
      .catch((err: unknown) => setError(`Could not ask for access to ${origin}: ${errorText(err)}`))
      .finally(() => setBusy(false));
  };

  const grant = (origin: string) => {
    setError('');
    setStatus('');
    askAccess(origin)
      .then((granted) => {
        if (granted) setStatus(`Access to ${origin} granted.`);
        else setError(`Access to ${origin} was not granted.`);
        return refreshAccess();
      })
      .catch((err: unknown) => setError(`Could not ask for access to ${origin}: ${errorText(err)}`));
  };

  const remove = async (origin: string) => {
    setError('');
    setStatus('');
    setBusy(true);
    try {
      const problems = await saveNow({ customSites: sites.filter((s) => s !== origin) });
      if (problems.length) {
        setError(problems.join(' '));
        return;
      }
      // A host that is also a required permission cannot be removed; nothing else to do then.
      await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
      setStatus(`${origin} removed; ClaimLens no longer has access to it.`);
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const shownError = error || saveError;
  return (
    <fieldset>
      <legend>{FIELD_LABELS.customSites}</legend>
      <p className="hint" id="custom-sites-hint">
        Another helpdesk, or your own domain for one? Add its https address: your browser asks you to allow ClaimLens to read its pages, and claim images there
        are then checked automatically.
      </p>
      {locked && <LockedNote id="custom-sites-locked" />}
      {sites.length > 0 && (
        <ul className="site-list" aria-label="Added helpdesk addresses">
          {sites.map((origin) => (
            <li key={origin}>
              <span className="origin">{origin}</span>{' '}
              <span className={access[origin] ? 'access granted' : 'access missing'}>
                {access[origin] === undefined ? 'checking access…' : access[origin] ? 'access granted' : 'access not granted'}
              </span>
              {access[origin] === false && (
                <button type="button" onClick={() => grant(origin)} aria-label={`Grant access to ${origin}`}>
                  Grant access
                </button>
              )}
              <button
                type="button"
                onClick={() => void remove(origin)}
                disabled={locked || busy}
                aria-label={`Remove ${origin}`}
                aria-describedby={locked ? 'custom-sites-locked' : undefined}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-site">
        <label htmlFor="custom-site-input">Helpdesk address</label>
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
          Add and allow access
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
