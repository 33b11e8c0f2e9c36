// Stable FACE_* codes: the network layer's codes and HTTP answers turned into words a technician can act on.
import { text, type Text } from '../../../contract/text';
import { AppError, isAppError } from '../errors';
import { NetCodes } from '../net/net-errors';
import { stripControl } from './sanitize';

export const FaceCodes = {
  UNREACHABLE_DNS: 'FACE_UNREACHABLE_DNS',
  UNREACHABLE_REFUSED: 'FACE_UNREACHABLE_REFUSED',
  UNREACHABLE_NO_ROUTE: 'FACE_UNREACHABLE_NO_ROUTE',
  TIMEOUT: 'FACE_TIMEOUT',
  CONNECTION_DROPPED: 'FACE_CONNECTION_DROPPED',
  PLAIN_HTTP: 'FACE_PLAIN_HTTP',
  TLS_UNTRUSTED: 'FACE_TLS_UNTRUSTED',
  TLS_PIN_MISMATCH: 'FACE_TLS_PIN_MISMATCH',
  TLS_HANDSHAKE: 'FACE_TLS_HANDSHAKE',
  TLS_MALFORMED_CERTIFICATE: 'FACE_TLS_MALFORMED_CERTIFICATE',
  UNAUTHORIZED: 'FACE_UNAUTHORIZED',
  NOT_FOUND: 'FACE_NOT_FOUND',
  /** HTTP 429: the server asks the client to slow down. */
  BUSY: 'FACE_BUSY',
  REJECTED: 'FACE_REJECTED',
  SERVER_ERROR: 'FACE_SERVER_ERROR',
  BAD_RESPONSE: 'FACE_BAD_RESPONSE',
  WRITE_PENDING: 'FACE_WRITE_PENDING',
  WRITE_FAILED: 'FACE_WRITE_FAILED',
  WRITE_NOT_APPLIED: 'FACE_WRITE_NOT_APPLIED',
  /** A write was sent, then cancelled, cut or timed out before XS4 Face confirmed it: it may have been applied. */
  WRITE_UNCONFIRMED: 'FACE_WRITE_UNCONFIRMED',
  /** A write was cancelled before it was sent: XS4 Face was not changed. */
  WRITE_CANCELLED: 'FACE_WRITE_CANCELLED',
  /** Reading back after an unconfirmed write: XS4 Face does not hold the change. */
  WRITE_ABSENT: 'FACE_WRITE_ABSENT',
  SCRIPT_HASH_MISMATCH: 'FACE_SCRIPT_HASH_MISMATCH',
  SERVER_NOT_SELECTED: 'FACE_SERVER_NOT_SELECTED',
} as const;

/**
 * What each request is about, in words (its id stays in errors' detail.route and in pending-write progress): "the
 * request for {{route}}", "the change to {{route}}".
 */
const ROUTE_TEXTS = {
  'sign-in check': text('face.route.whoami'),
  'site list': text('face.route.sites'),
  'integration list': text('face.route.integrations'),
  'add integrations': text('face.route.addIntegrations'),
  'Space integration': text('face.route.spaceIntegration'),
  'Space server details': text('face.route.spaceDetails'),
  'Space General Options': text('face.route.generalOptions'),
  'reset authentication key': text('face.route.resetAuthKey'),
  'Enrollment Service settings': text('face.route.enrollment'),
  'change status': text('face.route.changeStatus'),
  change: text('face.route.change'),
  'Space Install Script': text('face.route.installScript'),
  'certificate check': text('face.route.certificate'),
} as const satisfies Record<string, Text>;

/** The id of one kind of request to the XS4 Face server (stable: detail.route, progress events). */
export type FaceRoute = keyof typeof ROUTE_TEXTS;

/** What a request is about, as words for a sentence. */
export function routeText(route: FaceRoute): Text {
  return ROUTE_TEXTS[route];
}

function netError(
  code: string,
  e: AppError,
  params: Record<string, Text | string>,
  d: Record<string, unknown>,
) {
  return new AppError(code, { params, detail: d, cause: e });
}

