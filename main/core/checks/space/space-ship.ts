// Check `space.ship`: SHIP answers GetInfo over HTTPS with the SHIP API key XS4 Face uses.
import { probeShip } from '../../space/ship-client';
import { ShipCodes } from '../../space/ship-outcomes';
import { CLOCK_SKEW_WARN_SECONDS, SpaceUiPaths } from '../../space/space-assumptions';
import { ownDeadlineMs } from '../budget';
import type { Check, CheckContext, CheckResult } from '../types';
import { type SpaceShipEvidence, SpaceShipEvidenceSchema } from './space-evidence';

async function collect(ctx: CheckContext): Promise<SpaceShipEvidence> {
  const collectedAt = ctx.now().toISOString();
  const pinnedFingerprintGiven = ctx.inputs.spacePinnedFingerprint256 !== undefined;
  const url = ctx.inputs.spaceUrl;
  if (url === undefined || url.trim() === '')
    return { collectedAt, notProbed: 'No Space server URL was given.', pinnedFingerprintGiven, result: null };
  const result = await probeShip({
    url,
    key: ctx.inputs.shipKey,
    trust: { pinnedFingerprint256: ctx.inputs.spacePinnedFingerprint256, extraCa: ctx.inputs.extraCa },
    timeoutMs: ownDeadlineMs(ctx.timeoutMs),
    signal: ctx.signal,
    now: ctx.now,
  });
  return { collectedAt, notProbed: null, pinnedFingerprintGiven, result };
}

/** Pure verdict on the evidence. */
export function evaluateSpaceShip(e: SpaceShipEvidence): CheckResult {
  const r = e.result;
  if (r === null)
    return {
      status: 'skip',
      code: 'SHIP_NOT_PROBED',
      summary: 'SHIP not checked',
      detail: e.notProbed ?? 'Nothing was probed.',
    };
  const facts = [
    r.httpStatus === null ? `no HTTP answer (${r.netCode ?? r.code})` : `HTTP ${r.httpStatus}`,
    r.keySent
      ? `key sent (fingerprint ${r.keyFingerprint ?? '?'})`
      : `key not sent (${r.keylessReason ?? 'no key'})`,
    r.exception
      ? `Exception ${r.exception.code}${r.exception.message ? ` "${r.exception.message}"` : ''}`
      : null,
    r.getInfo ? `protocol ${r.getInfo.protocolVersion}, Space time ${r.getInfo.dateTime}` : null,
    r.clockSkewSeconds !== null ? `clock skew ${r.clockSkewSeconds} s` : null,
  ]
    .filter((x): x is string => x !== null)
    .join('; ');
  const detail = `${r.message} (${facts})`;
  if (r.code !== ShipCodes.OK) {
    // The key could not be checked but SHIP was found: still a failure (XS4 Face would not connect), said precisely.
    // A 403 from this server is a warning: with "Limit communications to one server" naming XS4 Face, it is right.
    const status = r.code === ShipCodes.KEY_REQUIRED || r.code === ShipCodes.FORBIDDEN ? 'warn' : 'fail';
    return { status, code: r.code, summary: summaryOf(r.code), detail, remedy: r.remedy };
  }
  if (!r.keySent || r.withoutKey?.code !== ShipCodes.KEY_REQUIRED)
    return {
      status: 'warn',
      code: 'SHIP_AUTH_UNVERIFIED',
      summary: 'SHIP accepts the key; whether it refuses requests without it could not be verified',
      detail: `${detail}${r.withoutKey ? ` Without the key: ${r.withoutKey.code}${r.withoutKey.httpStatus ? ` (HTTP ${r.withoutKey.httpStatus})` : ''}.` : ' No request without the key was made (no time left, or evidence from an older version).'}`,
      remedy: `Check that ${SpaceUiPaths.shipTab} uses custom authentication, then run the check again.`,
    };
  if (r.protocolSupported === false)
    return {
      status: 'warn',
      code: 'SHIP_PROTOCOL_UNKNOWN',
      summary: `SHIP protocol ${r.getInfo?.protocolVersion ?? '?'} is not one this app was built for`,
      detail,
      remedy: 'Check the XS4 Face release notes for the supported Space/SHIP versions.',
    };
  if (r.clockSkewSeconds === null)
    return {
      status: 'warn',
      code: 'SHIP_CLOCK_UNKNOWN',
      summary: 'SHIP works; Space time could not be read',
      detail,
      remedy:
        'Compare the clocks of the Space server and the XS4 Face server by hand (both should use the same NTP source).',
    };
  if (Math.abs(r.clockSkewSeconds) > CLOCK_SKEW_WARN_SECONDS)
    return {
      status: 'warn',
      code: 'SHIP_CLOCK_SKEW',
      summary: `SHIP works; Space's clock is ${Math.abs(r.clockSkewSeconds)} s ${r.clockSkewSeconds > 0 ? 'ahead' : 'behind'}`,
      detail,
      remedy: 'Synchronise the Space server clock (w32tm /resync) with the same NTP source as XS4 Face.',
    };
  return {
    status: 'pass',
    code: ShipCodes.OK,
    summary: `SHIP accepts the key and refuses requests without it (protocol ${r.getInfo?.protocolVersion ?? '?'})`,
    detail,
  };
}

