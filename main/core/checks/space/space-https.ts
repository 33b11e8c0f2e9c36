// Check `space.https`: Space's web/SHIP port serves HTTPS with a certificate XS4 Face can use.
import { text, type Text } from '../../../../contract/text';
import { parseServiceUrl } from '../../net/endpoint';
import { daysLeft, probeTls, TlsFindingCodes, TlsProbeCodes } from '../../net/tls-probe';
import { NetCodes } from '../../net/net-errors';
import { SpaceUiPaths } from '../../space/space-assumptions';
import { ownDeadlineMs } from '../budget';
import type { Check, CheckContext, CheckResult } from '../types';
import { type SpaceHttpsEvidence, SpaceHttpsEvidenceSchema } from './space-evidence';
import { tlsFindings } from '../../net/tls-probe';
import { itemsOf, listOf, sentencesOf } from '../../../../messages/joins';

async function collect(ctx: CheckContext): Promise<SpaceHttpsEvidence> {
  const collectedAt = ctx.now().toISOString();
  const url = ctx.inputs.spaceUrl;
  if (url === undefined || url.trim() === '') return { collectedAt, notProbed: 'no-url', probe: null };
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
  return {
    collectedAt,
    notProbed: null,
    probe,
    acceptedFingerprint256: ctx.inputs.spacePinnedFingerprint256 ?? null,
  };
}

const UI = { configurator: SpaceUiPaths.configurator } as const;

/** A finding of the certificate that makes HTTPS usable but worth attention: a clause of the summary, and its remedy. */
interface Warning {
  code: string;
  clause: Text;
  remedy: Text;
}

