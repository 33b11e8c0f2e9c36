// zustand store of the shell: current mode, what the core told us about itself, settings, and load status.
// Wizard and troubleshooting slices are added next to this file and combined in store/index.ts.
import { create } from 'zustand';
import type { AppInfo, Language, Settings } from '../../contract/app';
import { toCallError, type CallError } from '../bridge/errors';
import { switchLanguage } from '../i18n';
import { xs4 } from '../bridge/xs4';

export type Mode = 'setup' | 'troubleshoot';

export interface ShellState {
  mode: Mode;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  appInfo: AppInfo | null;
  settings: Settings | null;
  error: CallError | null;
  setMode(mode: Mode): void;
  load(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

export const useShellStore = create<ShellState>()((set, get) => ({
  mode: 'setup',
  status: 'idle',
  appInfo: null,
  settings: null,
  error: null,
  setMode: (mode) => set({ mode }),
  async load() {
    set({ status: 'loading', error: null });
    try {
      const [appInfo, settings] = await Promise.all([xs4().app.info(), xs4().settings.get()]);
      await switchLanguage(settings.language);
      set({ status: 'ready', appInfo, settings });
    } catch (e) {
      set({ status: 'failed', error: toCallError(e) });
    }
  },
  async setLanguage(language) {
    const previous = get().settings;
    try {
      const settings = await xs4().settings.update({ language });
      await switchLanguage(settings.language);
      set({ settings, error: null });
    } catch (e) {
      set({ settings: previous, error: toCallError(e) });
    }
  },
}));
