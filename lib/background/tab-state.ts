/**
 * Per-tab list of claim images and their analyses, written through to
 * chrome.storage.session (so it survives the service worker's restarts and the side panel
 * can read and watch it) and serialised per tab so concurrent updates never overwrite.
 */
import type { ClaimContext } from '../engine/types';
import { tabKey, type ImageEntry, type TabState } from '../messaging';

const queues = new Map<number, Promise<unknown>>();

/** The tab's current state (an empty list when nothing was recorded). */
export async function readTab(tabId: number): Promise<TabState> {
  const key = tabKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as TabState | undefined;
  return stored ?? { tabId, images: [] };
}

/** Applies `change` to the tab's state, after every earlier change to the same tab. */
export function updateTab(tabId: number, change: (s: TabState) => void): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(async () => {
    const state = await readTab(tabId);
    change(state);
    await browser.storage.session.set({ [tabKey(tabId)]: state });
  });
  queues.set(tabId, next.catch(() => undefined));
  return next;
}

/** Records an image's progress; a new ticket on the same tab starts a fresh list. */
export function recordImage(tabId: number, context: ClaimContext, entry: Omit<ImageEntry, 'updatedAt'>): Promise<void> {
  return updateTab(tabId, (s) => {
    const sameTicket = s.context?.ticketId === context.ticketId && s.context?.helpdesk === context.helpdesk;
    if (!sameTicket) {
      s.images = [];
      s.focus = undefined;
    }
    s.context = context;
    s.pageUrl = context.pageUrl;
    const i = s.images.findIndex((e) => e.src === entry.src);
    const full = { ...entry, updatedAt: Date.now() };
    if (i >= 0) s.images[i] = full;
    else s.images.push(full);
  });
}

export async function forgetTab(tabId: number): Promise<void> {
  queues.delete(tabId);
  await browser.storage.session.remove(tabKey(tabId));
}