/** Pure verdict on the evidence. */
export function evaluateSpaceHttps(e: SpaceHttpsEvidence): CheckResult {
  if (e.probe === null)
    return {
      status: 'skip',
      summary: text('checks.space.https.notProbed.summary'),
      // The only reason anything is not probed is a missing URL (older bundles say so in English words).
      detail:
        e.notProbed === null
          ? text('checks.space.https.notProbed.nothing')
          : text('checks.space.https.notProbed.noUrl'),
      code: 'SPACE_HTTPS_NOT_PROBED',
    };
  const p = e.probe;
  const at = `${p.host}:${p.port}`;
  if (p.code === NetCodes.PLAIN_HTTP)
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_PLAIN_HTTP',
      summary: text('checks.space.https.plainHttp.summary', { at }),
      detail: p.message,
      remedy: text('checks.space.https.plainHttp.remedy', UI),
    };
  if (p.code === NetCodes.REFUSED)
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_NOTHING_LISTENING',
      summary: text('checks.space.https.refused.summary', { at }),
      detail: p.message,
      remedy: text('checks.space.https.refused.remedy', UI),
    };
  if (p.code === TlsProbeCodes.NO_ANSWER)
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_NO_ANSWER',
      summary: text('checks.space.https.noAnswer.summary', { at }),
      detail: p.message,
      remedy: text('checks.space.https.noAnswer.remedy'),
    };
  if (p.code !== TlsProbeCodes.OK || p.certificate === null) {
    return {
      status: 'fail',
      code: `SPACE_HTTPS_${p.code}`,
      summary: text('checks.space.https.noHandshake.summary', { at }),
      detail: p.message,
      remedy: text('checks.space.https.noHandshake.remedy'),
    };
  }
  const c = p.certificate;
  const now = new Date(e.collectedAt);
  const left = daysLeft(c, now);
  const f = new Set(tlsFindings(p, now));
  const facts = text('checks.space.https.facts', {
    subject: c.subject,
    issuer: c.issuer,
    names: listOf(c.subjectAltNames),
    validTo: Number.isNaN(left)
      ? c.validTo
      : text('checks.space.https.validToDays', { date: c.validTo, count: left }),
    fingerprint: c.fingerprint256,
    protocol: p.protocol ?? text('checks.space.https.unknownProtocol'),
  });
  if (f.has(TlsFindingCodes.MALFORMED))
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_CERT_MALFORMED',
      // The problems are the certificate reader's words ("valid_from: missing").
      summary: text('checks.space.https.malformed.summary', { at, problems: itemsOf(c.problems ?? []) }),
      detail: facts,
      remedy: text('checks.space.https.malformed.remedy', UI),
    };
  if (f.has(TlsFindingCodes.PIN_MISMATCH))
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_PIN_MISMATCH',
      summary: text('checks.space.https.pinMismatch.summary', {
        at,
        fingerprint: c.fingerprint256,
        accepted: e.acceptedFingerprint256 ?? text('checks.space.https.pinMismatch.seeAccepted'),
      }),
      detail: facts,
      remedy: text('checks.space.https.pinMismatch.remedy'),
    };
  if (f.has(TlsFindingCodes.EXPIRED))
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_CERT_EXPIRED',
      summary: text('checks.space.https.expired.summary', { at, count: -left }),
      detail: facts,
      remedy: text('checks.space.https.expired.remedy'),
    };
  if (f.has(TlsFindingCodes.NOT_YET_VALID))
    return {
      status: 'fail',
      code: 'SPACE_HTTPS_CERT_NOT_YET_VALID',
      summary: text('checks.space.https.notYetValid.summary'),
      detail: facts,
      remedy: text('checks.space.https.notYetValid.remedy'),
    };
  const warnings: Warning[] = [];
  if (f.has(TlsFindingCodes.NAME_MISMATCH))
    warnings.push({
      code: 'SPACE_HTTPS_NAME_MISMATCH',
      clause: text('checks.space.https.nameMismatch.clause', { name: p.expectedName }),
      remedy: text('checks.space.https.nameMismatch.remedy', {
        names: c.subjectAltNames.length > 0 ? listOf(c.subjectAltNames) : c.subject,
        name: p.expectedName,
      }),
    });
  if (f.has(TlsFindingCodes.CHAIN_UNTRUSTED) && p.pinMatches !== true)
    warnings.push({
      code: c.selfSigned ? 'SPACE_HTTPS_SELF_SIGNED' : 'SPACE_HTTPS_UNTRUSTED',
      clause: c.selfSigned
        ? text('checks.space.https.selfSigned.clause')
        : text('checks.space.https.untrusted.clause', {
            reason: p.chainError ?? text('checks.space.https.untrusted.unknownReason'),
          }),
      remedy: text('checks.space.https.untrusted.remedy', { fingerprint: c.fingerprint256 }),
    });
  if (f.has(TlsFindingCodes.CHAIN_UNTRUSTED) && p.pinMatches === true)
    warnings.push({
      code: 'SPACE_HTTPS_PINNED',
      clause: text('checks.space.https.pinned.clause'),
      remedy: text('checks.space.https.pinned.remedy'),
    });
  if (f.has(TlsFindingCodes.EXPIRES_SOON))
    warnings.push({
      code: 'SPACE_HTTPS_CERT_EXPIRES_SOON',
      clause: text('checks.space.https.expiresSoon.clause', { count: left }),
      remedy: text('checks.space.https.expiresSoon.remedy'),
    });
  if (f.has(TlsFindingCodes.OLD_PROTOCOL))
    warnings.push({
      code: 'SPACE_HTTPS_OLD_TLS',
      clause: text('checks.space.https.oldTls.clause', {
        protocol: p.protocol ?? text('checks.space.https.unknownProtocol'),
      }),
      remedy: text('checks.space.https.oldTls.remedy'),
    });
  const first = warnings[0];
  if (first !== undefined) {
    const remedy = sentencesOf(warnings.map((w) => w.remedy));
    return {
      status: 'warn',
      code: first.code,
      summary: text('checks.space.https.warn.summary', {
        at,
        findings: itemsOf(warnings.map((w) => w.clause)),
      }),
      detail: facts,
      ...(remedy ? { remedy } : {}),
    };
  }
  return {
    status: 'pass',
    code: 'SPACE_HTTPS_OK',
    summary:
      p.pinMatches === true
        ? text('checks.space.https.ok.summaryPinned', { at, count: left })
        : text('checks.space.https.ok.summary', { at, count: left }),
    detail: facts,
  };
}

export const spaceHttpsCheck: Check<SpaceHttpsEvidence> = {
  id: 'space.https',
  requires: ['spaceUrl'],
  title: text('checks.space.https.title'),
  evidenceSchema: SpaceHttpsEvidenceSchema,
  collect,
  evaluate: evaluateSpaceHttps,
};
