// SHIP over HTTP(S): one RequestCall per POST, and the read-only GetInfo probe that tells every failure kind apart.
//
// The key goes out only over a connection whose certificate was verified (system store or an accepted
// fingerprint). When it cannot be, the probe may repeat GetInfo WITHOUT the key over the same certificate,
// only to tell "SHIP is there" from "something else is there", and says it did so.
import { faceKeyFingerprint } from '../secrets/fingerprint';
import { text, type Text, type TextParam } from '../../../contract/text';
import { isSha256Fingerprint } from '../../../contract/rules/fingerprint';
import { AppError, invalidInput, isAppError } from '../errors';
import { validateShipKey } from '../secrets/ship-key';
import { type Endpoint, parseServiceUrl } from '../net/endpoint';
import { type HttpResponse, type TrustPolicy, httpRequest } from '../net/https-client';
import { NetCodes } from '../net/net-errors';
import { decodeBody } from '../net/charset';
import type { CertificateInfo } from '../../../contract/certificate';
import {
  SHIP_CONTENT_TYPE,
  SHIP_DATETIME_IS_LOCAL_TIME,
  SHIP_KEY_HEADER,
  SHIP_LIMITED_ADDRESS_STATUS,
  SUPPORTED_SHIP_PROTOCOL_VERSIONS,
  ShipExceptionCodes,
} from './space-assumptions';
import {
  buildRequestCall,
  type GetInfo,
  parseShipDateTime,
  parseShipResponse,
  readGetInfo,
  type ShipResponse,
  ShipXmlCodes,
} from './ship-xml';
import { describeOutcome, NET_TO_SHIP, type ShipCode, ShipCodes, TLS_SHIP_CODES } from './ship-outcomes';
import { sentencesOf } from '../../../messages/joins';

/** GetInfo answers are tiny; anything beyond this is not SHIP. */
export const SHIP_MAX_BODY_BYTES = 256 * 1024;

