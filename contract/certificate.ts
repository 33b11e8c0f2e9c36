// The certificate facts a technician judges (names, issuer, validity, SHA-256, whether its names cover the address),
// as a type and a zod schema.
// Node-free on purpose: the IPC contract carries it and the page's type checks read it.
import { z } from 'zod';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  /** ISO 8601; the raw text when the certificate's date cannot be read (named in `problems`). */
  validFrom: string;
  validTo: string;
  /** Upper-case hex pairs joined by colons, as Windows and browsers show it. */
  fingerprint256: string;
  selfSigned: boolean;
  serialNumber: string;
  /** Fields that are missing or malformed, each as "field: what is wrong" (e.g. `valid_from: "Bad time value" is not a date`). */
  problems?: string[] | undefined;
  /** The name this computer connected to (the address typed), when the certificate was judged for one. */
  host?: string | undefined;
  /** Whether the certificate's names (subject alternative names, else the common name) cover `host`. */
  namesMatch?: boolean | undefined;
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
  problems: z.array(z.string()).optional(),
  host: z.string().optional(),
  namesMatch: z.boolean().optional(),
});
