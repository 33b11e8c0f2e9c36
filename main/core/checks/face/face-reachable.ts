// Check face.reachable: the XS4 Face server answers HTTPS, and its certificate is trusted by the system or by an accepted pin.
import { z } from 'zod';
import { text } from '../../../../contract/text';
import type { Check, CheckResult } from '../types';
import { inspectFaceCertificate } from '../../face/face-trust';
import { CertificateInfoSchema } from '../../../../contract/certificate';
import { normaliseFingerprint } from '../../../../contract/rules/fingerprint';
import { AttemptErrorSchema, attemptError, attemptWords, requireFaceUrl } from './face-check-context';

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
  if (e.error) {
    const words = attemptWords(e.error);
    return {
      status: 'fail',
      code: e.error.code,
      summary: text('checks.face.reachable.unreachable.summary'),
      detail: words.message,
      remedy: words.remedy,
    };
  }
  const c = e.certificate;
  if (!c)
    return {
      status: 'fail',
      code: 'FACE_NO_EVIDENCE',
      summary: text('checks.face.reachable.noCertificate.summary'),
      detail: text('checks.face.reachable.noCertificate.detail'),
      remedy: text('checks.face.reachable.noCertificate.remedy'),
    };
  const facts = text('checks.face.reachable.facts', {
    subject: c.subject,
    issuer: c.issuer,
    from: c.validFrom,
    to: c.validTo,
    fingerprint: c.fingerprint256,
  });
  const pin = e.pinnedFingerprint256 ? normaliseFingerprint(e.pinnedFingerprint256) : null;
  if (pin !== null && pin !== normaliseFingerprint(c.fingerprint256)) {
    return {
      status: 'fail',
      code: 'FACE_TLS_PIN_MISMATCH',
      summary: text('checks.face.reachable.pinMismatch.summary', {
        presented: c.fingerprint256,
        accepted: pin,
      }),
      detail: text('checks.face.reachable.pinMismatch.detail', {
        presented: c.fingerprint256,
        accepted: pin,
        facts,
      }),
      remedy: text('checks.face.reachable.pinMismatch.remedy'),
    };
  }
  if (Date.parse(c.validTo) < Date.parse(e.checkedAt)) {
    return {
      status: 'fail',
      code: 'FACE_TLS_EXPIRED',
      summary: text('checks.face.reachable.expired.summary'),
      detail: facts,
      remedy: text('checks.face.reachable.expired.remedy'),
    };
  }
  if (e.trustedBySystem)
    return { status: 'pass', summary: text('checks.face.reachable.trusted.summary'), detail: facts };
  if (pin !== null)
    return { status: 'pass', summary: text('checks.face.reachable.pinned.summary'), detail: facts };
  return {
    status: 'warn',
    code: 'FACE_TLS_UNTRUSTED',
    summary: text('checks.face.reachable.untrusted.summary'),
    detail: text('checks.face.reachable.untrusted.detail', {
      reason: e.systemProblem ?? text('checks.face.reachable.untrusted.unknownReason'),
      facts,
    }),
    remedy: text('checks.face.reachable.untrusted.remedy'),
  };
}

export const faceReachableCheck: Check<FaceReachableEvidence> = {
  id: 'face.reachable',
  requires: ['faceUrl'],
  title: text('checks.face.reachable.title'),
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