export interface ShipTarget {
  url: string;
  key?: string | undefined;
  trust?: TrustPolicy | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** The one SHIP key rule (contract/rules/ship-key.ts); re-exported so callers of the SHIP client find it here. */
export { validateShipKey };

/** Sends one RequestCall. The key header is added only when given; the caller's trust policy is enforced by httpRequest. */
export async function shipPost(
  ep: Endpoint,
  requestName: string,
  opts: Omit<ShipTarget, 'url'>,
  params: Record<string, string> = {},
): Promise<HttpResponse> {
  const headers: Record<string, string> = {
    'Content-Type': SHIP_CONTENT_TYPE,
    Accept: `${SHIP_CONTENT_TYPE}, application/xml;q=0.9, */*;q=0.1`,
  };
  if (opts.key !== undefined) {
    // httpRequest guarantees a verified certificate for https; over http nothing could be verified.
    if (ep.protocol !== 'https:') throw new AppError('SHIP_KEY_NEEDS_HTTPS', { detail: { url: ep.url } });
    headers[SHIP_KEY_HEADER] = validateShipKey(opts.key);
  }
  return httpRequest({
    url: ep,
    method: 'POST',
    headers,
    body: buildRequestCall(requestName, params),
    timeoutMs: opts.timeoutMs,
    maxBodyBytes: SHIP_MAX_BODY_BYTES,
    trust: opts.trust,
    signal: opts.signal,
  });
}

/** Why the key was not sent, when it was not. */
export type KeylessReason = 'no-key-given' | 'certificate-not-verified' | 'plain-http';

export interface ShipProbeResult {
  code: ShipCode;
  ok: boolean;
  /** What was found, and what to do about it (null when nothing is to be done): describeProbe of the facts below. */
  message: Text;
  remedy: Text | null;
  url: string;
  keySent: boolean;
  keyFingerprint: string | null;
  keylessReason: KeylessReason | null;
  httpStatus: number | null;
  contentType: string | null;
  /** How the certificate was accepted for the keyed request; null for plain HTTP or when the handshake failed. */
  trustedBy: 'system' | 'pin' | null;
  certificate: CertificateInfo | null;
  getInfo: GetInfo | null;
  protocolSupported: boolean | null;
  exception: { code: number; message: string } | null;
  /** Space time minus our time, seconds; null when Space's DateTime could not be read. */
  clockSkewSeconds: number | null;
  /**
   * After GetInfo answered (with the key, or without one given): the same request without any key. SHIP with custom
   * authentication refuses it (401); an answer means SHIP has no authentication. null when it was not made.
   */
  withoutKey?: { code: ShipCode; httpStatus: number | null } | null | undefined;
  /** When the certificate was not verified, or the port spoke plain HTTP: what a key-less GetInfo found there. */
  keylessProbe: { code: ShipCode; httpStatus: number | null; shipPresent: boolean } | null;
  /** The underlying network code, when the failure was below HTTP. */
  netCode: string | null;
  /** The charset the answer was decoded with (WHATWG name), when it was. */
  charset?: string | null | undefined;
  /** Why the answer could not be decoded (SHIP_UNDECODABLE): the decoder's sentence. */
  charsetProblem?: TextParam | null | undefined;
}

export interface ShipProbeOptions extends ShipTarget {
  /** Our clock; injected for tests. */
  now?: () => Date;
  /** Repeat GetInfo without the key when the certificate is not verified or the port is plain HTTP (default true). */
  keylessFallback?: boolean;
}

function looksHtml(body: string, contentType: string): boolean {
  return /html/i.test(contentType) || /^\s*(<!doctype html|<html)/i.test(body);
}

function looksXml(body: string, contentType: string): boolean {
  return /xml/i.test(contentType) || /^\s*(<\?xml|<RequestResponse)/.test(body);
}

interface Classified {
  code: ShipCode;
  response?: ShipResponse;
  getInfo?: GetInfo;
  charset?: string;
  charsetProblem?: TextParam;
}

/** Classifies one HTTP answer to a GetInfo (pure). */
export function classifyShipAnswer(
  status: number,
  contentType: string,
  body: Buffer,
  keySent: boolean,
  wwwAuthenticate = '',
): Classified {
  // A Basic challenge tells basic authentication apart from a refused (or missing) custom key.
  if (status === 401 && /(^|,)\s*basic\b/i.test(wwwAuthenticate)) return { code: ShipCodes.BASIC_AUTH };
  if (status === 401) return { code: keySent ? ShipCodes.UNAUTHORIZED : ShipCodes.KEY_REQUIRED };
  if (status === SHIP_LIMITED_ADDRESS_STATUS) return { code: ShipCodes.FORBIDDEN };
  if (status === 501) return { code: ShipCodes.HTTP_TRANSPORT_DISABLED };
  if (status === 415) return { code: ShipCodes.VERSION_UNSUPPORTED };
  // Decoded by what the answer declares (BOM, Content-Type charset, XML declaration). When that fails, a Latin-1
  // view of the bytes is still good enough to tell HTML from XML; only a SHIP answer is then reported as undecodable.
  let text: string;
  let charset: string | undefined;
  let charsetProblem: TextParam | undefined;
  try {
    const d = decodeBody(body, contentType, /html/i.test(contentType) ? 'html' : 'xml');
    text = d.text;
    charset = d.encoding;
  } catch (e) {
    text = body.toString('latin1');
    // A foreign error (not an AppError) is quoted in its own words.
    charsetProblem = isAppError(e) ? e.texts().message : String(e);
  }
  if (looksHtml(text, contentType)) return { code: ShipCodes.NOT_SHIP };
  if (status === 404 || status === 405) return { code: ShipCodes.NOT_SHIP };
  if (status !== 200)
    return { code: looksXml(text, contentType) ? ShipCodes.UNEXPECTED_STATUS : ShipCodes.NOT_SHIP };
  if (!looksXml(text, contentType)) return { code: ShipCodes.NOT_SHIP };
  if (charsetProblem !== undefined) return { code: ShipCodes.UNDECODABLE, charsetProblem };
  let res: ShipResponse;
  try {
    res = parseShipResponse(text);
  } catch (e) {
    if (isAppError(e) && e.code === ShipXmlCodes.UNEXPECTED)
      return { code: ShipCodes.NOT_SHIP, ...(charset ? { charset } : {}) };
    return { code: ShipCodes.MALFORMED_RESPONSE, ...(charset ? { charset } : {}) };
  }
  const ex = res.exception;
  const cs = charset ? { charset } : {};
  if (ex && ex.code !== ShipExceptionCodes.OK) {
    if (ex.code === ShipExceptionCodes.LICENCE_FEATURE_NOT_SUPPORTED)
      return { code: ShipCodes.LICENCE_MISSING, response: res, ...cs };
    if (ex.code === ShipExceptionCodes.LICENCE_CONSTRAINT)
      return { code: ShipCodes.LICENCE_CONSTRAINT, response: res, ...cs };
    return { code: ShipCodes.EXCEPTION, response: res, ...cs };
  }
  try {
    return { code: ShipCodes.OK, response: res, getInfo: readGetInfo(res), ...cs };
  } catch {
    return { code: ShipCodes.MALFORMED_RESPONSE, response: res, ...cs };
  }
}

/** Space time (its local wall clock, read in our zone — the app runs on the Space server) minus ours, in seconds. */
export function clockSkewSeconds(spaceDateTime: string, now: Date): number | null {
  const p = parseShipDateTime(spaceDateTime);
  if (!p) return null;
  const t = SHIP_DATETIME_IS_LOCAL_TIME
    ? new Date(p.y, p.mo - 1, p.d, p.h, p.mi, p.se).getTime()
    : Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.se);
  if (Number.isNaN(t)) return null;
  // "|| 0" turns -0 into 0: evidence must survive a JSON round trip unchanged.
  return Math.round((t - now.getTime()) / 1000) || 0;
}

