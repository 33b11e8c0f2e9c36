// Check `space.ship`: SHIP answers GetInfo over HTTPS with the SHIP API key XS4 Face uses.
import { text, type Text } from '../../../../contract/text';
import { describeProbe, probeShip } from '../../space/ship-client';
import { ShipCodes } from '../../space/ship-outcomes';
import { CLOCK_SKEW_WARN_SECONDS, SpaceUiPaths } from '../../space/space-assumptions';
import { itemsOf } from '../../../../messages/joins';
import { ownDeadlineMs } from '../budget';
import type { Check, CheckContext, CheckResult } from '../types';
import { type SpaceShipEvidence, SpaceShipEvidenceSchema } from './space-evidence';

async function collect(ctx: CheckContext): Promise<SpaceShipEvidence> {
  const collectedAt = ctx.now().toISOString();
  const pinnedFingerprintGiven = ctx.inputs.spacePinnedFingerprint256 !== undefined;
  const url = ctx.inputs.spaceUrl;
  if (url === undefined || url.trim() === '')
    return { collectedAt, notProbed: 'no-url', pinnedFingerprintGiven, result: null };
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

type ShipResult = NonNullable<SpaceShipEvidence['result']>;

/** Why the key was not sent, in the reader's words. */
function keylessText(reason: ShipResult['keylessReason']): Text {
  switch (reason) {
    case 'no-key-given':
      return text('checks.space.ship.keyless.noKeyGiven');
    case 'certificate-not-verified':
      return text('checks.space.ship.keyless.certificateNotVerified');
    case 'plain-http':
      return text('checks.space.ship.keyless.plainHttp');
    case null:
      return text('checks.space.ship.keyless.noKey');
  }
}

/** What was observed, as short clauses: HTTP status, whether the key went out, the exception, protocol, clock. */
function factsOf(r: ShipResult): Text[] {
  const out: Text[] = [
    r.httpStatus === null
      ? text('checks.space.ship.facts.noHttpAnswer', { code: r.netCode ?? r.code })
      : text('checks.space.ship.facts.http', { status: r.httpStatus }),
    r.keySent
      ? text('checks.space.ship.facts.keySent', { fingerprint: r.keyFingerprint ?? '?' })
      : text('checks.space.ship.facts.keyNotSent', { reason: keylessText(r.keylessReason) }),
  ];
  if (r.exception)
    out.push(
      r.exception.message
        ? text('checks.space.ship.facts.exceptionMessage', {
            code: r.exception.code,
            message: r.exception.message,
          })
        : text('checks.space.ship.facts.exception', { code: r.exception.code }),
    );
  if (r.getInfo)
    out.push(
      text('checks.space.ship.facts.getInfo', {
        version: r.getInfo.protocolVersion,
        time: r.getInfo.dateTime,
      }),
    );
  if (r.clockSkewSeconds !== null)
    out.push(text('checks.space.ship.facts.clockSkew', { seconds: r.clockSkewSeconds }));
  return out;
}

/** Pure verdict on the evidence. */
export function evaluateSpaceShip(e: SpaceShipEvidence): CheckResult {
  const r = e.result;
  if (r === null)
    return {
      status: 'skip',
      code: 'SHIP_NOT_PROBED',
      summary: text('checks.space.ship.notProbed.summary'),
      // The only reason anything is not probed is a missing URL (older bundles say so in English words).
      detail:
        e.notProbed === null
          ? text('checks.space.ship.notProbed.nothing')
          : text('checks.space.ship.notProbed.noUrl'),
    };
  // Said again from the recorded facts, so evidence from any version reads in the reader's language.
  const described = describeProbe(r);
  const detail = text('checks.space.ship.detail', { message: described.message, facts: itemsOf(factsOf(r)) });
  if (r.code !== ShipCodes.OK) {
    // The key could not be checked but SHIP was found: still a failure (XS4 Face would not connect), said precisely.
    // A 403 from this server is a warning: with "Limit communications to one server" naming XS4 Face, it is right.
    const status = r.code === ShipCodes.KEY_REQUIRED || r.code === ShipCodes.FORBIDDEN ? 'warn' : 'fail';
    return {
      status,
      code: r.code,
      summary: summaryOf(r.code),
      detail,
      ...(described.remedy ? { remedy: described.remedy } : {}),
    };
  }
  if (!r.keySent || r.withoutKey?.code !== ShipCodes.KEY_REQUIRED)
    return {
      status: 'warn',
      code: 'SHIP_AUTH_UNVERIFIED',
      summary: text('checks.space.ship.authUnverified.summary'),
      detail: r.withoutKey
        ? r.withoutKey.httpStatus
          ? text('checks.space.ship.authUnverified.withoutKeyHttp', {
              detail,
              code: r.withoutKey.code,
              status: r.withoutKey.httpStatus,
            })
          : text('checks.space.ship.authUnverified.withoutKey', { detail, code: r.withoutKey.code })
        : text('checks.space.ship.authUnverified.notAsked', { detail }),
      remedy: text('checks.space.ship.authUnverified.remedy', { shipTab: SpaceUiPaths.shipTab }),
    };
  const version = r.getInfo?.protocolVersion ?? '?';
  if (r.protocolSupported === false)
    return {
      status: 'warn',
      code: 'SHIP_PROTOCOL_UNKNOWN',
      summary: text('checks.space.ship.protocolUnknown.summary', { version }),
      detail,
      remedy: text('checks.space.ship.protocolUnknown.remedy'),
    };
  if (r.clockSkewSeconds === null)
    return {
      status: 'warn',
      code: 'SHIP_CLOCK_UNKNOWN',
      summary: text('checks.space.ship.clockUnknown.summary'),
      detail,
      remedy: text('checks.space.ship.clockUnknown.remedy'),
    };
  if (Math.abs(r.clockSkewSeconds) > CLOCK_SKEW_WARN_SECONDS)
    return {
      status: 'warn',
      code: 'SHIP_CLOCK_SKEW',
      summary:
        r.clockSkewSeconds > 0
          ? text('checks.space.ship.clockSkew.ahead', { seconds: r.clockSkewSeconds })
          : text('checks.space.ship.clockSkew.behind', { seconds: -r.clockSkewSeconds }),
      detail,
      remedy: text('checks.space.ship.clockSkew.remedy'),
    };
  return {
    status: 'pass',
    code: ShipCodes.OK,
    summary: text('checks.space.ship.ok.summary', { version }),
    detail,
  };
}

/** One line per outcome code, for tables and cards. */
function summaryOf(code: string): Text {
  switch (code) {
    case ShipCodes.UNAUTHORIZED:
      return text('checks.space.ship.outcome.unauthorized');
    case ShipCodes.KEY_REQUIRED:
      return text('checks.space.ship.outcome.keyRequired');
    case ShipCodes.NO_AUTHENTICATION:
      return text('checks.space.ship.outcome.noAuthentication');
    case ShipCodes.BASIC_AUTH:
      return text('checks.space.ship.outcome.basicAuth');
    case ShipCodes.FORBIDDEN:
      return text('checks.space.ship.outcome.forbidden');
    case ShipCodes.HTTP_TRANSPORT_DISABLED:
      return text('checks.space.ship.outcome.httpTransportDisabled');
    case ShipCodes.VERSION_UNSUPPORTED:
      return text('checks.space.ship.outcome.versionUnsupported');
    case ShipCodes.LICENCE_MISSING:
      return text('checks.space.ship.outcome.licenceMissing');
    case ShipCodes.LICENCE_CONSTRAINT:
      return text('checks.space.ship.outcome.licenceConstraint');
    case ShipCodes.EXCEPTION:
      return text('checks.space.ship.outcome.exception');
    case ShipCodes.MALFORMED_RESPONSE:
      return text('checks.space.ship.outcome.malformedResponse');
    case ShipCodes.UNDECODABLE:
      return text('checks.space.ship.outcome.undecodable');
    case ShipCodes.NOT_SHIP:
      return text('checks.space.ship.outcome.notShip');
    case ShipCodes.UNEXPECTED_STATUS:
      return text('checks.space.ship.outcome.unexpectedStatus');
    case ShipCodes.PLAIN_HTTP:
      return text('checks.space.ship.outcome.plainHttp');
    case ShipCodes.RESPONSE_TOO_LARGE:
      return text('checks.space.ship.outcome.responseTooLarge');
    case ShipCodes.NO_ANSWER:
      return text('checks.space.ship.outcome.noAnswer');
    case ShipCodes.CONNECTION_DROPPED:
      return text('checks.space.ship.outcome.connectionDropped');
    case ShipCodes.TLS_MALFORMED_CERTIFICATE:
      return text('checks.space.ship.outcome.tlsMalformedCertificate');
  }
  if (code.startsWith('SHIP_TLS_')) return text('checks.space.ship.outcome.tls');
  if (code.startsWith('SHIP_UNREACHABLE_')) return text('checks.space.ship.outcome.unreachable');
  return text('checks.space.ship.outcome.other', { code });
}

export const spaceShipCheck: Check<SpaceShipEvidence> = {
  id: 'space.ship',
  requires: ['spaceUrl'],
  title: text('checks.space.ship.title'),
  evidenceSchema: SpaceShipEvidenceSchema,
  collect,
  evaluate: evaluateSpaceShip,
};
