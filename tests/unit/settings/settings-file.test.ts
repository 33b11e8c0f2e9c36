// Settings file: a damaged file is backed up and reported (SETTINGS_CORRUPT with the backup path), never silently reset.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadSettingsFile, openFileSettingsStore } from '../../../main/core/settings/settings-file';
import { createMemorySettingsStore } from '../../../main/core/settings/settings-store';
import { defaultSettings } from '../../../contract/app';

let dir: string;
const now = () => new Date('2026-03-04T05:06:07.089Z');
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xs4-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('settings file', () => {
  it('missing file → defaults, no problem', async () => {
    expect(await loadSettingsFile(join(dir, 'settings.json'))).toEqual({
      settings: defaultSettings,
      problem: null,
    });
  });

  it('fills keys added later from the defaults', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify({ language: 'es' }));
    expect((await loadSettingsFile(path)).settings).toEqual({ ...defaultSettings, language: 'es' });
  });

  it.each([
    ['not JSON', '{"language": "es",', /not valid JSON/],
    ['wrong shape', JSON.stringify({ language: 'klingon' }), /language/],
    ['not an object', '[1,2,3]', /not a settings object/],
  ])('%s → backed up and reported as SETTINGS_CORRUPT', async (_label, content, why) => {
    const path = join(dir, 'settings.json');
    await writeFile(path, content);
    const { settings, problem } = await loadSettingsFile(path, { now });
    expect(settings).toEqual(defaultSettings);
    expect(problem).toMatchObject({
      code: 'SETTINGS_CORRUPT',
      detail: { path, backupPath: join(dir, 'settings.corrupt-2026-03-04T05-06-07-089Z.json') },
    });
    expect(problem!.message).toMatch(why);
    // The old content is kept byte for byte in the backup.
    expect(await readFile(problem!.detail!.backupPath as string, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['settings.corrupt-2026-03-04T05-06-07-089Z.json']);
  });

  it('refuses to start over a damaged file it cannot back up', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, 'garbage');
    const fs = (await import('../../../main/core/fs/atomic-write')).nodeFileOps;
    const failing = {
      ...fs,
      copyFile: async () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
    };
    await expect(loadSettingsFile(path, { fs: failing, now })).rejects.toMatchObject({
      code: 'SETTINGS_UNRECOVERABLE',
    });
    expect(await readFile(path, 'utf8')).toBe('garbage');
  });

  it('file store: updates are validated, written atomically and survive a reopen', async () => {
    const path = join(dir, 'settings.json');
    const store = await openFileSettingsStore(path);
    expect(store.problem).toBeNull();
    await store.update({ language: 'es', faceServerUrl: 'https://face.example:8100/' });
    await expect(store.update({ language: 'xx' as 'es' })).rejects.toThrow();
    const again = await openFileSettingsStore(path);
    expect(await again.get()).toMatchObject({ language: 'es', faceServerUrl: 'https://face.example:8100/' });
  });

  it('memory store refuses unknown keys and bad values', async () => {
    const store = createMemorySettingsStore();
    await expect(store.update({ nope: 1 } as never)).rejects.toThrow();
    await expect(store.update({ faceServerUrl: 'ftp://x' })).rejects.toThrow();
    await expect(
      store.update({ pinnedFingerprints: { 'face:8100': 'ab'.repeat(32) } }),
    ).resolves.toMatchObject({ pinnedFingerprints: { 'face:8100': 'ab'.repeat(32) } });
  });
});
