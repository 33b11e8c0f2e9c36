// What a technician needs to judge a certificate: names, issuer, validity, SHA-256 fingerprint, and what is wrong with it.
//
// A certificate is whatever the server chooses to send, so describing it never throws: a field that is missing, of the
// wrong type or malformed (OpenSSL prints an unreadable date as "Bad time value") is named in `problems`, and the
// connection code refuses such a certificate with a failure naming the field.
import { createHash } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';

// The shape and its schema live in the contract (the IPC contract and the page's type checks use them).
import type { CertificateInfo } from '../../../contract/certificate';
import { canonicalFingerprint, normaliseFingerprint } from '../../../contract/rules/fingerprint';

/** Text taken from a certificate is capped: a hostile server must not fill evidence, logs or the dialog. */
const MAX_FIELD_CHARS = 1000;

function text(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_FIELD_CHARS);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "CN=x, O=y" from Node's name object; a name that is not an object of strings is reported. */
function dn(v: unknown, field: string, problems: string[]): string {
  if (v === undefined || v === null) {
    problems.push(`${field}: missing`);
    return '';
  }
  if (!isRecord(v)) {
    problems.push(`${field}: not a name`);
    return '';
  }
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    const values = Array.isArray(x) ? x.map(text) : [text(x)];
    parts.push(`${text(k)}=${values.join('+')}`);
  }
  return parts.join(', ').slice(0, MAX_FIELD_CHARS);
}

/** An ISO date from Node's "Jan  1 00:00:00 2026 GMT"; otherwise the raw text, with the problem named. */
function date(v: unknown, field: string, problems: string[]): string {
  if (typeof v !== 'string' || v.trim() === '') {
    problems.push(`${field}: missing`);
    return '';
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) {
    problems.push(`${field}: "${text(v).slice(0, 100)}" is not a date`);
    return text(v).slice(0, 100);
  }
  return new Date(t).toISOString();
}

function fingerprint(peer: Record<string, unknown>, problems: string[]): string {
  const given = typeof peer.fingerprint256 === 'string' ? canonicalFingerprint(peer.fingerprint256) : null;
  if (given !== null) return given;
  // The fingerprint is the SHA-256 of the DER bytes; compute it when the field is absent or garbled.
  if (Buffer.isBuffer(peer.raw) && peer.raw.length > 0)
    return normaliseFingerprint(createHash('sha256').update(peer.raw).digest('hex'));
  problems.push('fingerprint256: missing');
  return '';
}

export function describeCertificate(peer: PeerCertificate | Record<string, unknown>): CertificateInfo {
  const p: Record<string, unknown> = isRecord(peer) ? peer : {};
  const problems: string[] = [];
  const subject = dn(p.subject, 'subject', problems);
  const issuer = dn(p.issuer, 'issuer', problems);
  const sans = text(p.subjectaltname)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .slice(0, 100);
  const validFrom = date(p.valid_from, 'valid_from', problems);
  const validTo = date(p.valid_to, 'valid_to', problems);
  return {
    subject,
    issuer,
    subjectAltNames: sans,
    validFrom,
    validTo,
    fingerprint256: fingerprint(p, problems),
    selfSigned: subject !== '' && subject === issuer,
    serialNumber: text(p.serialNumber).slice(0, 200),
    ...(problems.length > 0 ? { problems } : {}),
  };
}

/**
 * The certificate as judged for `host`, the name this computer connected to: whether its names cover it is TLS's own
 * check (subject alternative names, else the common name; IP addresses against IP entries). Chain trust is judged
 * apart, so a self-signed certificate for another server is still said to be for another server.
 */
export function describeCertificateFor(
  peer: PeerCertificate | Record<string, unknown>,
  host: string,
): CertificateInfo {
  const info = describeCertificate(peer);
  let namesMatch: boolean;
  try {
    namesMatch = checkServerIdentity(host, peer as PeerCertificate) === undefined;
  } catch {
    // A certificate whose names cannot be read does not cover the name.
    namesMatch = false;
  }
  return { ...info, host, namesMatch };
}
