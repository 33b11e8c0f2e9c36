// Secret fingerprints and redaction: every secret known to a run is replaced before anything leaves memory.
import { labelledFingerprint } from '../secrets/fingerprint';
import type { CheckInputs } from '../checks/types';

/** "sha256:" + the first 8 hex digits of SHA-256: enough to tell two keys apart, useless to recover one. */
export function secretFingerprint(secret: string): string {
  return labelledFingerprint(secret);
}

/** What a secret looks like once redacted (the fingerprint lets support compare keys without seeing them). */
export function redactionMark(secret: string): string {
  return `[redacted ${secretFingerprint(secret)}]`;
}

/** The secret values among a run's inputs. */
export function secretsOf(inputs: CheckInputs): string[] {
  return [inputs.shipKey, inputs.faceToken].filter((s): s is string => typeof s === 'string' && s.length > 0);
}

// Very short "secrets" would shred ordinary text; such values are refused as keys elsewhere.
const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of every secret in a string (longest first, so a secret containing another is caught whole). */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  const sorted = [...new Set(secrets)]
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const s of sorted) out = out.split(s).join(redactionMark(s));
  return out;
}

/** Deep copy of a JSON-like value with secrets replaced in every string, keys included. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [redactText(k, secrets), walk(x)]),
      );
    }
    return v;
  };
  return walk(value) as T;
}
