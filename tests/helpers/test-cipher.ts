// A real cipher (AES-256-GCM) standing in for DPAPI, which exists only on Windows: the one seam of the CLI's sign-in store.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher } from '../../main/core/secrets/secret-store';

export function testCipher(keyHex: string): Cipher {
  const key = Buffer.from(keyHex, 'hex');
  if (key.length !== 32) throw new Error('test cipher key must be 64 hex digits');
  return {
    isAvailable: () => true,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}
