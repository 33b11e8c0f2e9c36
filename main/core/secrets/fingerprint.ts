// The only forms in which a secret may be shown, logged, recorded or compared: the first 8 hex digits of its SHA-256,
// bare as XS4 Face reports keys, or labelled in everything this app writes. The formats: contract/rules/secret-fingerprint.ts.
import { createHash } from 'node:crypto';
import { labelled } from '../../../contract/rules/secret-fingerprint';

/** "ba7816bf": how XS4 Face reports a key, so a key sent can be compared with what the server kept. */
export function faceKeyFingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8);
}

/** "sha256:ba7816bf": the labelled form used in records, evidence, reports and CLI output. */
export function secretFingerprint(secret: string): string {
  return labelled(faceKeyFingerprint(secret));
}
