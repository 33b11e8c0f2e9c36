// Reading the settings file safely: a damaged or unreadable file is backed up and reported, never silently reset.
import { basename, dirname, join } from 'node:path';
import { AppError, toErrorInfo, type ErrorInfo } from '../errors';
import { isNotFound, nodeFileOps, writeFileAtomic, type FileOps } from '../fs/atomic-write';
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
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    if (isNotFound(e)) return { settings: structuredClone(defaultSettings), problem: null };
    return setAside(path, fs, now(), `it could not be read (${(e as { code?: string }).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return setAside(path, fs, now(), 'it is not valid JSON');
  }
  const parsed =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? settingsSchema.safeParse({ ...defaultSettings, ...json })
      : null;
  if (parsed === null || !parsed.success) {
    const first = parsed?.error.issues[0];
    return setAside(
      path,
      fs,
      now(),
      first === undefined
        ? 'it is not a settings object'
        : `${first.path.join('.') || 'settings'} ${first.message}`,
    );
  }
  return { settings: parsed.data, problem: null };
}

async function setAside(path: string, fs: FileOps, now: Date, why: string): Promise<LoadedSettings> {
  const backupPath = backupName(path, now);
  try {
    await fs.copyFile(path, backupPath);
  } catch (e) {
    // Without a backup we must not drop the file: refuse to start over it.
    throw new AppError(
      'SETTINGS_UNRECOVERABLE',
      `The settings file is damaged (${why}) and could not be backed up.`,
      'Move the settings file named in the details somewhere safe, then start the app again.',
      { path },
      e,
    );
  }
  await fs.rm(path, { force: true });
  const problem = new AppError(
    'SETTINGS_CORRUPT',
    `The settings file was damaged (${why}). It was saved as a backup and default settings are in use.`,
    'Enter your settings again; the backup file named in the details holds the old content.',
    { path, backupPath },
  );
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
