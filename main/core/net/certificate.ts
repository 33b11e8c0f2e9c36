// What a technician needs to judge a certificate: names, issuer, validity, SHA-256 fingerprint.
import type { PeerCertificate } from 'node:tls';

// The shape and its schema live in the contract (the IPC contract and the page's type checks use them).
import type { CertificateInfo } from '../../../contract/certificate';
import { normaliseFingerprint } from '../../../contract/rules/fingerprint';

function dn(x: Record<string, string | string[] | undefined> | undefined): string {
  if (!x) return '';
  return Object.entries(x)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
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
