/**
 * The background's per-tab list (lib/background/tab-state.ts) against the fake browser: changes
 * that arrive together are all applied, in order, in few writes of the tab's state; a new
 * ticket on the tab starts a fresh list; forgetting a tab removes its state.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fitBudget, forgetTab, readTab, recordImage, TAB_STATE_BUDGET, updateTab } from '../../lib/background/tab-state';
import { tabKey, type ImageEntry, type TabState } from '../../lib/messaging';
import type { Report } from '../../lib/engine/types';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('tab state', () => {
  it('applies every one of many simultaneous changes, in order, in a few writes', async () => {
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    const ctx = { helpdesk: 'zendesk', ticketId: '1' };
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => recordImage(7, ctx, { src: `https://a.example/${i % 20}.jpg`, status: i < 20 ? 'analysing' : 'done' })),
    );
    const state = await readTab(7);
    expect(state.images.map((e) => e.src)).toEqual(Array.from({ length: 20 }, (_, i) => `https://a.example/${i}.jpg`));
    // The later change of each image wins.
    expect(state.images.every((e) => e.status === 'done')).toBe(true);
    // One write for the first change, one for everything that queued behind it.
    expect(set.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('keeps the order of changes across writes and resolves each once applied', async () => {
    const order: number[] = [];
    const first = updateTab(3, (s) => void (s.focus = 'a')).then(() => order.push(1));
    const second = updateTab(3, (s) => void (s.focus = `${s.focus}b`)).then(() => order.push(2));
    await Promise.all([first, second]);
    expect((await readTab(3)).focus).toBe('ab');
    expect(order).toEqual([1, 2]);
  });

  it('starts a fresh list for another ticket on the same tab, and forgets a closed tab', async () => {
    await recordImage(5, { helpdesk: 'zendesk', ticketId: '1' }, { src: 'x', status: 'done' });
    await recordImage(5, { helpdesk: 'zendesk', ticketId: '2' }, { src: 'y', status: 'analysing' });
    expect((await readTab(5)).images.map((e) => e.src)).toEqual(['y']);
    await forgetTab(5);
    expect((await fakeBrowser.storage.session.get(tabKey(5)))[tabKey(5)]).toBeUndefined();
  });

  it('reports a failed write to the changes it carried, and goes on with later ones', async () => {
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('IO error'));
    await expect(updateTab(9, (s) => void (s.focus = 'lost'))).rejects.toThrow('IO error');
    await updateTab(9, (s) => void (s.focus = 'kept'));
    expect((await readTab(9)).focus).toBe('kept');
    expect(set).toHaveBeenCalledTimes(2);
  });
});

/** A report shaped like the engine's: one evidence item with a 64×64 heat map. */
function entry(i: number): ImageEntry {
  const report = {
    sha256: String(i).padStart(64, '0'),
    format: 'jpeg',
    width: 4000,
    height: 3000,
    risk: { score: 10, level: 'low', recommendation: 'r' },
    timings: {},
    engineVersion: '0',
    evidence: [
      {
        id: 'pixels.ela.uniform',
        family: 'pixels',
        points: 'neutral',
        weight: 0,
        title: 'ELA',
        detail: 'detail',
        visual: { kind: 'heatmap', width: 64, height: 64, values: Array.from({ length: 4096 }, (_, k) => ((k * 7919) % 1000) / 1000), min: 0, max: 1, label: 'map' },
      },
      { id: 'metadata.camera.present', family: 'metadata', points: 'authentic', weight: -1, title: 'Camera', detail: 'detail' },
    ],
  } as Report;
  return { src: `https://a.example/${i}.jpg`, status: 'done', report, thumbnail: `data:image/jpeg;base64,${'A'.repeat(20_000)}`, updatedAt: 1000 + i };
}

describe('the storage budget of a tab', () => {
  it('drops heat maps, then thumbnails, of the oldest images first, never the focused one, keeping every reason', () => {
    const state: TabState = { tabId: 1, images: Array.from({ length: 12 }, (_, i) => entry(i)), focus: 'https://a.example/0.jpg' };
    const budget = JSON.stringify(state).length - 60_000;
    fitBudget(state, budget);
    expect(JSON.stringify(state).length).toBeLessThanOrEqual(budget);
    const omitted = state.images.filter((e) => e.visualsOmitted).map((e) => e.src);
    // About 25 KB of heat map per image: the three oldest after the focused one.
    expect(omitted).toEqual(['https://a.example/1.jpg', 'https://a.example/2.jpg', 'https://a.example/3.jpg']);
    expect(state.images[0].report!.evidence[0].visual).toBeDefined();
    expect(state.images.every((e) => e.thumbnail)).toBe(true);
    expect(state.images.every((e) => e.report!.evidence.length === 2)).toBe(true);

    fitBudget(state, 100_000);
    expect(JSON.stringify(state).length).toBeLessThanOrEqual(100_000);
    expect(state.images[0].thumbnail).toBeDefined();
    expect(state.images.filter((e) => !e.thumbnail).length).toBeGreaterThan(0);
  });

  it('leaves a list within budget untouched', () => {
    const state: TabState = { tabId: 1, images: [entry(1)] };
    const before = JSON.stringify(state);
    fitBudget(state);
    expect(JSON.stringify(state)).toBe(before);
    expect(before.length).toBeLessThan(TAB_STATE_BUDGET);
  });

  it('keeps a large ticket within the budget when it is recorded, and shrinks further when the shared quota is full', async () => {
    const ctx = { helpdesk: 'zendesk', ticketId: '1' };
    await Promise.all(Array.from({ length: 40 }, (_, i) => recordImage(2, ctx, entry(i))));
    const state = await readTab(2);
    expect(state.images).toHaveLength(40);
    expect(JSON.stringify(state).length).toBeLessThanOrEqual(TAB_STATE_BUDGET);

    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('Session storage quota bytes exceeded'));
    await recordImage(2, ctx, entry(40));
    expect(set).toHaveBeenCalledTimes(2);
    const after = await readTab(2);
    expect(after.images).toHaveLength(41);
    expect(JSON.stringify(after).length).toBeLessThanOrEqual(TAB_STATE_BUDGET / 8);
  });
});
