// The only form in which a secret may be shown, logged or compared in reports: the first 8 hex of its SHA-256.
import { createHash } from 'node:crypto';

export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8);
}
