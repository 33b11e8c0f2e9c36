// Space's certificate in the Space settings step and Troubleshoot: judged from a TLS handshake (nothing is sent), shown
// with the same facts as XS4 Face's (subject, issuer, names, validity, SHA-256), pinned when the technician trusts it.
// A pin is exclusive: another certificate, even one this machine trusts, goes back to the technician with both prints.
import { reasonOf } from '../reason';
import { text } from '../../../../contract/text';
import { AppError } from '../../errors';
import {
  probeTls,
  tlsFindings,
  TlsFindingCodes,
  TlsProbeCodes,
  type TlsProbeResult,
} from '../../net/tls-probe';
import { canonicalFingerprint } from '../../../../contract/rules/fingerprint';
import { invalidInput } from '../../errors';
import type { SpaceCertificateResult } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import type { SetupContext } from '../context';
import { readSpaceDetails, spaceEndpoint } from '../space-target';

interface Target {
  url: string;
  host: string;
  port: number;
  pin: string | undefined;
}

async function target(ctx: SetupContext): Promise<Target> {
  // What XS4 Face holds; when it cannot be read, the details last seen (as the checks do).
  const details = await readSpaceDetails(ctx).catch(async () => (await ctx.state.read()).lastSpace ?? null);
  if (!details) {
    throw new AppError('SETUP_SPACE_DETAILS_MISSING');
  }
  const { url, pin } = await spaceEndpoint(ctx, details);
  return { url, host: details.host, port: details.port, pin };
}

async function handshake(ctx: SetupContext, t: Target): Promise<TlsProbeResult> {
  const r = await probeTls({
    host: t.host,
    port: t.port,
    expectedName: t.host,
    timeoutMs: ctx.requestMs,
    extraCa: ctx.deps.extraCa,
    pinnedFingerprint256: t.pin,
  });
  if (r.code !== TlsProbeCodes.OK || r.certificate === null)
    throw new AppError(r.code, {
      key: 'errors.SPACE_TLS_HANDSHAKE',
      params: { cause: r.message, at: `${t.host}:${t.port}` },
    });
  if (r.certificate.problems)
    throw new AppError('SPACE_TLS_MALFORMED_CERTIFICATE', {
      params: { problems: r.certificate.problems.join('; ') },
    });
  return r;
}

function judged(t: Target, r: TlsProbeResult): SpaceCertificateResult {
  const certificate = r.certificate!;
  const at = `${t.host}:${t.port}`;
  if (t.pin !== undefined) {
    if (r.pinMatches) return { state: 'trusted', url: t.url, certificate, trustedBy: 'pin' };
    return {
      state: 'needs-trust',
      url: t.url,
      certificate,
      previousFingerprint256: t.pin,
      reason: reasonOf(
        new AppError('SPACE_TLS_PIN_MISMATCH', {
          variant: 'changed',
          params: { at, fingerprint: certificate.fingerprint256, pinned: t.pin },
        }),
      ),
    };
  }
  const findings = new Set(tlsFindings(r, new Date()));
  if (r.chainTrusted === true && r.nameMatches === true && !findings.has(TlsFindingCodes.EXPIRED))
    return { state: 'trusted', url: t.url, certificate, trustedBy: 'system' };
  const code = findings.has(TlsFindingCodes.EXPIRED)
    ? 'SPACE_TLS_EXPIRED'
    : certificate.selfSigned
      ? 'SPACE_TLS_SELF_SIGNED'
      : r.nameMatches === false
        ? 'SPACE_TLS_NAME_MISMATCH'
        : 'SPACE_TLS_UNTRUSTED';
  return {
    state: 'needs-trust',
    url: t.url,
    certificate,
    reason: reasonOf(
      new AppError(code, {
        key: 'errors.SPACE_TLS_NOT_TRUSTED',
        params: {
          at,
          why:
            r.chainError ??
            (r.nameMatches === false ? text('setup.trust.notForThisName') : text('setup.trust.untrusted')),
        },
      }),
    ),
  };
}

export function spaceTrustSteps(
  ctx: SetupContext,
): Pick<SetupService, 'spaceCertificate' | 'trustSpaceCertificate'> {
  return {
    async spaceCertificate() {
      const t = await target(ctx);
      return judged(t, await handshake(ctx, t));
    },

    async trustSpaceCertificate(fingerprint256) {
      const fp = canonicalFingerprint(fingerprint256);
      if (fp === null) throw invalidInput('fingerprint256', text('rules.sha256Fingerprint'));
      const t = await target(ctx);
      // Pin only what Space presents now: a certificate swapped since the dialog opened is not pinned.
      const now = await handshake(ctx, { ...t, pin: undefined });
      if (now.certificate!.fingerprint256 !== fp) {
        throw new AppError('SPACE_TLS_PIN_MISMATCH', {
          variant: 'swapped',
          params: { fingerprint: now.certificate!.fingerprint256, shown: fp },
          detail: { expected: fp, actual: now.certificate!.fingerprint256 },
        });
      }
      const at = `${t.host}:${t.port}`;
      const settings = await ctx.deps.settings.get();
      await ctx.deps.settings.update({ pinnedFingerprints: { ...settings.pinnedFingerprints, [at]: fp } });
      await ctx.record({
        kind: 'setting',
        target: `trust:${at}`,
        ...(t.pin !== undefined ? { before: { fingerprint256: t.pin } } : {}),
        after: { fingerprint256: fp, subject: now.certificate!.subject },
        result: { ok: true, summary: text('setup.history.trustedSpace', { at }) },
      });
      return { state: 'trusted', url: t.url, certificate: now.certificate!, trustedBy: 'pin' };
    },
  };
}
