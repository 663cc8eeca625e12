/**
 * The background's per-tab list (lib/background/tab-state.ts) against the fake browser: changes
 * that arrive together are all applied, in order, in few writes of the tab's state; a new
 * ticket on the tab starts a fresh list; forgetting a tab removes its state.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetTab, readTab, recordImage, updateTab } from '../../lib/background/tab-state';
import { tabKey } from '../../lib/messaging';

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
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota'));
    await expect(updateTab(9, (s) => void (s.focus = 'lost'))).rejects.toThrow('quota');
    await updateTab(9, (s) => void (s.focus = 'kept'));
    expect((await readTab(9)).focus).toBe('kept');
    expect(set).toHaveBeenCalledTimes(2);
  });
});
