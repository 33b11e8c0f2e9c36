// The SettingsStore seam (non-secret settings only) and an in-memory implementation for tests and e2e.
import {
  defaultSettings,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../contract/app';

export type { Settings, SettingsPatch };

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Applies a validated partial update and returns the full settings as stored. */
  update(patch: SettingsPatch): Promise<Settings>;
}

/** Validates a patch against the whole schema: the merged result must still be valid settings. */
export function applyPatch(current: Settings, patch: SettingsPatch): Settings {
  return settingsSchema.parse({ ...current, ...settingsPatchSchema.parse(patch) });
}

export function createMemorySettingsStore(initial: Partial<Settings> = {}): SettingsStore {
  let current = settingsSchema.parse({ ...defaultSettings, ...initial });
  return {
    get: async () => structuredClone(current),
    update: async (patch) => {
      current = applyPatch(current, patch);
      return structuredClone(current);
    },
  };
}
