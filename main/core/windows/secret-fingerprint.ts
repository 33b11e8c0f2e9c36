// The only form in which a secret may appear in records, logs and reports.
import { createHash } from 'node:crypto';

export function secretFingerprint(secret: string): string {
  return `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8)}`;
}