function blank(ep: Endpoint, key: string | undefined): ShipProbeResult {
  return {
    code: ShipCodes.OK,
    ok: false,
    message: text('space.ship.notProbed'),
    remedy: null,
    url: ep.url,
    keySent: false,
    keyFingerprint: key === undefined ? null : faceKeyFingerprint(key),
    keylessReason: null,
    httpStatus: null,
    contentType: null,
    trustedBy: null,
    certificate: null,
    getInfo: null,
    protocolSupported: null,
    exception: null,
    clockSkewSeconds: null,
    keylessProbe: null,
    withoutKey: null,
    netCode: null,
    charset: null,
    charsetProblem: null,
  };
}

/** "host:port/path" of a SHIP URL, as the probe's sentences name it (the URL itself when it cannot be read). */
export function shipWhere(url: string): string {
  try {
    const ep = parseServiceUrl(url, 'spaceUrl');
    return `${ep.host}:${ep.port}${ep.path === '/' ? '' : ep.path}`;
  } catch {
    return url;
  }
}

/** The facts a probe result records, as the sentences that say them (recorded evidence reads the same in any language). */
type ProbeFacts = Pick<
  ShipProbeResult,
  | 'code'
  | 'url'
  | 'keySent'
  | 'keylessReason'
  | 'httpStatus'
  | 'certificate'
  | 'getInfo'
  | 'exception'
  | 'netCode'
> &
  Partial<Pick<ShipProbeResult, 'keylessProbe' | 'charsetProblem'>>;

