// The DPAPI cipher of the shared sign-in (Windows PowerShell's ProtectedData, current user): a real round trip on Windows
// (the Windows workflow runs this folder); elsewhere it must say it is unavailable, so nothing is saved unencrypted.
// In real pwsh with the one Windows-only call shadowed: tests/powershell/dpapi-cipher.test.ts.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { dpapiCipher } from '../../../main/core/windows/dpapi-cipher';
import { createEncryptedFileSecretStore } from '../../../main/core/secrets/encrypted-file-secret-store';

const onWindows = process.platform === 'win32';

describe('DPAPI cipher', () => {
  it('is unavailable off Windows, and the sign-in store then refuses to save', async () => {
    const cipher = dpapiCipher({ platform: 'linux' });
    expect(cipher.isAvailable()).toBe(false);
    const store = createEncryptedFileSecretStore({
      path: join(await mkdtemp(join(tmpdir(), 'xs4-dpapi-')), 'microsoft-sign-in.json'),
      cipher,
      names: z.literal('signIn'),
    });
    await expect(store.set('signIn', 'secret')).rejects.toMatchObject({
      code: 'SECRETS_ENCRYPTION_UNAVAILABLE',
    });
  });

  it.runIf(onWindows)(
    'encrypts for the current user and decrypts again; the file holds no plaintext',
    async () => {
      const cipher = dpapiCipher({ platform: 'win32' });
      const secret = 'CANARY-sign-in-cache-{"tokens":"ünïcode ✓"}';
      const sealed = await cipher.encrypt(secret);
      expect(sealed.toString('latin1')).not.toContain('CANARY');
      expect(await cipher.decrypt(sealed)).toBe(secret);
      const file = join(await mkdtemp(join(tmpdir(), 'xs4-dpapi-')), 'microsoft-sign-in.json');
      const store = createEncryptedFileSecretStore({ path: file, cipher, names: z.literal('signIn') });
      await store.set('signIn', secret);
      expect(await readFile(file, 'utf8')).not.toContain('CANARY');
      expect(await store.get('signIn')).toBe(secret);
    },
    60_000,
  );
});
