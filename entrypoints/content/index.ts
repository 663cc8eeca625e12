/**
 * Content script for the supported helpdesks (manifest-registered). Picks the page's site
 * adapter and starts the scanner; WXT's context aborts it when the extension is updated
 * or disabled, so stale badges never outlive their extension.
 */
import { adapterFor, HELPDESK_MATCHES } from '@/lib/sites/registry';
import { startScanner } from '@/lib/content/scanner';

export default defineContentScript({
  matches: HELPDESK_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startScanner(adapterFor(location.href), { sendMessage: (m) => browser.runtime.sendMessage(m) }, ctx.signal);
  },
});
