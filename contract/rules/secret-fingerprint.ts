// The two forms in which a secret may be shown, each with its own name: both are the first 8 hex digits of its SHA-256.
// Computing the hash needs Node (main/core/secrets/fingerprint.ts); the forms and their checks live here for every layer.

/** How XS4 Face (and this app when comparing with it) reports a key: 8 lower-case hex digits, e.g. "ba7816bf". */
export const FACE_KEY_FINGERPRINT = /^[0-9a-f]{8}$/;

/** The labelled form in records, evidence, reports and CLI output: "sha256:ba7816bf". */
export const SECRET_FINGERPRINT = /^sha256:[0-9a-f]{8}$/;

/** The labelled form of an 8-hex-digit fingerprint. */
export function labelled(hex8: string): string {
  return `sha256:${hex8}`;
}
