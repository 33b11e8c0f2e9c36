// The certificate facts a technician judges (names, issuer, validity, SHA-256), as a type and a zod schema.
// Node-free on purpose: the IPC contract carries it and the page's type checks read it.
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
