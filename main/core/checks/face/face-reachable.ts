// Check face.reachable: the XS4 Face server answers HTTPS, and its certificate is trusted by the system or by an accepted pin.
import { z } from 'zod';
import type { Check, CheckResult } from '../types';
import { inspectFaceCertificate } from '../../face/face-trust';
import { CertificateInfoSchema } from '../../../../contract/certificate';
import { normaliseFingerprint } from '../../../../contract/rules/fingerprint';
import { AttemptErrorSchema, attemptError, requireFaceUrl } from './face-check-context';

export const FaceReachableEvidenceSchema = z.object({
  url: z.string(),
  checkedAt: z.string(),
  certificate: CertificateInfoSchema.nullable(),
  trustedBySystem: z.boolean().nullable(),
  /** Why the system store refused it (TLS_UNTRUSTED, TLS_EXPIRED, TLS_NAME_MISMATCH). */
  systemProblem: z.string().nullable(),
  tlsProtocol: z.string().nullable(),
  pinnedFingerprint256: z.string().nullable(),
  error: AttemptErrorSchema.nullable(),
});
export type FaceReachableEvidence = z.infer<typeof FaceReachableEvidenceSchema>;

export function evaluateFaceReachable(e: FaceReachableEvidence): CheckResult {
  if (e.error)
    return {
      status: 'fail',
      code: e.error.code,
      summary: 'XS4 Face server not reachable',
      detail: e.error.message,
      remedy: e.error.remedy,
    };
  const c = e.certificate;
  if (!c)
    return {
      status: 'fail',
      code: 'FACE_NO_EVIDENCE',
      summary: 'No certificate was recorded',
      detail: 'The evidence holds neither a certificate nor an error.',
      remedy: 'Run the check again.',
    };
  const facts = `Certificate ${c.subject}, issued by ${c.issuer}, valid ${c.validFrom} to ${c.validTo}, SHA-256 ${c.fingerprint256}.`;
  const pin = e.pinnedFingerprint256 ? normaliseFingerprint(e.pinnedFingerprint256) : null;
  if (pin !== null && pin !== normaliseFingerprint(c.fingerprint256)) {
    return {
      status: 'fail',
      code: 'FACE_TLS_PIN_MISMATCH',
      summary: `XS4 Face presents another certificate (SHA-256 ${c.fingerprint256}) than the one accepted (${pin})`,
      detail: `Accepted ${pin}, presented ${c.fingerprint256}. ${facts}`,
      remedy:
        'The certificate was replaced or the connection is intercepted. Check the XS4 Face server; accept the new certificate only if you know why it changed.',
    };
  }
  if (Date.parse(c.validTo) < Date.parse(e.checkedAt)) {
    return {
      status: 'fail',
      code: 'FACE_TLS_EXPIRED',
      summary: 'The XS4 Face certificate has expired',
      detail: facts,
      remedy: 'Renew the certificate of the XS4 Face server.',
    };
  }
  if (e.trustedBySystem)
    return {
      status: 'pass',
      summary: 'XS4 Face answers HTTPS with a certificate this machine trusts',
      detail: facts,
    };
  if (pin !== null)
    return {
      status: 'pass',
      summary: 'XS4 Face answers HTTPS with the certificate you accepted',
      detail: facts,
    };
  return {
    status: 'warn',
    code: 'FACE_TLS_UNTRUSTED',
    summary: 'XS4 Face certificate not yet accepted',
    detail: `This machine does not trust it (${e.systemProblem ?? 'unknown reason'}). ${facts}`,
    remedy: 'Compare the fingerprint with the one shown on the XS4 Face server and accept it if they match.',
  };
}

export const faceReachableCheck: Check<FaceReachableEvidence> = {
  id: 'face.reachable',
  requires: ['faceUrl'],
  title: 'XS4 Face server reachable over HTTPS',
  evidenceSchema: FaceReachableEvidenceSchema,
  async collect(ctx) {
    const url = requireFaceUrl(ctx);
    const base = {
      url,
      checkedAt: ctx.now().toISOString(),
      pinnedFingerprint256: ctx.inputs.facePinnedFingerprint256 ?? null,
    };
    try {
      const r = await inspectFaceCertificate(url, {
        timeoutMs: ctx.timeoutMs,
        signal: ctx.signal,
        ...(ctx.inputs.extraCa ? { extraCa: ctx.inputs.extraCa } : {}),
      });
      return {
        ...base,
        certificate: r.certificate,
        trustedBySystem: r.trustedBySystem,
        systemProblem: r.problem ?? null,
        tlsProtocol: r.tlsProtocol ?? null,
        error: null,
      };
    } catch (e) {
      return {
        ...base,
        certificate: null,
        trustedBySystem: null,
        systemProblem: null,
        tlsProtocol: null,
        error: attemptError(e),
      };
    }
  },
  evaluate: evaluateFaceReachable,
};
