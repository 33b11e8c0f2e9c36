// main/settings.ts: electron-store with the zod-derived schema; a damaged file is backed up and reported first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openElectronSettingsStore } from '../../main/settings';
import { defaultSettings } from '../../contract/app';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xs4-estore-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('electron-store settings', () => {
  it('starts with defaults and persists validated updates', async () => {
    const { store, problem } = await openElectronSettingsStore(dir);
    expect(problem).toBeNull();
    expect(await store.get()).toEqual(defaultSettings);
    await store.update({ language: 'es', pinnedFingerprints: { 'face.local:8100': 'AB'.repeat(32) } });
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(onDisk).toMatchObject({
      language: 'es',
      pinnedFingerprints: { 'face.local:8100': 'AB'.repeat(32) },
    });
    const reopened = await openElectronSettingsStore(dir);
    expect((await reopened.store.get()).language).toBe('es');
    await expect(store.update({ language: 'xx' as 'es' })).rejects.toThrow();
  });

  it('a damaged file is backed up and reported, then the store opens with defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{ "language": "es", ');
    const { store, problem } = await openElectronSettingsStore(dir);
    expect(problem).toMatchObject({
      code: 'SETTINGS_CORRUPT',
      detail: { backupPath: expect.stringContaining('settings.corrupt-') },
    });
    expect(await readFile(problem!.detail!.backupPath as string, 'utf8')).toBe('{ "language": "es", ');
    expect(await store.get()).toEqual(defaultSettings);
    expect((await readdir(dir)).some((f) => f.startsWith('settings.corrupt-'))).toBe(true);
  });

  it('a file valid JSON but against the schema is treated the same way', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ language: 'klingon' }));
    const { problem } = await openElectronSettingsStore(dir);
    expect(problem).toMatchObject({ code: 'SETTINGS_CORRUPT' });
  });
});