/** Maps an error of httpRequest into a FACE_* error, keeping the original code and facts in detail. */
export function fromNetError(e: unknown, route: FaceRoute): unknown {
  if (!isAppError(e)) return e;
  const d: Record<string, unknown> = { ...(e.detail ?? {}), netCode: e.code, route };
  const host = String(d.host);
  const port = String(d.port);
  switch (e.code) {
    case NetCodes.DNS:
      return netError(FaceCodes.UNREACHABLE_DNS, e, { host }, d);
    case NetCodes.REFUSED:
      return netError(FaceCodes.UNREACHABLE_REFUSED, e, { host, port }, d);
    case NetCodes.UNREACHABLE:
      return netError(FaceCodes.UNREACHABLE_NO_ROUTE, e, { host }, d);
    case NetCodes.CONNECT_TIMEOUT:
      return new AppError(FaceCodes.TIMEOUT, {
        variant: 'connect',
        detail: { ...d, phase: 'connect' },
        cause: e,
      });
    case NetCodes.RESPONSE_TIMEOUT:
      return new AppError(FaceCodes.TIMEOUT, {
        variant: 'response',
        detail: { ...d, phase: 'response' },
        cause: e,
      });
    case NetCodes.DROPPED:
      return netError(FaceCodes.CONNECTION_DROPPED, e, {}, d);
    case NetCodes.BODY_TOO_LARGE:
      return new AppError(FaceCodes.BAD_RESPONSE, {
        variant: 'tooLarge',
        detail: { ...d, reason: 'too-large' }, // not for people
        cause: e,
      });
    case NetCodes.PLAIN_HTTP:
      return netError(FaceCodes.PLAIN_HTTP, e, {}, d);
    case NetCodes.TLS_UNTRUSTED:
    case NetCodes.TLS_EXPIRED:
    case NetCodes.TLS_NAME_MISMATCH: {
      const cert = d.certificate as { fingerprint256?: string; validTo?: string } | undefined;
      const why =
        e.code === NetCodes.TLS_EXPIRED
          ? text('face.tlsWhy.expired', { date: String(cert?.validTo) })
          : e.code === NetCodes.TLS_NAME_MISMATCH
            ? text('face.tlsWhy.name', { host })
            : text('face.tlsWhy.issuer');
      return netError(FaceCodes.TLS_UNTRUSTED, e, { why, fingerprint: String(cert?.fingerprint256) }, d);
    }
    case NetCodes.TLS_PIN_MISMATCH:
      return netError(
        FaceCodes.TLS_PIN_MISMATCH,
        e,
        { actual: String(d.actual), expected: String(d.expected) },
        d,
      );
    case NetCodes.TLS_MALFORMED:
      return netError(
        FaceCodes.TLS_MALFORMED_CERTIFICATE,
        e,
        { problems: ((d.problems as string[] | undefined) ?? []).join('; ') },
        d,
      );
    case NetCodes.TLS_HANDSHAKE:
      return netError(FaceCodes.TLS_HANDSHAKE, e, {}, d);
    default:
      return e;
  }
}

/**
 * The server's own words about a failure, sanitised, shortened and without a final period (our sentence closes the
 * quotation, so "S.L." never becomes "S.L.."), as a sentence of ours; '' when it said nothing.
 */
export function serverWords(serverMessage: string | null | undefined): string {
  return stripControl(serverMessage ?? '')
    .trim()
    .slice(0, 200)
    .replace(/[\s.]+$/, '');
}

function serverSaid(serverMessage: string | undefined): Text | string {
  const said = serverWords(serverMessage);
  return said === '' ? '' : text('face.serverSaid', { text: said });
}

/** Maps a non-2xx HTTP answer. The server's own message is shown sanitised and shortened. */
export function fromHttpStatus(
  status: number,
  route: FaceRoute,
  serverMessage: string | undefined,
): AppError {
  const params = { status, route: routeText(route), said: serverSaid(serverMessage) };
  const detail = { status, route };
  if (status === 401 || status === 403) return new AppError(FaceCodes.UNAUTHORIZED, { params, detail });
  if (status === 404) return new AppError(FaceCodes.NOT_FOUND, { params, detail });
  if (status === 429) return new AppError(FaceCodes.BUSY, { params, detail });
  if (status >= 500) return new AppError(FaceCodes.SERVER_ERROR, { params, detail });
  return new AppError(FaceCodes.REJECTED, { params, detail });
}

/** An answer this client cannot read: `reason` says how (a sentence of face.badResponse.*), detail keeps the facts. */
export function badResponse(route: FaceRoute, reason: Text, extra: Record<string, unknown> = {}): AppError {
  return new AppError(FaceCodes.BAD_RESPONSE, {
    params: { route: routeText(route), reason },
    detail: { route, reason: reason.key, ...extra },
  });
}

/** Why a write that was sent has no answer: the technician cancelled, the connection was cut, or no answer in time. */
export type UnconfirmedReason = 'cancelled' | 'dropped' | 'timeout';

/** The failures after which a write that was sent may still have been applied by XS4 Face. */
export function unconfirmedReason(e: unknown): UnconfirmedReason | null {
  if (!isAppError(e)) return null;
  if (e.code === NetCodes.CANCELLED) return 'cancelled';
  if (e.code === FaceCodes.CONNECTION_DROPPED) return 'dropped';
  if (e.code === FaceCodes.TIMEOUT) return 'timeout';
  return null;
}

/** A write XS4 Face received (or may have received) without confirming it: say so, never "nothing happened". */
export function writeUnconfirmed(route: FaceRoute, reason: UnconfirmedReason, cause: unknown): AppError {
  const key = {
    cancelled: 'errors.FACE_WRITE_UNCONFIRMED.cancelled',
    dropped: 'errors.FACE_WRITE_UNCONFIRMED.dropped',
    timeout: 'errors.FACE_WRITE_UNCONFIRMED.timeout',
  }[reason];
  return new AppError(FaceCodes.WRITE_UNCONFIRMED, {
    key,
    params: { route: routeText(route) },
    detail: { route, reason },
    cause,
  });
}
