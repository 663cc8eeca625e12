/**
 * Watches a helpdesk page for claim images and keeps one badge per image. Reads the DOM
 * in one debounced pass per mutation burst (idle time, never during the page's own work),
 * asks the background for each new image's analysis once, and tears everything down when
 * `signal` aborts (page left, extension updated or disabled).
 */
import type { SiteAdapter } from '../sites';
import type { AnalysisOutcome, AnalyzeImageMessage, OpenPanelMessage } from '../messaging';
import { bytesToBase64 } from '../messaging';
import type { ClaimContext } from '../engine/types';
import { Badge } from './badge';

export interface ScannerHost {
  sendMessage(message: AnalyzeImageMessage | OpenPanelMessage): Promise<unknown>;
}

const DEBOUNCE_MS = 150;

async function readLocalBytes(src: string): Promise<string | undefined> {
  if (!src.startsWith('blob:') && !src.startsWith('data:')) return undefined;
  const res = await fetch(src);
  return bytesToBase64(new Uint8Array(await res.arrayBuffer()));
}

export function startScanner(adapter: SiteAdapter, host: ScannerHost, signal: AbortSignal): { rescan(): void } {
  const badges = new Map<HTMLImageElement, { badge: Badge; src: string }>();
  /** One analysis per ticket and image URL for the life of the page. */
  const outcomes = new Map<string, Promise<AnalysisOutcome>>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const analyse = (src: string, context: ClaimContext): Promise<AnalysisOutcome> => {
    const key = `${context.ticketId ?? ''}|${src}`;
    let p = outcomes.get(key);
    if (!p) {
      p = readLocalBytes(src)
        .then((bytesBase64) => host.sendMessage({ type: 'analyze-image', src, bytesBase64, context }) as Promise<AnalysisOutcome>)
        .then((o) => o ?? { ok: false as const, error: 'No answer from the extension' })
        .catch((err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }));
      outcomes.set(key, p);
    }
    return p;
  };

  const scan = () => {
    timer = undefined;
    if (signal.aborted) return;
    const found = adapter.findClaimImages(document);
    const context = found.length ? adapter.context(document) : undefined;
    const current = new Set<HTMLImageElement>();
    for (const { element, src } of found) {
      current.add(element);
      const existing = badges.get(element);
      const anchor = element.closest('a') ?? element;
      if (existing && existing.src === src) {
        existing.badge.attach(anchor);
        continue;
      }
      existing?.badge.remove();
      const badge = new Badge(() => void host.sendMessage({ type: 'open-panel', src }).catch(() => undefined));
      badge.attach(anchor);
      badges.set(element, { badge, src });
      void analyse(src, context!).then((o) => {
        if (!signal.aborted && badges.get(element)?.badge === badge) badge.show(o);
      });
    }
    for (const [img, { badge }] of badges) {
      if (!current.has(img)) {
        badge.remove();
        badges.delete(img);
      }
    }
  };

  const schedule = () => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(scan, DEBOUNCE_MS);
  };

  const observer = new MutationObserver((records) => {
    // Our own badge insertions are not page changes.
    if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName === 'CLAIMLENS-BADGE'))) return;
    schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'href'] });
  addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const { badge } of badges.values()) badge.remove();
    badges.clear();
  });
  scan();
  return { rescan: schedule };
}
