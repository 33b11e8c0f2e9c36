// What a technician needs to judge a certificate: names, issuer, validity, SHA-256 fingerprint.
import type { PeerCertificate } from 'node:tls';
import { z } from 'zod';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string; // ISO 8601
  validTo: string; // ISO 8601
  /** Upper-case hex pairs joined by colons, as Windows and browsers show it. */
  fingerprint256: string;
  selfSigned: boolean;
  serialNumber: string;
}

/** The same shape as data read back from evidence, bundles or IPC (a trust boundary). */
export const CertificateInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  subjectAltNames: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  fingerprint256: z.string(),
  selfSigned: z.boolean(),
  serialNumber: z.string(),
});

function dn(x: Record<string, string | string[] | undefined> | undefined): string {
  if (!x) return '';
  return Object.entries(x)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

export function normaliseFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return (hex.match(/.{2}/g) ?? []).join(':');
}

export function describeCertificate(peer: PeerCertificate): CertificateInfo {
  const subject = dn(peer.subject as unknown as Record<string, string>);
  const issuer = dn(peer.issuer as unknown as Record<string, string>);
  const sans = (peer.subjectaltname ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return {
    subject,
    issuer,
    subjectAltNames: sans,
    validFrom: new Date(peer.valid_from).toISOString(),
    validTo: new Date(peer.valid_to).toISOString(),
    fingerprint256: normaliseFingerprint(peer.fingerprint256),
    selfSigned: subject === issuer,
    serialNumber: peer.serialNumber,
  };
}
