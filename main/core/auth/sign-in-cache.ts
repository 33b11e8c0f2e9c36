// The saved sign-in: MSAL's token cache and what the tokens are bound to (region, XS4 Face origin), as one secret.
//
// It is kept through a SecretStore (DPAPI on Windows, shared by the app and the CLI; safeStorage in the app elsewhere):
// never plain text on disk.
import { z } from 'zod';
import { isAppError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import { authError, type SignInSurface } from './auth-errors';

/** The one name the sign-in store holds. */
export const SIGN_IN_SECRET = 'signIn';
export type SignInSecretName = typeof SIGN_IN_SECRET;

export const SignInBindingSchema = z.object({
  regionId: z.string().min(1).max(32),
  /** scheme://host:port of the XS4 Face server (or Console API) the tokens may be sent to. */
  origin: z.string().min(1).max(2048),
  /** The account shown to the technician (preferred_username). */
  username: z.string().max(256),
  signedInAt: z.string().max(64),
});
export type SignInBinding = z.infer<typeof SignInBindingSchema>;

const SignInRecordSchema = z.object({
  version: z.literal(1),
  binding: SignInBindingSchema.nullable(),
  /** MSAL's serialized token cache (JSON text). */
  msal: z.string().max(1024 * 1024),
});
export type SignInRecord = z.infer<typeof SignInRecordSchema>;

export interface SignInCache {
  read(): Promise<SignInRecord>;
  write(record: SignInRecord): Promise<void>;
  clear(): Promise<void>;
}

const EMPTY: SignInRecord = { version: 1, binding: null, msal: '' };

/** The record as the cache keeps it (the form written, and compared after a migration's read-back). */
export function parseSignInRecord(record: SignInRecord): SignInRecord {
  return SignInRecordSchema.parse(record);
}

/**
 * Failures of the encryption itself (PowerShell did not start or timed out; no encryption for this user) keep their own
 * code and advice, since signing in again would not help there.
 */
const OWN_REMEDY = new Set(['SECRETS_DPAPI_FAILED', 'SECRETS_ENCRYPTION_UNAVAILABLE']);

/**
 * The record over a SecretStore; an unreadable record is reported (AUTH_CACHE_UNREADABLE, with the remedy of whoever
 * reads it: `surface`), never silently dropped.
 */
export function secretSignInCache(store: SecretStore<SignInSecretName>, surface: SignInSurface): SignInCache {
  return {
    async read() {
      let text: string | null;
      try {
        text = await store.get(SIGN_IN_SECRET);
      } catch (e) {
        if (isAppError(e) && OWN_REMEDY.has(e.code)) throw e;
        throw authError.cacheUnreadable(e, surface);
      }
      if (text === null) return structuredClone(EMPTY);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw authError.cacheUnreadable(e, surface);
      }
      const r = SignInRecordSchema.safeParse(json);
      if (!r.success) throw authError.cacheUnreadable(r.error, surface);
      return r.data;
    },
    write: (record) => store.set(SIGN_IN_SECRET, JSON.stringify(SignInRecordSchema.parse(record))),
    clear: () => store.delete(SIGN_IN_SECRET),
  };
}
