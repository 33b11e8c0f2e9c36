// Troubleshoot's slice: every check run on this server, an evidence bundle opened from elsewhere, the report written,
// the bundle collected here. Paths must be full; a folder that does not exist is created only after the technician
// said yes (the core answers PATH_FOLDER_MISSING, the view asks, the call is made again with createFolder).
import type { StateCreator } from 'zustand';
import type { CheckView } from '../../contract/setup-shapes';
import type { BundleView } from '../../contract/troubleshoot-channels';
import { xs4 } from '../bridge/xs4';
import { activity } from './activity';
import type { SetupStore } from './setup';
import { validatePath } from './validation';
import type { CallError } from '../bridge/errors';

export interface TroubleshootState {
  troubleshootChecks: CheckView[];
  /** An evidence bundle opened in Troubleshoot (evaluated offline), shown instead of the live checks. */
  bundle: BundleView | null;
  /** Where the last report was written. */
  exportedReport: string | null;
  /** Folder of the evidence bundle last collected on this server. */
  collectedBundle: string | null;
  /** A folder the core would have to create for the report or the bundle: the view asks the technician first. */
  missingFolder: MissingFolder | null;
}

export interface MissingFolder {
  /** The field whose path it is (its label names it in the question). */
  field: 'reportPath' | 'collectPath';
  /** The path as typed, to send again once the technician agrees. */
  path: string;
  /** The folder that does not exist, as the core resolved it. */
  folder: string;
}

export interface TroubleshootActions {
  runAllChecks(): Promise<void>;
  openBundle(path: string): Promise<void>;
  closeBundle(): void;
  /** `createFolder`: the technician agreed to create a missing folder. */
  exportReport(path: string, createFolder?: boolean): Promise<void>;
  /** Runs every check here and writes a redacted evidence bundle into an empty folder. */
  collectBundle(path: string, createFolder?: boolean): Promise<void>;
  /** The answer to "Create the folder?": yes sends the same request again with createFolder, no drops it. */
  answerMissingFolder(create: boolean): Promise<void>;
}

export const initialTroubleshoot: TroubleshootState = {
  troubleshootChecks: [],
  bundle: null,
  exportedReport: null,
  collectedBundle: null,
  missingFolder: null,
};

/** PATH_FOLDER_MISSING becomes the question instead of an error. */
function missingFolderOf(
  field: MissingFolder['field'],
  path: string,
  error: CallError,
): MissingFolder | null {
  const folder = error.params?.folder;
  return error.code === 'PATH_FOLDER_MISSING' && typeof folder === 'string' ? { field, path, folder } : null;
}

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
      if (!validated([validatePath('bundlePath', path)])) return;
      const bundle = await act('openBundle', () => xs4().troubleshoot.openBundle({ path: path.trim() }));
      if (bundle !== undefined) set({ bundle, exportedReport: null });
    },

    closeBundle() {
      set({ bundle: null, exportedReport: null, error: null });
    },

    async exportReport(path, createFolder = false) {
      const p = path.trim();
      if (!validated([validatePath('reportPath', p, 'htmlFile')])) return;
      const source = get().bundle !== null ? 'bundle' : 'live';
      const written = await act(
        'exportReport',
        () => xs4().troubleshoot.exportReport({ source, path: p, createFolder }),
        (e) => {
          const missingFolder = missingFolderOf('reportPath', p, e);
          if (missingFolder !== null) set({ missingFolder });
          return missingFolder !== null;
        },
      );
      if (written !== undefined) set({ exportedReport: written.path });
    },

    async collectBundle(path, createFolder = false) {
      const p = path.trim();
      if (!validated([validatePath('collectPath', p)])) return;
      const out = await operate(
        'collectBundle',
        'collectBundle',
        (operationId) => xs4().setup.collectBundle({ operationId, path: p, createFolder }),
        (e) => {
          const missingFolder = missingFolderOf('collectPath', p, e);
          if (missingFolder !== null) set({ missingFolder, operation: null });
          return missingFolder !== null;
        },
      );
      if (out !== undefined) set({ collectedBundle: out.path, troubleshootChecks: out.checks, bundle: null });
    },

    async answerMissingFolder(create) {
      const asked = get().missingFolder;
      set({ missingFolder: null });
      if (asked === null || !create) return;
      if (asked.field === 'reportPath') await get().exportReport(asked.path, true);
      else await get().collectBundle(asked.path, true);
    },
  };
};
