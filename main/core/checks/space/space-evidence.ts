// zod schemas of the evidence the Space checks record (bundles read back from disk are a trust boundary).
import { z } from 'zod';
import { CertificateInfoSchema } from '../../../../contract/certificate';
import { sayableSchema, textSchema } from '../../../../contract/text-schema';
import { type ShipCode, ShipCodes } from '../../space/ship-outcomes';

export { CertificateInfoSchema };

export const TlsProbeResultSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  expectedName: z.string(),
  code: z.string(),
  /** The probe's own sentence (the network layer's); older bundles hold it in English words. */
  message: sayableSchema,
  /** The same sentence as a catalog Text (probeTls gives both; older bundles have only `message`). */
  says: textSchema.optional(),
  tcpConnected: z.boolean(),
  protocol: z.string().nullable(),
  cipher: z.string().nullable(),
  certificate: CertificateInfoSchema.nullable(),
  chainSubjects: z.array(z.string()),
  chainTrusted: z.boolean().nullable(),
  chainError: z.string().nullable(),
  nameMatches: z.boolean().nullable(),
  pinMatches: z.boolean().nullable(),
  elapsedMs: z.number(),
});

const shipCode = z.enum(Object.values(ShipCodes) as [ShipCode, ...ShipCode[]]);

export const ShipProbeResultSchema = z.object({
  code: shipCode,
  ok: z.boolean(),
  /**
   * The probe's sentences, for readers of the evidence; the check says them again from the facts below (older bundles
   * hold them in English words, '' for no remedy).
   */
  message: sayableSchema,
  remedy: sayableSchema.nullable(),
  url: z.string(),
  keySent: z.boolean(),
  keyFingerprint: z
    .string()
    .regex(/^[0-9a-f]{8}$/)
    .nullable(),
  keylessReason: z.enum(['no-key-given', 'certificate-not-verified', 'plain-http']).nullable(),
  httpStatus: z.number().int().nullable(),
  contentType: z.string().nullable(),
  trustedBy: z.enum(['system', 'pin']).nullable(),
  certificate: CertificateInfoSchema.nullable(),
  getInfo: z
    .object({
      protocolId: z.string(),
      protocolVersion: z.string(),
      dateTime: z.string(),
      defaultLanguage: z.string().nullable(),
    })
    .nullable(),
  protocolSupported: z.boolean().nullable(),
  exception: z.object({ code: z.number().int(), message: z.string() }).nullable(),
  clockSkewSeconds: z.number().nullable(),
  keylessProbe: z
    .object({ code: shipCode, httpStatus: z.number().int().nullable(), shipPresent: z.boolean() })
    .nullable(),
  netCode: z.string().nullable(),
  withoutKey: z.object({ code: shipCode, httpStatus: z.number().int().nullable() }).nullable().optional(),
  // Optional: bundles written before charsets were recorded stay readable.
  charset: z.string().nullable().optional(),
  charsetProblem: z.union([z.string(), z.number(), textSchema]).nullable().optional(),
});

export const SpaceHttpsEvidenceSchema = z.object({
  collectedAt: z.string(),
  /** Why nothing was probed: "no-url" (older bundles: a sentence saying so); null when probed. */
  notProbed: z.string().nullable(),
  probe: TlsProbeResultSchema.nullable(),
  /** The fingerprint the technician accepted for this host, if any (optional: older bundles lack it). */
  acceptedFingerprint256: z.string().nullable().optional(),
});
export type SpaceHttpsEvidence = z.infer<typeof SpaceHttpsEvidenceSchema>;

export const SpaceShipEvidenceSchema = z.object({
  collectedAt: z.string(),
  /** As in SpaceHttpsEvidenceSchema. */
  notProbed: z.string().nullable(),
  /** Whether a pinned fingerprint was supplied (the fingerprint itself is in the result's certificate). */
  pinnedFingerprintGiven: z.boolean(),
  result: ShipProbeResultSchema.nullable(),
});
export type SpaceShipEvidence = z.infer<typeof SpaceShipEvidenceSchema>;
