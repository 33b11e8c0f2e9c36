// Certificates for simulators and tests (node-forge): a CA, leaves signed by it, self-signed, expired and wrong-name ones.
import forge from 'node-forge';

export interface Pem {
  cert: string;
  key: string;
}

export interface CertOptions {
  commonName?: string;
  /** DNS names and IPs for subjectAltName. */
  altNames?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Sign with this CA instead of self-signing. */
  issuer?: Pem;
  isCa?: boolean;
}

// 2048-bit keys are slow to make; tests share a small pool. Forge's RSA keygen is pure JS.
const keyPool: forge.pki.rsa.KeyPair[] = [];
function key(i: number): forge.pki.rsa.KeyPair {
  while (keyPool.length <= i) keyPool.push(forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }));
  return keyPool[i]!;
}
let serial = 1;
let keyIndex = 0;

export function makeCert(opts: CertOptions = {}): Pem {
  const keys = key(keyIndex++ % 4);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = (0x1000 + serial++).toString(16);
  const now = Date.now();
  cert.validity.notBefore = opts.notBefore ?? new Date(now - 24 * 3600 * 1000);
  cert.validity.notAfter = opts.notAfter ?? new Date(now + 365 * 24 * 3600 * 1000);
  const cn = opts.commonName ?? 'localhost';
  const attrs = [
    { name: 'commonName', value: cn },
    { name: 'organizationName', value: 'XS4 Test' },
  ];
  cert.setSubject(attrs);
  const altNames = (opts.altNames ?? ['localhost', '127.0.0.1']).map((n) =>
    /^[\d.]+$/.test(n) || n.includes(':') ? { type: 7, ip: n } : { type: 2, value: n },
  );
  const exts: object[] = [
    { name: 'basicConstraints', cA: opts.isCa === true },
    {
      name: 'keyUsage',
      digitalSignature: true,
      keyEncipherment: true,
      keyCertSign: opts.isCa === true,
      cRLSign: opts.isCa === true,
    },
  ];
  if (opts.isCa !== true)
    exts.push({ name: 'extKeyUsage', serverAuth: true }, { name: 'subjectAltName', altNames });
  cert.setExtensions(exts);
  if (opts.issuer) {
    const ca = forge.pki.certificateFromPem(opts.issuer.cert);
    cert.setIssuer(ca.subject.attributes);
    cert.sign(forge.pki.privateKeyFromPem(opts.issuer.key), forge.md.sha256.create());
  } else {
    cert.setIssuer(attrs);
    cert.sign(keys.privateKey, forge.md.sha256.create());
  }
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) };
}

export function makeCa(commonName = 'XS4 Test CA'): Pem {
  return makeCert({ commonName, isCa: true });
}

export function expiredCert(): Pem {
  const day = 24 * 3600 * 1000;
  return makeCert({ notBefore: new Date(Date.now() - 400 * day), notAfter: new Date(Date.now() - day) });
}

export function wrongNameCert(): Pem {
  return makeCert({ commonName: 'other.example', altNames: ['other.example'] });
}

/**
 * A certificate whose notBefore (or notAfter) is not a date at all ("991399999999Z": month 13, hour 99), as a broken or
 * hostile server may present. OpenSSL reads it and Node reports the field as "Bad time value". The signature no longer
 * matches (nothing can verify it), which is the point: only the describing and judging of such a certificate is tested.
 */
export function malformedDateCert(
  field: 'notBefore' | 'notAfter' = 'notBefore',
  base: Pem = makeCert(),
): Pem {
  const der = forge.pki.pemToDer(base.cert).getBytes();
  const asn1 = forge.asn1.fromDer(der);
  const tbs = (asn1.value as forge.asn1.Asn1[])[0]!;
  // TBSCertificate: [0] version, serialNumber, signature, issuer, validity, …
  const validity = (tbs.value as forge.asn1.Asn1[])[4]!;
  const time = (validity.value as forge.asn1.Asn1[])[field === 'notBefore' ? 0 : 1]!;
  time.type = forge.asn1.Type.UTCTIME;
  time.value = '991399999999Z';
  const pem = forge.pem.encode({ type: 'CERTIFICATE', body: forge.asn1.toDer(asn1).getBytes() });
  return { cert: pem, key: base.key };
}
