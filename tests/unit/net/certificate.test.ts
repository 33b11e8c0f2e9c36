// describeCertificate never throws: any field of a peer certificate may be missing, of the wrong type or malformed,
// and each such field is named in `problems` (a certificate is what a hostile server chooses to send).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeCertificate, describeCertificateFor } from '../../../main/core/net/certificate';
import { CertificateInfoSchema } from '../../../contract/certificate';

const good = {
  subject: { CN: 'space.local', O: 'Hotel' },
  issuer: { CN: 'Hotel CA' },
  subjectaltname: 'DNS:space.local, IP Address:10.0.0.5',
  valid_from: 'Jan  1 00:00:00 2026 GMT',
  valid_to: 'Jan  1 00:00:00 2027 GMT',
  fingerprint256: 'ab:cd:'.repeat(15) + 'ab:cd',
  serialNumber: '1A2B',
};

describe('describeCertificate', () => {
  it('describes a well-formed certificate without problems', () => {
    const c = describeCertificate(good as never);
    expect(c).toMatchObject({
      subject: 'CN=space.local, O=Hotel',
      issuer: 'CN=Hotel CA',
      subjectAltNames: ['DNS:space.local', 'IP Address:10.0.0.5'],
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2027-01-01T00:00:00.000Z',
      serialNumber: '1A2B',
      selfSigned: false,
    });
    expect(c.fingerprint256).toBe('AB:CD:'.repeat(15) + 'AB:CD');
    expect(c.problems ?? []).toEqual([]);
  });

  it('names a malformed date instead of throwing ("Bad time value" as OpenSSL prints it)', () => {
    const c = describeCertificate({ ...good, valid_from: 'Bad time value' } as never);
    expect(c.problems).toEqual(['valid_from: "Bad time value" is not a date']);
    expect(c.validFrom).toBe('Bad time value');
    expect(c.validTo).toBe('2027-01-01T00:00:00.000Z');
  });

  it('names missing fields, and takes the fingerprint from the raw certificate when the field is missing', () => {
    const raw = Buffer.from('not really DER, but bytes to hash');
    const c = describeCertificate({ raw } as never);
    expect(c.problems).toEqual(
      expect.arrayContaining([
        'subject: missing',
        'issuer: missing',
        'valid_from: missing',
        'valid_to: missing',
      ]),
    );
    expect(c.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const none = describeCertificate({} as never);
    expect(none.problems).toContain('fingerprint256: missing');
    expect(none.fingerprint256).toBe('');
  });

  it('never throws and always gives the contract shape, whatever the peer object holds', () => {
    const anyValue = fc.anything({ withBigInt: true, withDate: true, withMap: true, withTypedArray: true });
    const peer = fc.record(
      {
        subject: fc.oneof(anyValue, fc.dictionary(fc.string(), anyValue)),
        issuer: fc.oneof(anyValue, fc.dictionary(fc.string(), anyValue)),
        subjectaltname: anyValue,
        valid_from: fc.oneof(anyValue, fc.string(), fc.constant('Bad time value')),
        valid_to: fc.oneof(anyValue, fc.string()),
        fingerprint256: fc.oneof(anyValue, fc.string()),
        serialNumber: anyValue,
        raw: fc.oneof(
          anyValue,
          fc.uint8Array().map((u) => Buffer.from(u)),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(peer, anyValue), (p) => {
        const c = describeCertificate(p as never);
        expect(CertificateInfoSchema.safeParse(c).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('describeCertificateFor', () => {
  it('says whether the names cover the address typed: DNS names, IP addresses, nothing else', () => {
    expect(describeCertificateFor(good as never, 'space.local')).toMatchObject({
      host: 'space.local',
      namesMatch: true,
    });
    expect(describeCertificateFor(good as never, '10.0.0.5')).toMatchObject({
      host: '10.0.0.5',
      namesMatch: true,
    });
    expect(describeCertificateFor(good as never, '10.0.0.6')).toMatchObject({
      host: '10.0.0.6',
      namesMatch: false,
    });
    expect(describeCertificateFor(good as never, 'other.local')).toMatchObject({ namesMatch: false });
  });

  it('never throws on a hostile peer: names it cannot read do not match', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('space.local', '10.0.0.5', '::1'), (p, host) => {
        const c = describeCertificateFor(p as never, host);
        expect(CertificateInfoSchema.safeParse(c).success).toBe(true);
        expect(typeof c.namesMatch).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
