/**
 * Audits the built manifests (Chrome MV3 and Firefox MV2): least privilege, no remote code,
 * a strict CSP, and the per-browser differences (offscreen/sidePanel on Chrome only, a
 * sidebar on Firefox). Runs after `npm run build` and `npm run build:firefox`.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server';
import { HELPDESK_HOST_PERMISSIONS } from '../../lib/sites/permissions';
import { HELPDESK_MATCHES } from '../../lib/sites/registry';

const OUT = join(ROOT, process.env.CLAIMLENS_OUT_DIR ?? '.output');
const manifest = (dir: string) => JSON.parse(readFileSync(join(OUT, dir, 'manifest.json'), 'utf8'));
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

function expectNoRemoteCode(dir: string) {
  for (const file of files(join(OUT, dir)).filter((f) => /\.(html|js)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/i);
    expect(text, file).not.toMatch(/importScripts\(\s*["']https?:/);
  }
}

test('Chrome/Edge manifest asks only for what ClaimLens needs', () => {
  const m = manifest('chrome-mv3');
  expect(m.manifest_version).toBe(3);
  expect(m.host_permissions).toEqual(HELPDESK_HOST_PERMISSIONS);
  // Each entry names one helpdesk host (or subdomains of one helpdesk domain), over https; the
  // Freshdesk S3 entries also name their bucket. Never every site.
  for (const p of m.host_permissions) expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/([a-z0-9.-]+\/)?\*$/);
  // Every page a content script runs on is covered by a host permission of the same host.
  const host = (pattern: string) => pattern.match(/^https:\/\/([^/]+)\//)?.[1];
  for (const match of HELPDESK_MATCHES) expect(m.host_permissions.map(host), match).toContain(host(match));
  expect([...m.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'offscreen', 'scripting', 'sidePanel', 'storage']);
  expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual([...HELPDESK_MATCHES].sort());
  expect(m.content_security_policy).toEqual({ extension_pages: CSP });
  expect(m.side_panel.default_path).toBe('sidepanel.html');
  expect(m.externally_connectable).toBeUndefined();
  expect(m.web_accessible_resources).toBeUndefined();
  // Team deployment: the options page in a tab, custom helpdesk hosts only as optional
  // permissions asked one origin at a time, and a policy schema for chrome.storage.managed.
  expect(m.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  expect(m.optional_host_permissions).toEqual(['https://*/*']);
  expect(m.optional_permissions).toBeUndefined();
  expect(m.storage).toEqual({ managed_schema: 'managed_schema.json' });
  const schema = JSON.parse(readFileSync(join(OUT, 'chrome-mv3', m.storage.managed_schema), 'utf8'));
  expect(schema.type).toBe('object');
  expect(schema.additionalProperties).toBeUndefined();
  expectNoRemoteCode('chrome-mv3');
});

test('Firefox manifest is valid MV2 with a sidebar and no Chrome-only permissions', () => {
  const m = manifest('firefox-mv2');
  expect(m.manifest_version).toBe(2);
  expect(m.permissions).not.toContain('offscreen');
  expect(m.permissions).not.toContain('sidePanel');
  expect(m.permissions.filter((p: string) => p.includes('://'))).toEqual(HELPDESK_HOST_PERMISSIONS);
  expect(m.content_security_policy).toBe(CSP);
  expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
  expect(m.background.scripts).toEqual(['background.js']);
  expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
  expect(m.cross_origin_embedder_policy).toBeUndefined();
  expect(m.options_ui.page).toBe('options.html');
  expect(m.optional_permissions).toEqual(['https://*/*']);
  expect(m.optional_host_permissions).toBeUndefined();
  // Firefox reads managed settings from policies.json (3rdparty.Extensions) without a schema key.
  expect(m.storage).toBeUndefined();
  expectNoRemoteCode('firefox-mv2');
});
