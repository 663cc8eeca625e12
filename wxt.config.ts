import { defineConfig } from 'wxt';
import { HELPDESK_HOST_PERMISSIONS } from './lib/sites/permissions';
import { yaraCsp } from './build/yara-csp';

// Manifest per browser. Chrome/Edge: MV3 with an offscreen document hosting the analysis
// worker. Firefox: MV2 background page hosting it (no offscreen, no sidePanel permission).
export default defineConfig({
  // CLAIMLENS_OUT_DIR lets several builds (and their browser tests) run side by side.
  outDir: process.env.CLAIMLENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  // Module workers, so heavy engine parts (C2PA wasm glue, models) stay in lazily loaded chunks.
  vite: () => ({ worker: { format: 'es', plugins: () => [yaraCsp()] } }),
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', ...(firefox ? [] : ['offscreen'])],
      host_permissions: HELPDESK_HOST_PERMISSIONS,
      // A team's own helpdesk hosts: asked for one origin at a time from the options page.
      ...(firefox ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
      // Team settings by enterprise policy (chrome.storage.managed); Firefox reads its policies.json without a schema.
      ...(firefox ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
      action: { default_title: 'ClaimLens' },
      content_security_policy: firefox
        ? "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'"
        : ({ extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" } as never),
      ...(firefox ? { browser_specific_settings: { gecko: { id: 'claimlens@claimlens.app', strict_min_version: '115.0' } } } : {}),
    };
  },
});
