/**
 * Content script for any other page, injected only when the agent asks ("Scan this page's
 * images with ClaimLens" in the context menu) under the activeTab grant. Uses the generic
 * adapter. Injecting it again starts a fresh scan: WXT invalidates the previous instance,
 * whose scanner then removes its own badges.
 */
import { generic } from '@/lib/sites/generic';
import { startScanner } from '@/lib/content/scanner';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    startScanner(generic, { sendMessage: (m) => browser.runtime.sendMessage(m) }, ctx.signal);
  },
});