/** What a probe found and what to do about it, from its recorded facts (pure). */
export function describeProbe(r: ProbeFacts): { message: Text; remedy: Text | null } {
  const d = describeOutcome(r.code, {
    where: shipWhere(r.url),
    keySent: r.keySent,
    httpStatus: r.httpStatus,
    ...(r.exception ? { exceptionCode: r.exception.code, exceptionMessage: r.exception.message } : {}),
    ...(r.getInfo ? { protocolVersion: r.getInfo.protocolVersion } : {}),
    ...(r.netCode ? { netMessage: r.netCode } : {}),
    ...(r.certificate?.problems ? { certificateProblems: r.certificate.problems } : {}),
    ...(r.charsetProblem ? { charsetProblem: r.charsetProblem } : {}),
  });
  let keyless: Text | undefined;
  if (r.keylessProbe) {
    const plain = r.keylessReason === 'plain-http';
    const code = r.keylessProbe.code;
    if (r.keylessProbe.shipPresent)
      keyless = plain
        ? text('space.ship.keyless.plainHttpShip', { code })
        : text('space.ship.keyless.certificateShip', { code });
    else
      keyless = plain
        ? text('space.ship.keyless.plainHttpNotShip', { code })
        : text('space.ship.keyless.certificateNotShip', { code });
  } else if (r.keylessReason !== null && r.code !== ShipCodes.OK) {
    keyless = text('space.ship.keyless.notSent');
  }
  return { message: sentencesOf([d.message, keyless]) ?? d.message, remedy: d.remedy };
}

function finish(r: ShipProbeResult): ShipProbeResult {
  return { ...r, ok: r.code === ShipCodes.OK, ...describeProbe(r) };
}

const SHIP_PRESENT: ReadonlySet<ShipCode> = new Set([
  ShipCodes.OK,
  ShipCodes.NO_AUTHENTICATION,
  ShipCodes.BASIC_AUTH,
  ShipCodes.FORBIDDEN,
  ShipCodes.KEY_REQUIRED,
  ShipCodes.UNAUTHORIZED,
  ShipCodes.HTTP_TRANSPORT_DISABLED,
  ShipCodes.VERSION_UNSUPPORTED,
  ShipCodes.LICENCE_MISSING,
  ShipCodes.LICENCE_CONSTRAINT,
  ShipCodes.EXCEPTION,
]);

const POST_WRITE_FAILURES: ReadonlySet<string> = new Set([
  NetCodes.RESPONSE_TIMEOUT,
  NetCodes.DROPPED,
  NetCodes.BODY_TOO_LARGE,
]);

async function attempt(
  ep: Endpoint,
  opts: ShipTarget,
  sendKey: boolean,
  now: () => Date,
  base: ShipProbeResult,
): Promise<ShipProbeResult> {
  const r: ShipProbeResult = { ...base, keySent: false };
  try {
    const res = await shipPost(ep, 'GetInfo', { ...opts, key: sendKey ? opts.key : undefined });
    const contentType = String(res.headers['content-type'] ?? '');
    const challenge = res.headers['www-authenticate'];
    const c = classifyShipAnswer(
      res.status,
      contentType,
      res.body,
      sendKey && opts.key !== undefined,
      Array.isArray(challenge) ? challenge.join(', ') : (challenge ?? ''),
    );
    r.keySent = sendKey && opts.key !== undefined;
    r.httpStatus = res.status;
    r.contentType = contentType || null;
    r.trustedBy = res.tls?.trustedBy ?? null;
    r.certificate = res.tls?.certificate ?? null;
    r.code = c.code;
    r.charset = c.charset ?? null;
    r.charsetProblem = c.charsetProblem ?? null;
    if (c.response?.exception) r.exception = c.response.exception;
    if (c.getInfo) {
      r.getInfo = c.getInfo;
      r.protocolSupported = (SUPPORTED_SHIP_PROTOCOL_VERSIONS as readonly string[]).includes(
        c.getInfo.protocolVersion,
      );
      r.clockSkewSeconds = clockSkewSeconds(c.getInfo.dateTime, now());
    }
    return r;
  } catch (e) {
    if (!isAppError(e) || e.code === NetCodes.CANCELLED) throw e;
    const mapped = NET_TO_SHIP[e.code];
    if (mapped === undefined) throw e;
    r.code = mapped;
    r.netCode = e.code;
    // These fail after the connection was judged and the request written: the key went out (to the
    // verified server). Saying so is the safe direction for a secret.
    if (sendKey && opts.key !== undefined && POST_WRITE_FAILURES.has(e.code)) r.keySent = true;
    const cert = e.detail?.certificate as CertificateInfo | undefined;
    if (cert) r.certificate = cert;
    return r;
  }
}

