/**
 * Watches a helpdesk page for claim images and keeps one badge per image. Reads the DOM
 * in one debounced pass per mutation burst (idle time, never during the page's own work),
 * asks the background for each new image's analysis once, and tears everything down when
 * `signal` aborts (page left, extension updated or disabled).
 *
 * When the adapter can list the ticket's attachments from the helpdesk's API, those not on the
 * page yet (collapsed or later comments) are analysed too, so they appear in the side panel; the
 * listing is read once per ticket and cancelled when the agent opens another. A file is analysed
 * once per ticket however many URLs name it (the adapter's `key`). Each pass also re-checks the
 * page's theme, so badges follow a switch to or from a dark theme.
 */
import { fileNameOf, type SiteAdapter } from '../sites';
import type { AnalysisOutcome, AnalyzeImageMessage, OpenPanelMessage } from '../messaging';
import { bytesToBase64 } from '../messaging';
import type { ClaimContext } from '../engine/types';
import { Badge } from './badge';
import { declaredTheme, themeProbe, THEME_WATCHED_ATTRIBUTES } from './theme';

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
  /** One analysis per ticket and file for the life of the page, with the URL it was asked under. */
  const outcomes = new Map<string, { src: string; outcome: Promise<AnalysisOutcome> }>();
  /** The API listing of the open ticket's attachments, cancelled when the ticket changes. */
  let listing: { ticket: string; controller: AbortController } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const analyse = (src: string, context: ClaimContext, key = src, name?: string) => {
    const id = `${context.ticketId ?? ''}|${key}`;
    let entry = outcomes.get(id);
    if (!entry) {
      const outcome = readLocalBytes(src)
        .then((bytesBase64) => host.sendMessage({ type: 'analyze-image', src, bytesBase64, context, name }) as Promise<AnalysisOutcome>)
        .then((o) => o ?? { ok: false as const, error: 'No answer from the extension' })
        .catch((err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }));
      entry = { src, outcome };
      outcomes.set(id, entry);
    }
    return entry;
  };

  const listAttachments = (context: ClaimContext) => {
    const ticket = context.ticketId;
    if (!adapter.listAttachments || listing?.ticket === ticket) return;
    listing?.controller.abort();
    listing = undefined;
    if (!ticket) return;
    const controller = new AbortController();
    listing = { ticket, controller };
    adapter
      .listAttachments(document, ticket, AbortSignal.any([signal, controller.signal]))
      .then((images) => {
        if (controller.signal.aborted || signal.aborted) return;
        for (const { src, key } of images) analyse(src, context, key);
      })
      // The page's own images are still found and analysed without the listing.
      .catch(() => undefined);
  };

  const scan = () => {
    timer = undefined;
    if (signal.aborted) return;
    const found = adapter.findClaimImages(document);
    const context = found.length || adapter.listAttachments ? adapter.context(document) : undefined;
    const dark = found.length ? themeProbe(document, adapter.isDark?.(document) ?? declaredTheme(document)) : undefined;
    const current = new Set<HTMLImageElement>();
    for (const { element, src, key, name } of found) {
      current.add(element);
      const existing = badges.get(element);
      const anchor = element.closest('a') ?? element;
      if (existing && existing.src === src) {
        existing.badge.attach(anchor);
        existing.badge.setTheme(dark!(anchor));
        continue;
      }
      existing?.badge.remove();
      const entry = analyse(src, context!, key, name ?? fileNameOf(element));
      // The panel lists the file under the URL it was first analysed with.
      const badge = new Badge(() => void host.sendMessage({ type: 'open-panel', src: entry.src }).catch(() => undefined));
      badge.setTheme(dark!(anchor));
      badge.attach(anchor);
      badges.set(element, { badge, src });
      void entry.outcome.then((o) => {
        if (!signal.aborted && badges.get(element)?.badge === badge) badge.show(o);
      });
    }
    for (const [img, { badge }] of badges) {
      if (!current.has(img)) {
        badge.remove();
        badges.delete(img);
      }
    }
    if (context) listAttachments(context);
  };

  const schedule = () => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(scan, DEBOUNCE_MS);
  };

  const observer = new MutationObserver((records) => {
    // Our own badge insertions are not page changes.
    if (records.every((r) => r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName === 'CLAIMLENS-BADGE'))) return;
    schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'href'] });
  // A theme switch: attributes of <html> and <body> themselves (not their subtrees), and the system's scheme.
  const themeObserver = new MutationObserver(schedule);
  for (const el of [document.documentElement, document.body]) themeObserver.observe(el, { attributes: true, attributeFilter: THEME_WATCHED_ATTRIBUTES });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', schedule, { signal });
  addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    themeObserver.disconnect();
    listing?.controller.abort();
    clearTimeout(timer);
    for (const { badge } of badges.values()) badge.remove();
    badges.clear();
  });
  scan();
  return { rescan: schedule };
}
