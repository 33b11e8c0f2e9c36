// The SecretStore seam: named secrets (SHIP API key, XS4 Face token, authentication key), never in plaintext on disk.
import { z } from 'zod';

/** The secrets the core keeps; they reach the page only through the explicit reveal and copy channels. */
export const secretNameSchema = z.enum(['shipApiKey', 'faceToken', 'faceAuthKey']);
export type SecretName = z.infer<typeof secretNameSchema>;

/** `N` is the app's secret names by default; the sign-in cache keeps its own name in its own file. */
export interface SecretStore<N extends string = SecretName> {
  has(name: N): Promise<boolean>;
  /** The plaintext, or null when not set. Every value read is registered with the log redactor. */
  get(name: N): Promise<string | null>;
  /**
   * Stores a value. `boundTo` is where it may be sent (the XS4 Face token: the origin it was entered for); it is kept
   * beside the ciphertext, in clear (it is not secret), and replaced or cleared with every set.
   */
  set(name: N, value: string, boundTo?: string): Promise<void>;
  /** The origin the value was stored for, or null (none given, or stored by a version that did not record it). */
  boundTo(name: N): Promise<string | null>;
  delete(name: N): Promise<void>;
}

/**
 * Encryption supplied by the platform: Electron safeStorage in the app (synchronous, in-process), Windows DPAPI through
 * Windows PowerShell for the sign-in the app and the CLI share (asynchronous: a process is started, and the caller's
 * event loop must keep running meanwhile). The store awaits either.
 */
export interface Cipher {
  isAvailable(): boolean;
  encrypt(plaintext: string): Buffer | Promise<Buffer>;
  /**
   * The plaintext. A failure the cipher explains itself (an AppError: PowerShell did not start, timed out) keeps its
   * code; any other failure means this ciphertext cannot be decrypted here (another user, another computer, damaged).
   */
  decrypt(ciphertext: Buffer): string | Promise<string>;
}
