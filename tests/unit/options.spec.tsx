// @vitest-environment happy-dom
/**
 * The options page (entrypoints/options/App.tsx) against the fake browser: every section is
 * there, a value set by managed policy is disabled, labelled and never saved, invalid values
 * are explained and not saved, files are verified before import (a tampered file changes
 * nothing), hash lists merge without duplicates, custom helpdesk addresses ask for access from
 * the click, and "Forget everything" confirms first. Also: the background's registration of
 * the custom sites, and the managed policy schema against SETTING_PATHS.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/options/App';
import { DEFAULT_SETTINGS, SETTING_PATHS, exportFile } from '../../lib/settings/schema';
import { SITE_ADAPTERS } from '../../lib/sites/registry';
import { CUSTOM_SITES_SCRIPT_ID, registerCustomSites } from '../../lib/background/custom-sites';
import { mergeHashes } from '../../components/options/hashes';
import { parseOrigin } from '../../components/options/origins';
import { ROOT } from './helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HASH_C = 'c'.repeat(64);

let container: HTMLDivElement;
let root: Root;

/** Lets pending promises (storage, checksums, file reads) and React updates finish. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

async function renderPage() {
  act(() => root.render(<App />));
  await settle();
}

function control<T extends HTMLElement = HTMLInputElement>(label: string): T {
  const el = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  if (!el) throw new Error(`No label "${label}"`);
  const target = document.getElementById(el.htmlFor);
  if (!target) throw new Error(`Label "${label}" points at nothing`);
  return target as T;
}

function button(name: string): HTMLButtonElement {
  const b = [...container.querySelectorAll('button')].find((x) => x.textContent?.trim() === name || x.getAttribute('aria-label') === name);
  if (!b) throw new Error(`No button "${name}"`);
  return b;
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(el: HTMLElement) {
  act(() => el.click());
  await settle();
}

async function pickFile(input: HTMLInputElement, name: string, text: string) {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? '');
const statuses = () => [...container.querySelectorAll('[role="status"]')].map((a) => a.textContent ?? '');
const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

describe('options page', () => {
  it('renders every section, a checkbox per helpdesk (on by default) and the honest notes', async () => {
    await renderPage();
    const headings = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Sites', 'Verdict', 'Claim policy', 'Case memory', 'Neural detector', 'YARA rules', 'Files']);
    for (const fieldset of container.querySelectorAll('fieldset')) expect(fieldset.querySelector('legend')?.textContent).toBeTruthy();
    for (const a of SITE_ADAPTERS) expect(control(a.name).checked).toBe(true);
    expect(control('Needs review from score').value).toBe(String(DEFAULT_SETTINGS.verdict.reviewAt));
    expect(control<HTMLTextAreaElement>('Next step when review is needed').value).toBe(DEFAULT_SETTINGS.verdict.recommendations.review);
    expect(control('Claim window (days)').value).toBe('90');
    expect(control('Keep case memory for (days)').value).toBe('180');
    expect(control('Use the neural AI-image detector').checked).toBe(true);
    expect(container.textContent).toContain('The neural detector may not be present in this build');
    expect(container.textContent).toContain('Your rules run over the bytes of every claim file');
    expect(container.textContent).toContain('0 hashes in the list.');
    // Every form control has a label.
    for (const el of container.querySelectorAll('input, textarea')) {
      expect(container.querySelector(`label[for="${CSS.escape(el.id)}"]`), el.outerHTML).not.toBeNull();
    }
    expect(container.querySelector('.managed-banner')).toBeNull();
  });

  it('saves edited values and says so', async () => {
    await renderPage();
    type(control<HTMLTextAreaElement>('Next step when review is needed'), 'Ask for a video of the parcel.');
    type(control('Keep case memory for (days)'), '30');
    act(() => control('Gmail').click());
    type(control<HTMLTextAreaElement>('YARA rules source'), 'rule x { condition: true }');
    await click(button('Save'));
    expect(statuses()).toContain('Saved');
    expect(alerts()).toEqual([]);
    const s = await stored();
    expect((s?.verdict as { recommendations: { review: string } }).recommendations.review).toBe('Ask for a video of the parcel.');
    expect(s?.retentionDays).toBe(30);
    expect((s?.sites as Record<string, boolean>).gmail).toBe(false);
    expect(s?.yaraRules).toBe('rule x { condition: true }');
  });

  it('shows the validation error for an invalid threshold and saves nothing', async () => {
    await renderPage();
    type(control('Needs review from score'), '150');
    type(control<HTMLTextAreaElement>('Next step for high risk'), 'Changed');
    await click(button('Save'));
    expect(alerts().join(' ')).toContain('Needs review from score: expected a whole number from 1 to 99');
    expect(control('Needs review from score').getAttribute('aria-invalid')).toBe('true');
    expect(description(control('Needs review from score'))).toContain('expected a whole number from 1 to 99');
    expect(statuses()).not.toContain('Saved');
    expect(await stored()).toBeUndefined();

    type(control('Needs review from score'), '90');
    type(control('High risk from score'), '80');
    await click(button('Save'));
    expect(alerts().join(' ')).toContain('must be above “Needs review from score”');
    expect(await stored()).toBeUndefined();
  });

  it('disables an option set by managed policy, labels it, and never saves it', async () => {
    await fakeBrowser.storage.managed.set({ retentionDays: 365, verdict: { recommendations: { high: 'Managed: call the fraud desk.' } }, sites: { gmail: false } });
    await renderPage();
    const high = control<HTMLTextAreaElement>('Next step for high risk');
    expect(high.disabled).toBe(true);
    expect(high.value).toBe('Managed: call the fraud desk.');
    expect(description(high)).toContain('Set by your organisation');
    const retention = control('Keep case memory for (days)');
    expect(retention.disabled).toBe(true);
    expect(retention.value).toBe('365');
    expect(description(retention)).toContain('Set by your organisation');
    expect(control('Gmail').disabled).toBe(true);
    expect(control('Gmail').checked).toBe(false);
    expect(description(control('Zendesk'))).toContain('Set by your organisation');
    expect(control<HTMLTextAreaElement>('Next step for low risk').disabled).toBe(false);
    expect(container.querySelector('.managed-banner')?.textContent).toContain('3 of these options');

    type(control<HTMLTextAreaElement>('Next step for low risk'), 'Refund.');
    await click(button('Save'));
    expect(statuses()).toContain('Saved');
    const s = await stored();
    expect(s?.retentionDays).toBeUndefined();
    expect(s?.sites).toBeUndefined();
    expect((s?.verdict as { recommendations: Record<string, string> }).recommendations).toEqual(
      expect.objectContaining({ low: 'Refund.', review: DEFAULT_SETTINGS.verdict.recommendations.review }),
    );
    expect((s?.verdict as { recommendations: Record<string, string> }).recommendations.high).toBeUndefined();
    expect(high.value).toBe('Managed: call the fraud desk.');
  });

  it('imports a settings file after checking its checksum; a tampered file changes nothing', async () => {
    await renderPage();
    const input = control('Import a settings file');
    const good = await exportFile('claimlens-settings', { verdict: { reviewAt: 55, highAt: 80 }, retentionDays: 90 });
    const tampered = good.replace('"reviewAt": 55', '"reviewAt": 5');
    expect(tampered).not.toBe(good);

    await pickFile(input, 'tampered.json', tampered);
    expect(alerts().join(' ')).toContain('The checksum does not match: the file was changed or damaged after export. Nothing was imported.');
    expect(await stored()).toBeUndefined();
    expect(control('Needs review from score').value).toBe('60');

    const invalid = await exportFile('claimlens-settings', { retentionDays: -1 });
    await pickFile(input, 'invalid.json', invalid);
    expect(alerts().join(' ')).toContain('Keep case memory for (days): expected a whole number from 1 to 3650');
    expect(alerts().join(' ')).toContain('Nothing was imported.');
    expect(await stored()).toBeUndefined();

    await pickFile(input, 'team.json', good);
    expect(alerts()).toEqual([]);
    expect(statuses().join(' ')).toContain('Imported 3 settings from team.json');
    expect(control('Needs review from score').value).toBe('55');
    expect(control('Keep case memory for (days)').value).toBe('90');
    expect((await stored())?.retentionDays).toBe(90);
  });

  it('exports the saved settings as a checksummed file', async () => {
    await renderPage();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^claimlens-settings-\d{4}-\d\d-\d\d\.json$/);
    });
    await click(button('Export settings'));
    expect(clicked).toHaveBeenCalledTimes(1);
    const file = JSON.parse(await created[0].text());
    expect(file.format).toBe('claimlens-settings');
    expect(file.content.verdict).toEqual(DEFAULT_SETTINGS.verdict);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('merges an imported hash list without duplicates and shows the count', async () => {
    await fakeBrowser.storage.local.set({ settings: { knownBadHashes: [{ sha256: HASH_A, note: 'known' }] } });
    await renderPage();
    expect(container.textContent).toContain('1 hash in the list.');
    const input = control('Import a hash list');
    const list = await exportFile('claimlens-hash-list', [{ sha256: HASH_A }, { sha256: HASH_B }, { pdq: HASH_C, note: 'resized' }]);
    await pickFile(input, 'fraud.json', list);
    expect(alerts()).toEqual([]);
    expect(statuses().join(' ')).toContain('Added 2 hashes from fraud.json (1 was already in the list). The list now has 3 hashes.');
    expect(container.textContent).toContain('3 hashes in the list.');
    expect((await stored())?.knownBadHashes).toEqual([{ sha256: HASH_A, note: 'known' }, { sha256: HASH_B }, { pdq: HASH_C, note: 'resized' }]);

    await pickFile(input, 'fraud.json', list.replace(HASH_B, HASH_C));
    expect(alerts().join(' ')).toContain('The checksum does not match');
    expect(((await stored())?.knownBadHashes as unknown[]).length).toBe(3);

    const bad = await exportFile('claimlens-hash-list', [{ sha256: 'not-a-hash' }]);
    await pickFile(input, 'bad.json', bad);
    expect(alerts().join(' ')).toContain('expected hashes of 64 lowercase hex digits');
    expect(alerts().join(' ')).toContain('Nothing was imported.');

    expect(mergeHashes([], [{ sha256: HASH_A }, { sha256: HASH_A }])).toEqual({ list: [{ sha256: HASH_A }], added: 1, duplicates: 1 });
  });

  it('adds a custom helpdesk address after asking for access from the click, and removing revokes it', async () => {
    const granted = new Set<string>();
    const request = vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.add(o));
      return true;
    });
    const remove = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.delete(o)));
    Object.assign(fakeBrowser.permissions, {
      request,
      remove,
      contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    });
    await renderPage();
    const address = control('Helpdesk address');

    type(address, 'http://support.example.com');
    await click(button('Add and allow access'));
    expect(alerts().join(' ')).toContain('Only https addresses can be added');
    expect(request).not.toHaveBeenCalled();

    type(address, 'Support.Example.com/some/page');
    act(() => button('Add and allow access').click());
    // Asked within the click, before anything was awaited.
    expect(request).toHaveBeenCalledWith({ origins: ['https://support.example.com/*'] });
    await settle();
    expect(alerts()).toEqual([]);
    expect(statuses().join(' ')).toContain('https://support.example.com added.');
    expect((await stored())?.customSites).toEqual(['https://support.example.com']);
    expect(container.querySelector('.site-list')?.textContent).toContain('access granted');

    await click(button('Remove https://support.example.com'));
    expect(remove).toHaveBeenCalledWith({ origins: ['https://support.example.com/*'] });
    expect((await stored())?.customSites).toEqual([]);
    expect(container.querySelector('.site-list')).toBeNull();

    request.mockResolvedValueOnce(false);
    type(address, 'https://help.example.org');
    await click(button('Add and allow access'));
    expect(alerts().join(' ')).toContain('Access to https://help.example.org was not granted, so it was not added.');
    expect((await stored())?.customSites).toEqual([]);
  });

  it('asks for a confirmation before forgetting everything, then reports the result', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    Object.assign(fakeBrowser.runtime, { sendMessage: send });
    await renderPage();
    await click(button('Forget everything…'));
    expect(send).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Cancel');
    await click(button('Cancel'));
    expect(send).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Forget everything…');

    await click(button('Forget everything…'));
    await click(button('Yes, forget everything'));
    expect(send).toHaveBeenCalledWith({ type: 'forget-everything' });
    expect(statuses().join(' ')).toContain('the case memory on this device is empty');

    send.mockResolvedValueOnce({ ok: false, error: 'database locked' } as never);
    await click(button('Forget everything…'));
    await click(button('Yes, forget everything'));
    expect(alerts().join(' ')).toContain('The case memory could not be emptied: database locked.');
  });
});

describe('custom helpdesk addresses', () => {
  it('accepts https origins only, and not hosts ClaimLens already covers', () => {
    expect(parseOrigin('support.example.com')).toEqual({ origin: 'https://support.example.com' });
    expect(parseOrigin('https://support.example.com:8443/tickets?id=1')).toEqual({ origin: 'https://support.example.com:8443' });
    expect(parseOrigin('http://support.example.com')).toHaveProperty('error');
    expect(parseOrigin('')).toHaveProperty('error');
    expect(parseOrigin('https://user:pw@support.example.com')).toHaveProperty('error');
    expect(parseOrigin('https://acme.zendesk.com')).toHaveProperty('error');
    expect(parseOrigin('https://mail.google.com')).toHaveProperty('error');
  });

  it('registers the generic scanner on the granted custom origins, updates and unregisters it', async () => {
    const granted = new Set(['https://support.example.com/*', 'https://help.example.org/*']);
    const registered = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
    Object.assign(fakeBrowser.permissions, { contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))) });
    const register = vi.fn(async (scripts: { id: string }[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    });
    const update = vi.fn(async (scripts: { id: string }[]) => scripts.forEach((s) => registered.set(s.id, s)));
    const unregister = vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id)));
    Object.assign(fakeBrowser.scripting, {
      registerContentScripts: register,
      updateContentScripts: update,
      unregisterContentScripts: unregister,
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.filter((id) => registered.has(id)).map((id) => registered.get(id))),
    });

    // Overlapping calls (start-up and a settings change) must not register twice.
    await Promise.all([registerCustomSites(['https://support.example.com', 'https://not-granted.example.net']), registerCustomSites(['https://support.example.com'])]);
    expect(register).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledTimes(1);
    expect(registered.get(CUSTOM_SITES_SCRIPT_ID)).toEqual(
      expect.objectContaining({ js: ['/content-scripts/generic.js'], matches: ['https://support.example.com/*'] }),
    );

    expect(await registerCustomSites(['https://support.example.com', 'https://help.example.org'])).toEqual(['https://support.example.com/*', 'https://help.example.org/*']);
    expect(update).toHaveBeenCalledTimes(2);
    expect(registered.get(CUSTOM_SITES_SCRIPT_ID)?.matches).toEqual(['https://support.example.com/*', 'https://help.example.org/*']);

    // Read from the settings when no list is given.
    await fakeBrowser.storage.local.set({ settings: { customSites: [] } });
    expect(await registerCustomSites()).toEqual([]);
    expect(unregister).toHaveBeenCalledWith({ ids: [CUSTOM_SITES_SCRIPT_ID] });
    expect(registered.size).toBe(0);
  });
});

describe('managed policy schema', () => {
  type Node = { type?: string; properties?: Record<string, Node>; items?: Node; additionalProperties?: Node; $ref?: string };
  const schema = JSON.parse(readFileSync(join(ROOT, 'public', 'managed_schema.json'), 'utf8')) as Node;

  it('covers every setting path in the nested shape of Settings, with the types of the defaults', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    for (const path of SETTING_PATHS) {
      const node = path.split('.').reduce<Node | undefined>((n, k) => n?.properties?.[k], schema);
      expect(node, path).toBeDefined();
      const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], DEFAULT_SETTINGS);
      const expected = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
      expect(node!.type, path).toBe(expected);
    }
    for (const a of SITE_ADAPTERS) expect(schema.properties!.sites.properties![a.id]?.type).toBe('boolean');
  });

  it('uses only what Chrome’s policy schema accepts: one type per node, no $ref', () => {
    const ALLOWED = new Set(['type', 'title', 'description', 'properties', 'items', 'additionalProperties', 'minimum', 'maximum', 'pattern', 'enum']);
    const walk = (n: Node, at: string) => {
      for (const key of Object.keys(n)) expect(ALLOWED.has(key), `${at}.${key}`).toBe(true);
      expect(['object', 'array', 'string', 'integer', 'number', 'boolean']).toContain(n.type);
      for (const [k, child] of Object.entries(n.properties ?? {})) walk(child, `${at}.${k}`);
      if (n.items) walk(n.items, `${at}[]`);
      if (n.additionalProperties) walk(n.additionalProperties, `${at}.*`);
    };
    walk(schema, '$');
  });
});
