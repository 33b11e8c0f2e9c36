// The SecretStore seam: named secrets (SHIP API key, XS4 Face token, authentication key), never in plaintext on disk.
import type { SecretName } from '../../../preload/api';

export type { SecretName };

export interface SecretStore {
  has(name: SecretName): Promise<boolean>;
  /** The plaintext, or null when not set. Every value read is registered with the log redactor. */
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

/** Encryption supplied by the platform: Electron safeStorage (DPAPI on Windows) in the app. */
export interface Cipher {
  isAvailable(): boolean;
  encrypt(plaintext: string): Buffer;
  decrypt(ciphertext: Buffer): string;
}