/**
 * Probes SHIP with GetInfo. Never throws for what the server does (every answer and failure is an outcome);
 * throws AppError INVALID_INPUT for bad input and CANCELLED when the caller's signal fires.
 */
export async function probeShip(opts: ShipProbeOptions): Promise<ShipProbeResult> {
  const ep = parseServiceUrl(opts.url, 'spaceUrl');
  if (opts.key !== undefined) validateShipKey(opts.key);
  if (
    opts.trust?.pinnedFingerprint256 !== undefined &&
    !isSha256Fingerprint(opts.trust.pinnedFingerprint256)
  ) {
    throw invalidInput('spacePinnedFingerprint256', text('rules.sha256Fingerprint'));
  }
  const now = opts.now ?? (() => new Date());
  const base = blank(ep, opts.key);

  if (ep.protocol === 'http:') {
    // The key never travels in plain text: probe key-less only to tell what is there.
    const r = await attempt(ep, opts, false, now, base);
    r.keylessReason = 'plain-http';
    if (SHIP_PRESENT.has(r.code)) {
      r.keylessProbe = { code: r.code, httpStatus: r.httpStatus, shipPresent: true };
      r.code = ShipCodes.PLAIN_HTTP;
    }
    return finish(r);
  }

  // One budget for the whole probe: the key-less fallback only gets what the first request left.
  const deadline = Date.now() + opts.timeoutMs;
  const r = await attempt(ep, opts, true, now, base);
  if (opts.key === undefined) r.keylessReason = 'no-key-given';
  else if (r.code === ShipCodes.PLAIN_HTTP) r.keylessReason = 'plain-http';
  else if (TLS_SHIP_CODES.has(r.code)) r.keylessReason = 'certificate-not-verified';
  const left = deadline - Date.now();
  if (r.code === ShipCodes.PLAIN_HTTP && opts.keylessFallback !== false && left >= 100) {
    // HTTPS was expected but the port speaks HTTP: ask key-less over HTTP whether SHIP is behind it.
    const plainEp = parseServiceUrl(ep.url.replace(/^https:/, 'http:'), 'spaceUrl');
    const k = await attempt(plainEp, { ...opts, key: undefined, timeoutMs: left }, false, now, base);
    r.keylessProbe = { code: k.code, httpStatus: k.httpStatus, shipPresent: SHIP_PRESENT.has(k.code) };
  }
  if (r.code === ShipCodes.OK && opts.key === undefined) {
    // Nothing was sent and SHIP answered: that alone shows it has no authentication.
    r.withoutKey = { code: ShipCodes.OK, httpStatus: r.httpStatus };
    r.code = ShipCodes.NO_AUTHENTICATION;
  } else if (r.code === ShipCodes.OK && r.keySent) {
    // Verified, not assumed: ask once more without the key, over the same verified connection rules.
    const budget = deadline - Date.now();
    if (budget >= 100) {
      const k = await attempt(ep, { ...opts, key: undefined, timeoutMs: budget }, false, now, base);
      r.withoutKey = { code: k.code, httpStatus: k.httpStatus };
      if (k.code === ShipCodes.OK) r.code = ShipCodes.NO_AUTHENTICATION;
    }
  }
  if (
    TLS_SHIP_CODES.has(r.code) &&
    r.code !== ShipCodes.TLS_PIN_MISMATCH &&
    opts.keylessFallback !== false &&
    r.certificate &&
    left >= 100
  ) {
    // Pin the certificate just seen for this one key-less request: it proves nothing about identity,
    // it only lets us see whether SHIP answers on this port. A replaced pinned certificate gets no
    // request at all: that may be an interception.
    const k = await attempt(
      ep,
      {
        ...opts,
        key: undefined,
        timeoutMs: left,
        trust: { pinnedFingerprint256: r.certificate.fingerprint256 },
      },
      false,
      now,
      base,
    );
    r.keylessProbe = { code: k.code, httpStatus: k.httpStatus, shipPresent: SHIP_PRESENT.has(k.code) };
  }
  return finish(r);
}
