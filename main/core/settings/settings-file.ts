// Reading the settings file safely: a damaged or unreadable file is backed up and reported, never silently reset.
import { basename, dirname, join } from 'node:path';
import { text, type Text } from '../../../contract/text';
import { AppError, toErrorInfo, type ErrorInfo } from '../errors';
import { ioCode, isNotFound, nodeFileOps, writeFileAtomic, type FileOps } from '../fs/atomic-write';
import { defaultSettings, settingsSchema, type Settings } from '../../../contract/app';
import { applyPatch, type SettingsStore } from './settings-store';

export interface LoadedSettings {
  settings: Settings;
  /** SETTINGS_CORRUPT (with detail.backupPath) when the file was damaged and set aside. */
  problem: ErrorInfo | null;
}

export interface SettingsFileOptions {
  fs?: FileOps;
  now?: () => Date;
}

function backupName(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return join(dirname(path), `${basename(path, '.json')}.corrupt-${stamp}.json`);
}

/**
 * Loads settings from `path`. Missing file → defaults. Damaged (not JSON, wrong shape) or unreadable →
 * the file is copied to a `.corrupt-<time>.json` backup and the original removed, defaults are used,
 * and `problem` says so (the UI shows it). Keys added in newer versions are filled from the defaults.
 */
export async function loadSettingsFile(
  path: string,
  options: SettingsFileOptions = {},
): Promise<LoadedSettings> {
  const fs = options.fs ?? nodeFileOps;
  const now = options.now ?? (() => new Date());
  let content: string;
  try {
    content = await fs.readFile(path, 'utf8');
  } catch (e) {
    if (isNotFound(e)) return { settings: structuredClone(defaultSettings), problem: null };
    return setAside(path, fs, now(), text('settings.damage.unreadable', { code: ioCode(e) }));
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return setAside(path, fs, now(), text('settings.damage.notJson'));
  }
  const parsed =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? settingsSchema.safeParse({ ...defaultSettings, ...json })
      : null;
  if (parsed === null || !parsed.success) {
    const first = parsed?.error.issues[0];
    const setting = first?.path[0];
    return setAside(
      path,
      fs,
      now(),
      setting === undefined
        ? text('settings.damage.notObject')
        : text('settings.damage.field', { setting: settingName(String(setting)) }),
    );
  }
  return { settings: parsed.data, problem: null };
}

/** The settings as people know them (the file's own name for one this version does not know). */
const SETTING_NAMES: Record<string, Text> = {
  language: text('settings.name.language'),
  faceServerUrl: text('settings.name.faceServerUrl'),
  pinnedFingerprints: text('settings.name.pinnedFingerprints'),
  lastWizardStep: text('settings.name.lastWizardStep'),
  spaceShipPort: text('settings.name.spaceShipPort'),
};

function settingName(key: string): Text | string {
  return Object.hasOwn(SETTING_NAMES, key) ? SETTING_NAMES[key]! : key;
}

async function setAside(path: string, fs: FileOps, now: Date, why: Text): Promise<LoadedSettings> {
  const backupPath = backupName(path, now);
  try {
    await fs.copyFile(path, backupPath);
  } catch (e) {
    // Without a backup we must not drop the file: refuse to start over it.
    throw new AppError('SETTINGS_UNRECOVERABLE', { params: { why, file: path }, detail: { path }, cause: e });
  }
  await fs.rm(path, { force: true });
  const problem = new AppError('SETTINGS_CORRUPT', {
    params: { why, backup: backupPath },
    detail: { path, backupPath },
  });
  return { settings: structuredClone(defaultSettings), problem: toErrorInfo(problem) };
}

/** A file-backed SettingsStore with atomic writes (CLI, tests). The app uses electron-store (main/settings.ts). */
export async function openFileSettingsStore(
  path: string,
  options: SettingsFileOptions = {},
): Promise<SettingsStore & { problem: ErrorInfo | null }> {
  const fs = options.fs ?? nodeFileOps;
  const loaded = await loadSettingsFile(path, options);
  let current = loaded.settings;
  return {
    problem: loaded.problem,
    get: async () => structuredClone(current),
    update: async (patch) => {
      const next = applyPatch(current, patch);
      await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`, fs, 0o644);
      current = next;
      return structuredClone(current);
    },
  };
}
