// Check `space.https`: Space's web/SHIP port serves HTTPS with a certificate XS4 Face can use.
import { parseServiceUrl } from '../../net/endpoint';
import { daysLeft, probeTls, TlsFindingCodes, TlsProbeCodes } from '../../net/tls-probe';
import { NetCodes } from '../../net/net-errors';
import { SpaceUiPaths } from '../../space/space-assumptions';
import { ownDeadlineMs } from '../budget';
import type { Check, CheckContext, CheckResult } from '../types';
import { type SpaceHttpsEvidence, SpaceHttpsEvidenceSchema } from './space-evidence';
import { tlsFindings } from '../../net/tls-probe';

async function collect(ctx: CheckContext): Promise<SpaceHttpsEvidence> {
  const collectedAt = ctx.now().toISOString();
  const url = ctx.inputs.spaceUrl;
  if (url === undefined || url.trim() === '')
    return { collectedAt, notProbed: 'No Space server URL was given.', probe: null };
  const ep = parseServiceUrl(url, 'spaceUrl');
  const probe = await probeTls({
    host: ep.host,
    port: ep.port,
    expectedName: ep.host,
    timeoutMs: ownDeadlineMs(ctx.timeoutMs),
    extraCa: ctx.inputs.extraCa,
    pinnedFingerprint256: ctx.inputs.spacePinnedFingerprint256,
    signal: ctx.signal,
  });
  return { collectedAt, notProbed: null, probe, acceptedFingerprint256: ctx.inputs.spacePinnedFingerprint256 ?? null };
}

const HTTPS_REMEDY = `Turn on HTTPS for the Space service in ${SpaceUiPaths.configurator} with a TLS certificate installed, then restart the service.`;

