/**
 * Content script for any other page, injected only when the agent asks ("Scan this page
 * with ClaimLens" in the context menu) under the activeTab grant. Uses the generic adapter.
 */
import { generic } from '@/lib/sites/generic';
import { startScanner } from '@/lib/content/scanner';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    const w = window as unknown as { __claimlensGeneric?: { rescan(): void } };
    if (w.__claimlensGeneric) {
      w.__claimlensGeneric.rescan();
      return;
    }
    w.__claimlensGeneric = startScanner(generic, { sendMessage: (m) => browser.runtime.sendMessage(m) }, ctx.signal);
  },
});
