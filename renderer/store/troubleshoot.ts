// Troubleshoot's slice: every check run on this server, an evidence bundle opened from elsewhere, the report written,
// the bundle collected here.
import type { StateCreator } from 'zustand';
import type { CheckView } from '../../contract/setup-shapes';
import type { BundleView } from '../../contract/troubleshoot-channels';
import { xs4 } from '../bridge/xs4';
import { activity } from './activity';
import type { SetupStore } from './setup';

export interface TroubleshootState {
  troubleshootChecks: CheckView[];
  /** An evidence bundle opened in Troubleshoot (evaluated offline), shown instead of the live checks. */
  bundle: BundleView | null;
  /** Where the last report was written. */
  exportedReport: string | null;
  /** Folder of the evidence bundle last collected on this server. */
  collectedBundle: string | null;
}

export interface TroubleshootActions {
  runAllChecks(): Promise<void>;
  openBundle(path: string): Promise<void>;
  closeBundle(): void;
  exportReport(path: string): Promise<void>;
  /** Runs every check here and writes a redacted evidence bundle into a new or empty folder. */
  collectBundle(path: string): Promise<void>;
}

export const initialTroubleshoot: TroubleshootState = {
  troubleshootChecks: [],
  bundle: null,
  exportedReport: null,
  collectedBundle: null,
};

export const createTroubleshootSlice: StateCreator<
  SetupStore,
  [],
  [],
  TroubleshootState & TroubleshootActions
> = (set, get) => {
  const { act, validated, operate } = activity(set, get);
  return {
    ...initialTroubleshoot,

    async runAllChecks() {
      const list = await operate('checks', 'checks', (operationId) =>
        xs4().setup.runChecks({ operationId, ids: null }),
      );
      if (list !== undefined) set({ troubleshootChecks: list });
    },

    async openBundle(path) {
      if (path.trim() === '') {
        validated([{ field: 'bundlePath', rule: 'required' }]);
        return;
      }
      const bundle = await act('openBundle', () => xs4().troubleshoot.openBundle({ path: path.trim() }));
      if (bundle !== undefined) set({ bundle, exportedReport: null });
    },

    closeBundle() {
      set({ bundle: null, exportedReport: null, error: null });
    },

    async exportReport(path) {
      const p = path.trim();
      if (p === '') {
        validated([{ field: 'reportPath', rule: 'required' }]);
        return;
      }
      if (!/\.html?$/i.test(p)) {
        validated([{ field: 'reportPath', rule: 'htmlFile' }]);
        return;
      }
      const source = get().bundle !== null ? 'bundle' : 'live';
      const written = await act('exportReport', () => xs4().troubleshoot.exportReport({ source, path: p }));
      if (written !== undefined) set({ exportedReport: written.path });
    },

    async collectBundle(path) {
      const p = path.trim();
      if (p === '') {
        validated([{ field: 'collectPath', rule: 'required' }]);
        return;
      }
      const out = await operate('collectBundle', 'collectBundle', (operationId) =>
        xs4().setup.collectBundle({ operationId, path: p }),
      );
      if (out !== undefined) set({ collectedBundle: out.path, troubleshootChecks: out.checks, bundle: null });
    },
  };
};