/** Pure verdict on the evidence. */
export function evaluateSpaceHttps(e: SpaceHttpsEvidence): CheckResult {
  if (e.probe === null)
    return {
      status: 'skip',
      summary: 'Space HTTPS not checked',
      detail: e.notProbed ?? 'Nothing was probed.',
      code: 'SPACE_HTTPS_NOT_PROBED',
    };
  const p = e.probe;
  const at = `${p.host}:${p.port}`;
  if (p.code === NetCodes.PLAIN_HTTP)
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_PLAIN_HTTP',
      summary: `${at} serves plain HTTP, not HTTPS`,
      detail: p.message,
      remedy: HTTPS_REMEDY,
    };
  if (p.code === NetCodes.REFUSED)
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_NOTHING_LISTENING',
      summary: `Nothing listens on ${at}`,
      detail: p.message,
      remedy: `Check that the Space service is running and its port (${SpaceUiPaths.configurator}); allow the port in the Windows firewall.`,
    };
  if (p.code === TlsProbeCodes.NO_ANSWER)
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_NO_ANSWER',
      summary: `${at} accepts connections but never answers the TLS handshake`,
      detail: p.message,
      remedy:
        'Something other than Space may hold the port, or the service is hung: restart the Space service and check which program owns the port.',
    };
  if (p.code !== TlsProbeCodes.OK || p.certificate === null) {
    return {
      status: 'fail',
      code: `SPACE_HTTPS_${p.code}`,
      summary: `No TLS handshake with ${at}`,
      detail: p.message,
      remedy: 'Check the address, that the Space server is on, and the firewall between this machine and it.',
    };
  }
  const c = p.certificate;
  const now = new Date(e.collectedAt);
  const left = daysLeft(c, now);
  const f = new Set(tlsFindings(p, now));
  const facts = `Certificate ${c.subject} issued by ${c.issuer}; names ${c.subjectAltNames.join(', ') || 'none'}; valid until ${c.validTo}${Number.isNaN(left) ? '' : ` (${left} days)`}; SHA-256 ${c.fingerprint256}; ${p.protocol ?? 'unknown protocol'}.`;
  if (f.has(TlsFindingCodes.MALFORMED))
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_CERT_MALFORMED',
      summary: `The certificate of ${at} is malformed: ${(c.problems ?? []).join('; ')}`,
      detail: facts,
      remedy: `Install a well-formed certificate for the Space HTTPS port (re-issue it; ${SpaceUiPaths.configurator}) and restart the Space service.`,
    };
  if (f.has(TlsFindingCodes.PIN_MISMATCH))
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_PIN_MISMATCH',
      summary: `${at} presents another certificate (SHA-256 ${c.fingerprint256}) than the one accepted (${e.acceptedFingerprint256 ?? 'see the accepted fingerprint'})`,
      detail: facts,
      remedy:
        'Find out why the certificate changed on the Space server; accept the new fingerprint only if you know.',
    };
  if (f.has(TlsFindingCodes.EXPIRED))
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_CERT_EXPIRED',
      summary: `The certificate of ${at} expired ${-left} days ago`,
      detail: facts,
      remedy: 'Install a current certificate for the Space HTTPS port and restart the Space service.',
    };
  if (f.has(TlsFindingCodes.NOT_YET_VALID))
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_CERT_NOT_YET_VALID',
      summary: 'The certificate is not valid yet',
      detail: facts,
      remedy: 'Check the clock of both servers, or reissue the certificate.',
    };
  const warnings: Array<{ code: string; text: string; remedy: string }> = [];
  if (f.has(TlsFindingCodes.NAME_MISMATCH))
    warnings.push({
      code: 'SPACE_HTTPS_NAME_MISMATCH',
      text: `the certificate is not issued for ${p.expectedName}`,
      remedy: `Use a name the certificate lists (${c.subjectAltNames.join(', ') || c.subject}) in XS4 Face's Space Server Details, or install a certificate for ${p.expectedName}.`,
    });
  if (f.has(TlsFindingCodes.CHAIN_UNTRUSTED) && p.pinMatches !== true)
    warnings.push({
      code: c.selfSigned ? 'SPACE_HTTPS_SELF_SIGNED' : 'SPACE_HTTPS_UNTRUSTED',
      text: c.selfSigned
        ? 'the certificate is self-signed and not yet accepted'
        : `the certificate chain is not trusted (${p.chainError ?? 'unknown reason'})`,
      remedy: `Compare the fingerprint ${c.fingerprint256} with the certificate on the Space server and accept it, or install a certificate from a trusted CA.`,
    });
  if (f.has(TlsFindingCodes.CHAIN_UNTRUSTED) && p.pinMatches === true)
    warnings.push({
      code: 'SPACE_HTTPS_PINNED',
      text: 'the certificate is trusted only because you accepted its fingerprint',
      remedy:
        'When it is renewed, the new fingerprint must be accepted again (here and in XS4 Face if it pins it too).',
    });
  if (f.has(TlsFindingCodes.EXPIRES_SOON))
    warnings.push({
      code: 'SPACE_HTTPS_CERT_EXPIRES_SOON',
      text: `the certificate expires in ${left} days`,
      remedy:
        'Renew the certificate before it expires, then accept the new fingerprint if it is self-signed.',
    });
  if (f.has(TlsFindingCodes.OLD_PROTOCOL))
    warnings.push({
      code: 'SPACE_HTTPS_OLD_TLS',
      text: `the server negotiated ${p.protocol}`,
      remedy: 'Enable TLS 1.2 or 1.3 on the Space server (Windows SCHANNEL settings).',
    });
  if (warnings.length > 0) {
    return {
      status: 'warn',
      code: warnings[0]!.code,
      summary: `HTTPS on ${at}, but ${warnings.map((w) => w.text).join('; ')}`,
      detail: facts,
      remedy: warnings.map((w) => w.remedy).join(' '),
    };
  }
  return {
    status: 'pass',
    code: 'SPACE_HTTPS_OK',
    summary: `HTTPS on ${at}, certificate valid for ${left} more days and trusted${p.pinMatches === true ? ' (accepted fingerprint)' : ''}`,
    detail: facts,
  };
}

export const spaceHttpsCheck: Check<SpaceHttpsEvidence> = {
  id: 'space.https',
  requires: ['spaceUrl'],
  title: 'Space runs on HTTPS with a usable certificate',
  evidenceSchema: SpaceHttpsEvidenceSchema,
  collect,
  evaluate: evaluateSpaceHttps,
};
