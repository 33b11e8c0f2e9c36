// First contact with an XS4 Face server: report its certificate so the technician can accept (pin) it before any token is sent.
import { isAppError } from '../errors';
import type { CertificateInfo } from '../../../contract/certificate';
import { NetCodes } from '../net/net-errors';
import { httpRequest } from '../net/https-client';
import { faceApiEndpoint } from './face-client';
import { fromNetError } from './face-errors';
import { FacePaths } from './face-contract';

export interface FaceCertificateReport {
  certificate: CertificateInfo;
  /** True when this machine's store (plus extraCa) trusts it for this name: no pin is needed. */
  trustedBySystem: boolean;
  /** Why the system does not trust it (TLS_UNTRUSTED, TLS_EXPIRED, TLS_NAME_MISMATCH), when it does not. */
  problem?: string;
  tlsProtocol?: string | null;
}

const UNTRUSTED = new Set<string>([NetCodes.TLS_UNTRUSTED, NetCodes.TLS_EXPIRED, NetCodes.TLS_NAME_MISMATCH]);

/**
 * Completes a TLS handshake and describes the certificate. No token and no secret is sent: when the system
 * trusts the certificate, an unauthenticated GET of the sign-in check follows; otherwise nothing is written at all.
 */
export async function inspectFaceCertificate(
  baseUrl: string,
  opts: { timeoutMs?: number; extraCa?: string[]; signal?: AbortSignal } = {},
): Promise<FaceCertificateReport> {
  try {
    const res = await httpRequest({
      url: faceApiEndpoint(baseUrl),
      path: FacePaths.whoami,
      timeoutMs: opts.timeoutMs ?? 10_000,
      maxBodyBytes: 16 * 1024,
      trust: { extraCa: opts.extraCa },
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    if (!res.tls) throw new Error('unreachable: https endpoint without TLS session');
    return { certificate: res.tls.certificate, trustedBySystem: true, tlsProtocol: res.tls.protocol };
  } catch (e) {
    if (isAppError(e) && UNTRUSTED.has(e.code) && e.detail?.certificate) {
      return {
        certificate: e.detail.certificate as CertificateInfo,
        trustedBySystem: false,
        problem: e.code,
      };
    }
    throw fromNetError(e, 'certificate check');
  }
}