function summaryOf(code: string): string {
  const s: Record<string, string> = {
    [ShipCodes.UNAUTHORIZED]: 'SHIP refuses the key (401)',
    [ShipCodes.KEY_REQUIRED]: 'SHIP is there but no key was given to check',
    [ShipCodes.NO_AUTHENTICATION]: 'SHIP answers without any key (no authentication)',
    [ShipCodes.BASIC_AUTH]: 'SHIP uses basic authentication, not custom',
    [ShipCodes.FORBIDDEN]: 'SHIP refuses requests from this server (403)',
    [ShipCodes.HTTP_TRANSPORT_DISABLED]: 'SHIP over HTTP(S) is not enabled (501)',
    [ShipCodes.VERSION_UNSUPPORTED]: 'Space is too old for this request (415)',
    [ShipCodes.LICENCE_MISSING]: 'The SHIP licence is missing (Exception 13)',
    [ShipCodes.LICENCE_CONSTRAINT]: 'The SHIP licence is constrained (Exception 14)',
    [ShipCodes.EXCEPTION]: 'SHIP answered with an exception',
    [ShipCodes.MALFORMED_RESPONSE]: 'SHIP answer is malformed',
    [ShipCodes.UNDECODABLE]: "SHIP's answer cannot be decoded (charset)",
    [ShipCodes.NOT_SHIP]: 'Something else than SHIP answers at this address',
    [ShipCodes.UNEXPECTED_STATUS]: 'SHIP answered with an unexpected HTTP status',
    [ShipCodes.PLAIN_HTTP]: 'Plain HTTP where HTTPS is required',
    [ShipCodes.RESPONSE_TOO_LARGE]: 'The answer is far too large to be SHIP',
    [ShipCodes.NO_ANSWER]: 'Space accepted the connection but never answered',
    [ShipCodes.CONNECTION_DROPPED]: 'Space dropped the connection',
    [ShipCodes.TLS_MALFORMED_CERTIFICATE]: "Space's certificate is malformed; the key was not sent",
  };
  if (s[code]) return s[code]!;
  if (code.startsWith('SHIP_TLS_')) return 'The certificate could not be verified; the key was not sent';
  if (code.startsWith('SHIP_UNREACHABLE_')) return 'Space cannot be reached';
  return code;
}

export const spaceShipCheck: Check<SpaceShipEvidence> = {
  id: 'space.ship',
  requires: ['spaceUrl'],
  title: 'SHIP answers with the SHIP API key of XS4 Face',
  evidenceSchema: SpaceShipEvidenceSchema,
  collect,
  evaluate: evaluateSpaceShip,
};
