// The one SHA-256 certificate fingerprint rule: 64 hex digits, colons optional; stored as upper-case pairs joined by colons.
// Zod-free and Node-free: the contract's schemas, the core and the page all use it.

/** What a technician may type or a profile may hold: 32 hex pairs, each optionally followed by a colon. */
export const SHA256_FINGERPRINT = /^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/;

/** The rule as the error message names it. */
export const SHA256_FINGERPRINT_RULE = 'must be a SHA-256 fingerprint (64 hex digits, colons optional)';

/** A file's SHA-256 digest as 64 hex digits (the install script's hash). */
export const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** Upper-case hex pairs joined by colons, as Windows and browsers show a fingerprint; anything not hex is dropped. */
export function normaliseFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return (hex.match(/.{2}/g) ?? []).join(':');
}

/** The fingerprint in its stored form (upper-case pairs joined by colons), or null when it is not 32 hex pairs. */
export function canonicalFingerprint(fp: string): string | null {
  const normalised = normaliseFingerprint(fp);
  return SHA256_FINGERPRINT.test(normalised) ? normalised : null;
}

/** True for a SHA-256 fingerprint in any accepted spelling (surrounding spaces ignored). */
export function isSha256Fingerprint(fp: string): boolean {
  return SHA256_FINGERPRINT.test(fp.trim());
}
