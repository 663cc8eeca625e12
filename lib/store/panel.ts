/**
 * Side panel state (zustand): which tab the panel follows and that tab's images, kept in
 * step with chrome.storage.session, where the background writes them.
 */
import { create } from 'zustand';
import { tabKey, type TabState } from '../messaging';

interface PanelStore {
  tabId?: number;
  tab?: TabState;
  loading: boolean;
  setTab(tabId: number | undefined, tab: TabState | undefined): void;
}

export const usePanelStore = create<PanelStore>((set) => ({
  loading: true,
  setTab: (tabId, tab) => set({ tabId, tab, loading: false }),
}));

/** Follows the active tab of this window and its stored state; returns a disposer. */
export function followActiveTab(): () => void {
  const load = async (tabId?: number) => {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined) return usePanelStore.getState().setTab(undefined, undefined);
    const key = tabKey(id);
    const tab = (await browser.storage.session.get(key))[key] as TabState | undefined;
    usePanelStore.getState().setTab(id, tab);
  };
  const onActivated = (info: { tabId: number }) => void load(info.tabId);
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const id = usePanelStore.getState().tabId;
    if (area !== 'session' || id === undefined) return;
    const change = changes[tabKey(id)];
    if (change) usePanelStore.getState().setTab(id, change.newValue as TabState | undefined);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.storage.onChanged.addListener(onChanged);
  const forced = new URLSearchParams(location.search).get('tab');
  void load(forced ? Number(forced) : undefined);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.storage.onChanged.removeListener(onChanged);
  };
}
