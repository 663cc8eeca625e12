/**
 * Content script for the supported helpdesks (manifest-registered). Picks the page's site
 * adapter and starts the scanner; WXT's context aborts it when the extension is updated
 * or disabled, so stale badges never outlive their extension.
 */
import { adapterFor, HELPDESK_MATCHES } from '@/lib/sites/registry';
import { startScanner } from '@/lib/content/scanner';
import { loadSettings } from '@/lib/store/settings';

export default defineContentScript({
  matches: HELPDESK_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = adapterFor(location.href);
    const { settings } = await loadSettings();
    // A team can turn a helpdesk off in the options page (or by policy).
    if (settings.sites[adapter.id] === false) return;
    startScanner(adapter, { sendMessage: (m) => browser.runtime.sendMessage(m) }, ctx.signal);
  },
});
