// Non-secret settings in the app: electron-store with a JSON schema derived from the zod schema in the contract.
// A damaged file is backed up and reported first (core/settings/settings-file.ts), never silently reset.
import Store from 'electron-store';
import { z } from 'zod';
import { defaultSettings, settingsSchema, type Settings } from '../contract/app';
import type { ErrorInfo } from './core/errors';
import { loadSettingsFile } from './core/settings/settings-file';
import { applyPatch, type SettingsStore } from './core/settings/settings-store';
import { join } from 'node:path';

const STORE_NAME = 'settings';

/** electron-store takes the JSON schema of each property. */
function propertySchemas(): Record<string, unknown> {
  const json = z.toJSONSchema(settingsSchema, { target: 'draft-7' }) as {
    properties?: Record<string, unknown>;
  };
  return json.properties ?? {};
}

export async function openElectronSettingsStore(
  userDataDir: string,
): Promise<{ store: SettingsStore; problem: ErrorInfo | null }> {
  // Checked (and a damaged file set aside) before electron-store opens it, so the store never throws at start.
  const { problem } = await loadSettingsFile(join(userDataDir, `${STORE_NAME}.json`));
  const store = new Store<Settings>({
    name: STORE_NAME,
    cwd: userDataDir,
    defaults: defaultSettings,
    schema: propertySchemas() as never,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
  });
  return {
    problem,
    store: {
      get: async () => settingsSchema.parse({ ...defaultSettings, ...store.store }),
      update: async (patch) => {
        const next = applyPatch(settingsSchema.parse({ ...defaultSettings, ...store.store }), patch);
        store.store = next;
        return next;
      },
    },
  };
}
