// Encrypted-file SecretStore: only ciphertext on disk, atomic writes, refusal without encryption.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createEncryptedFileSecretStore } from '../../../main/core/secrets/encrypted-file-secret-store';
import type { Cipher } from '../../../main/core/secrets/secret-store';
import { nodeFileOps, type FileOps } from '../../../main/core/fs/atomic-write';
import { AppError } from '../../../main/core/errors';

/** A real AES-256-GCM cipher standing in for safeStorage/DPAPI (which needs Windows or a keyring). */
function aesCipher(available = true): Cipher {
  const key = randomBytes(32);
  return {
    isAvailable: () => available,
    encrypt(s) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(s, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(b) {
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** The same cipher answering later, as DPAPI through PowerShell does; counts its calls. */
function asyncCipher(inner = aesCipher()) {
  const calls = { encrypt: 0, decrypt: 0 };
  const later = () => new Promise((r) => setTimeout(r, 5));
  const cipher: Cipher = {
    isAvailable: () => true,
    encrypt: async (s) => {
      calls.encrypt += 1;
      await later();
      return inner.encrypt(s);
    },
    decrypt: async (b) => {
      calls.decrypt += 1;
      await later();
      return inner.decrypt(b);
    },
  };
  return { cipher, calls };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xs4-secrets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('encrypted-file secret store', () => {
  it('stores only ciphertext: the plaintext is nowhere in the file', async () => {
    const path = join(dir, 'secrets.json');
    const store = createEncryptedFileSecretStore({ path, cipher: aesCipher() });
    const plaintext = 'SHIP-KEY-plain-0123456789';
    await store.set('shipApiKey', plaintext);
    const raw = await readFile(path);
    expect(raw.toString('utf8')).not.toContain(plaintext);
    expect(raw.includes(Buffer.from(plaintext, 'utf8'))).toBe(false);
    expect(raw.toString('utf8')).not.toContain(Buffer.from(plaintext).toString('base64'));
    const json = JSON.parse(raw.toString('utf8'));
    expect(json.version).toBe(1);
    expect(Object.keys(json.secrets)).toEqual(['shipApiKey']);
    expect(await store.get('shipApiKey')).toBe(plaintext);
    expect(await store.has('shipApiKey')).toBe(true);
    expect(await store.has('faceToken')).toBe(false);
  });

  it('keeps the origin a token was entered for beside its ciphertext (a new set replaces it; older files have none)', async () => {
    const path = join(dir, 'secrets.json');
    const store = createEncryptedFileSecretStore({ path, cipher: aesCipher() });
    await store.set('faceToken', 'tok-for-a-0001', 'https://a.example:443');
    expect(await store.boundTo('faceToken')).toBe('https://a.example:443');
    const reopened = createEncryptedFileSecretStore({ path, cipher: aesCipher() });
    expect(await reopened.boundTo('faceToken')).toBe('https://a.example:443');
    await reopened.set('faceToken', 'tok-unbound-0002');
    expect(await reopened.boundTo('faceToken')).toBeNull();
    await reopened.set('faceToken', 'tok-for-b-0003', 'https://b.example:443');
    await reopened.delete('faceToken');
    expect(await reopened.boundTo('faceToken')).toBeNull();
    expect(await readFile(path, 'utf8')).not.toContain('tok-');
    // A file written before origins were kept reads as "no origin".
    const legacy = join(dir, 'legacy.json');
    const old = createEncryptedFileSecretStore({ path: legacy, cipher: aesCipher() });
    await old.set('shipApiKey', 'k-0000');
    const json = JSON.parse(await readFile(legacy, 'utf8'));
    delete json.boundTo;
    await writeFile(legacy, JSON.stringify(json));
    expect(
      await createEncryptedFileSecretStore({ path: legacy, cipher: aesCipher() }).boundTo('shipApiKey'),
    ).toBeNull();
  });

  it('registers every value it sets or reads (for log redaction)', async () => {
    const seen: string[] = [];
    const cipher = aesCipher();
    const path = join(dir, 's.json');
    await createEncryptedFileSecretStore({ path, cipher, onSecretSeen: (v) => seen.push(v) }).set(
      'faceToken',
      'tok-1111',
    );
    const second = createEncryptedFileSecretStore({ path, cipher, onSecretSeen: (v) => seen.push(v) });
    expect(await second.get('faceToken')).toBe('tok-1111');
    expect(seen).toEqual(['tok-1111', 'tok-1111']);
  });

  it('writes atomically: temp file then rename, and a failed rename leaves the old file intact', async () => {
    const path = join(dir, 'secrets.json');
    const calls: string[] = [];
    let failRename = false;
    const fs: FileOps = {
      ...nodeFileOps,
      writeFile: async (p, d, o) => {
        calls.push(`write ${p === path ? 'target' : 'temp'}`);
        return nodeFileOps.writeFile(p, d, o);
      },
      rename: async (a, b) => {
        calls.push(`rename ${a === path ? 'target' : 'temp'} -> ${b === path ? 'target' : 'other'}`);
        if (failRename) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        return nodeFileOps.rename(a, b);
      },
    };
    const store = createEncryptedFileSecretStore({ path, cipher: aesCipher(), fs });
    await store.set('faceAuthKey', 'auth-key-aaaa');
    expect(calls).toEqual(['write temp', 'rename temp -> target']);
    const before = await readFile(path, 'utf8');
    failRename = true;
    await expect(store.set('faceAuthKey', 'auth-key-bbbb')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await store.get('faceAuthKey')).toBe('auth-key-aaaa');
    // No temp file is left behind.
    expect(await readdir(dir)).toEqual(['secrets.json']);
  });

  it('refuses to store when encryption is unavailable, and writes nothing', async () => {
    const path = join(dir, 'secrets.json');
    const store = createEncryptedFileSecretStore({ path, cipher: aesCipher(false) });
    await expect(store.set('shipApiKey', 'would-be-plaintext')).rejects.toMatchObject({
      code: 'SECRETS_ENCRYPTION_UNAVAILABLE',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('deletes a secret', async () => {
    const store = createEncryptedFileSecretStore({ path: join(dir, 's.json'), cipher: aesCipher() });
    await store.set('faceToken', 'tok-2222');
    await store.delete('faceToken');
    expect(await store.has('faceToken')).toBe(false);
    expect(await store.get('faceToken')).toBeNull();
  });

  it('reports a damaged file and does not overwrite it', async () => {
    const path = join(dir, 'secrets.json');
    await writeFile(path, '{"version":1,"secrets":{"shipApiKey":"not base64 !!"}}');
    const store = createEncryptedFileSecretStore({ path, cipher: aesCipher() });
    await expect(store.has('shipApiKey')).rejects.toMatchObject({
      code: 'SECRETS_CORRUPT',
      detail: { path },
    });
    await expect(store.set('faceToken', 'tok-3333')).rejects.toMatchObject({ code: 'SECRETS_CORRUPT' });
    expect(await readFile(path, 'utf8')).toContain('not base64');
  });

  it('says when a stored secret cannot be decrypted (another user or machine)', async () => {
    const path = join(dir, 'secrets.json');
    await createEncryptedFileSecretStore({ path, cipher: aesCipher() }).set('shipApiKey', 'k-5555');
    const other = createEncryptedFileSecretStore({ path, cipher: aesCipher() });
    const err = await other.get('shipApiKey').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SECRET_UNDECRYPTABLE' });
    expect(String((err as Error).message)).not.toContain('k-5555');
  });

  it('serialises concurrent sets so none is lost', async () => {
    const store = createEncryptedFileSecretStore({ path: join(dir, 's.json'), cipher: aesCipher() });
    await Promise.all([
      store.set('shipApiKey', 'a-1111'),
      store.set('faceToken', 'b-2222'),
      store.set('faceAuthKey', 'c-3333'),
    ]);
    expect([
      await store.get('shipApiKey'),
      await store.get('faceToken'),
      await store.get('faceAuthKey'),
    ]).toEqual(['a-1111', 'b-2222', 'c-3333']);
  });

  it('takes an asynchronous cipher (DPAPI through PowerShell) as it takes safeStorage', async () => {
    const path = join(dir, 'sign-in.json');
    const { cipher } = asyncCipher();
    const store = createEncryptedFileSecretStore({ path, cipher });
    await store.set('faceToken', 'tok-async-7777', 'https://a.example:443');
    const raw = await readFile(path, 'utf8');
    expect(raw).not.toContain('tok-async-7777');
    expect(raw).not.toContain('object Promise');
    expect(await createEncryptedFileSecretStore({ path, cipher }).get('faceToken')).toBe('tok-async-7777');
  });

  it('decrypts an unchanged secret once, not on every read; a changed file is decrypted again', async () => {
    const path = join(dir, 's.json');
    const { cipher, calls } = asyncCipher();
    const seen: string[] = [];
    const store = createEncryptedFileSecretStore({ path, cipher, onSecretSeen: (v) => seen.push(v) });
    await store.set('faceToken', 'tok-8888');
    expect(await store.get('faceToken')).toBe('tok-8888');
    expect(await store.get('faceToken')).toBe('tok-8888');
    expect(calls.decrypt).toBe(1);
    // Every value read is still shown to the redactor.
    expect(seen).toEqual(['tok-8888', 'tok-8888', 'tok-8888']);
    // Another program (another store on the same file) replaces it: read again, decrypted again.
    await createEncryptedFileSecretStore({ path, cipher }).set('faceToken', 'tok-9999');
    expect(await store.get('faceToken')).toBe('tok-9999');
    expect(calls.decrypt).toBe(2);
    await createEncryptedFileSecretStore({ path, cipher }).delete('faceToken');
    expect(await store.get('faceToken')).toBeNull();
  });

  it('a failure the cipher explains (its own code) passes through; any other is SECRET_UNDECRYPTABLE', async () => {
    const path = join(dir, 's.json');
    await createEncryptedFileSecretStore({ path, cipher: aesCipher() }).set('faceToken', 'tok-4444');
    const failing = (e: Error): Cipher => ({
      isAvailable: () => true,
      encrypt: () => Promise.reject(e),
      decrypt: () => Promise.reject(e),
    });
    const slow = new AppError('SECRETS_DPAPI_FAILED', { variant: 'timeout', params: { seconds: 30 } });
    await expect(
      createEncryptedFileSecretStore({ path, cipher: failing(slow) }).get('faceToken'),
    ).rejects.toBe(slow);
    await expect(
      createEncryptedFileSecretStore({ path, cipher: failing(new Error('wrong user')) }).get('faceToken'),
    ).rejects.toMatchObject({ code: 'SECRET_UNDECRYPTABLE' });
  });
});
