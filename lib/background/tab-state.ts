/**
 * Per-tab list of claim images and their analyses, written through to
 * chrome.storage.session (so it survives the service worker's restarts and the side panel
 * can read and watch it) and serialised per tab so concurrent updates never overwrite.
 */
import type { ClaimContext } from '../engine/types';
import { tabKey, type ImageEntry, type TabState } from '../messaging';

interface Pending {
  changes: { change: (s: TabState) => void; done: () => void; failed: (err: unknown) => void }[];
  flushing: boolean;
}

/** Changes waiting for their tab's next write: all of them are applied in one read and one write. */
const pending = new Map<number, Pending>();

/** The tab's current state (an empty list when nothing was recorded). */
export async function readTab(tabId: number): Promise<TabState> {
  const key = tabKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as TabState | undefined;
  return stored ?? { tabId, images: [] };
}

/**
 * Largest size (characters of JSON) of one tab's list. chrome.storage.session holds 10 MB for
 * every tab together, and a report with its heat maps and thumbnail takes about 0.1 MB.
 */
export const TAB_STATE_BUDGET = 2_000_000;

const sizeOf = (value: unknown) => JSON.stringify(value).length;

function withoutVisuals(e: ImageEntry): void {
  if (!e.report?.evidence.some((ev) => ev.visual)) return;
  e.report = { ...e.report, evidence: e.report.evidence.map(({ visual: _visual, ...ev }) => ev) };
  e.visualsOmitted = true;
}

function withoutThumbnail(e: ImageEntry): void {
  e.thumbnail = undefined;
}

/**
 * Keeps the tab's list within `budget`: drops the heat maps, then the thumbnails, of the images
 * listed longest ago (never the one the agent asked to see) until it fits. Levels, reasons and
 * evidence always stay.
 */
export function fitBudget(state: TabState, budget = TAB_STATE_BUDGET): void {
  let size = sizeOf(state);
  if (size <= budget) return;
  const oldestFirst = state.images.filter((e) => e.src !== state.focus).sort((a, b) => a.updatedAt - b.updatedAt);
  for (const drop of [withoutVisuals, withoutThumbnail]) {
    for (const e of oldestFirst) {
      if (size <= budget) return;
      const before = sizeOf(e);
      drop(e);
      size -= before - sizeOf(e);
    }
  }
}

async function write(tabId: number, state: TabState): Promise<void> {
  fitBudget(state);
  try {
    await browser.storage.session.set({ [tabKey(tabId)]: state });
  } catch (err) {
    // Other tabs hold the rest of the shared quota: keep this one's list much smaller.
    if (!/quota/i.test(String(err))) throw err;
    fitBudget(state, TAB_STATE_BUDGET / 8);
    await browser.storage.session.set({ [tabKey(tabId)]: state });
  }
}

async function flush(tabId: number, queue: Pending): Promise<void> {
  queue.flushing = true;
  while (queue.changes.length > 0) {
    const batch = queue.changes.splice(0);
    try {
      const state = await readTab(tabId);
      for (const { change } of batch) change(state);
      await write(tabId, state);
      for (const { done } of batch) done();
    } catch (err) {
      for (const { failed } of batch) failed(err);
    }
  }
  queue.flushing = false;
  if (pending.get(tabId) === queue) pending.delete(tabId);
}

/**
 * Applies `change` to the tab's state, after every earlier change to the same tab. Changes that
 * arrive while a write is under way are applied together in the next one, so a ticket with many
 * images costs a few writes of its (large) state rather than two per image.
 */
export function updateTab(tabId: number, change: (s: TabState) => void): Promise<void> {
  let queue = pending.get(tabId);
  if (!queue) {
    queue = { changes: [], flushing: false };
    pending.set(tabId, queue);
  }
  const applied = new Promise<void>((done, failed) => queue.changes.push({ change, done, failed }));
  if (!queue.flushing) void flush(tabId, queue);
  return applied;
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
  pending.delete(tabId);
  await browser.storage.session.remove(tabKey(tabId));
}
