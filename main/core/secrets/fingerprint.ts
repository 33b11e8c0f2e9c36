// The only forms in which a secret may be shown, logged, recorded or compared: derived from the first 8 hex of its SHA-256.
import { createHash } from 'node:crypto';

/** First 8 hex of SHA-256: enough to tell two keys apart (and to compare with XS4 Face's), useless to recover one. */
export function secretHex8(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8);
}

/** "sha256:" + secretHex8: the labelled form used in records, evidence and reports. */
export function labelledFingerprint(secret: string): string {
  return `sha256:${secretHex8(secret)}`;
}
