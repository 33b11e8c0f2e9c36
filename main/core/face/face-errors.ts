// Stable FACE_* codes: the network layer's codes and HTTP answers turned into words a technician can act on.
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

const SERVER = 'the XS4 Face server';

/** Maps an error of httpRequest into a FACE_* error, keeping the original code and facts in detail. */
export function fromNetError(e: unknown, route: string): unknown {
  if (!isAppError(e)) return e;
  const d: Record<string, unknown> = { ...(e.detail ?? {}), netCode: e.code, route };
  switch (e.code) {
    case NetCodes.DNS:
      return new AppError(
        FaceCodes.UNREACHABLE_DNS,
        `The name of ${SERVER} could not be resolved (${String(d.host)}).`,
        "Check the spelling of the XS4 Face address and this machine's DNS server, or use its IP address.",
        d,
        e,
      );
    case NetCodes.REFUSED:
      return new AppError(
        FaceCodes.UNREACHABLE_REFUSED,
        `${SERVER} refused the connection on ${String(d.host)}:${String(d.port)}.`,
        'Check that the XS4 Face VM is running, that the port is 443 (or the one it serves), and that its firewall allows inbound TCP/443.',
        d,
        e,
      );
    case NetCodes.UNREACHABLE:
      return new AppError(
        FaceCodes.UNREACHABLE_NO_ROUTE,
        `There is no network route to ${SERVER} (${String(d.host)}).`,
        'Check the address and the Hyper-V virtual switch or network between this server and XS4 Face.',
        d,
        e,
      );
    case NetCodes.CONNECT_TIMEOUT:
    case NetCodes.RESPONSE_TIMEOUT:
      return new AppError(
        FaceCodes.TIMEOUT,
        e.code === NetCodes.CONNECT_TIMEOUT
          ? `${SERVER} did not complete the connection in time.`
          : `${SERVER} accepted the connection but did not answer in time.`,
        'Check that XS4 Face is running and not overloaded, and that no firewall silently drops the traffic; then try again.',
        { ...d, phase: e.code === NetCodes.CONNECT_TIMEOUT ? 'connect' : 'response' },
        e,
      );
    case NetCodes.DROPPED:
      return new AppError(
        FaceCodes.CONNECTION_DROPPED,
        `${SERVER} closed the connection before its answer was complete.`,
        'Try again; if it persists, check the XS4 Face server and any proxy in between.',
        d,
        e,
      );
    case NetCodes.BODY_TOO_LARGE:
      return new AppError(
        FaceCodes.BAD_RESPONSE,
        `${SERVER} sent a larger answer than this contract allows.`,
        'Check that the address points at the XS4 Face server and not another web service.',
        { ...d, reason: 'too-large' },
        e,
      );
    case NetCodes.PLAIN_HTTP:
      return new AppError(
        FaceCodes.PLAIN_HTTP,
        `${SERVER} answered plain HTTP where HTTPS was expected.`,
        'Use the HTTPS address of XS4 Face (port 443).',
        d,
        e,
      );
    case NetCodes.TLS_UNTRUSTED:
    case NetCodes.TLS_EXPIRED:
    case NetCodes.TLS_NAME_MISMATCH: {
      const cert = d.certificate as { fingerprint256?: string; validTo?: string } | undefined;
      const why =
        e.code === NetCodes.TLS_EXPIRED
          ? `it expired on ${String(cert?.validTo)}`
          : e.code === NetCodes.TLS_NAME_MISMATCH
            ? `it is not issued for the name ${String(d.host)}`
            : 'this machine does not trust its issuer';
      return new AppError(
        FaceCodes.TLS_UNTRUSTED,
        `The certificate of ${SERVER} is not trusted: ${why}. SHA-256 ${String(cert?.fingerprint256)}.`,
        'Compare the fingerprint with the one shown on the XS4 Face server; accept it only if they match (or install the issuing CA on this machine).',
        d,
        e,
      );
    }
    case NetCodes.TLS_PIN_MISMATCH:
      return new AppError(
        FaceCodes.TLS_PIN_MISMATCH,
        `The XS4 Face server presented a different certificate (${String(d.actual)}) than the one accepted before (${String(d.expected)}).`,
        'The certificate was replaced or someone is intercepting the connection. Check the XS4 Face server; accept the new certificate only if you know why it changed.',
        d,
        e,
      );
    case NetCodes.TLS_MALFORMED:
      return new AppError(
        FaceCodes.TLS_MALFORMED_CERTIFICATE,
        `The certificate of ${SERVER} is malformed (${((d.problems as string[] | undefined) ?? []).join('; ')}); nothing was sent to it.`,
        'Install a well-formed certificate on the XS4 Face server (re-issue it), then connect again.',
        d,
        e,
      );
    case NetCodes.TLS_HANDSHAKE:
      return new AppError(
        FaceCodes.TLS_HANDSHAKE,
        `The TLS handshake with ${SERVER} failed.`,
        'Check that the address serves HTTPS with TLS 1.2 or 1.3.',
        d,
        e,
      );
    default:
      return e;
  }
}

/** Maps a non-2xx HTTP answer. The server's own message is shown sanitised and shortened. */
export function fromHttpStatus(status: number, route: string, serverMessage: string | undefined): AppError {
  const said = serverMessage ? ` The server said: "${stripControl(serverMessage).slice(0, 200)}".` : '';
  const d = { status, route };
  if (status === 401 || status === 403) {
    return new AppError(
      FaceCodes.UNAUTHORIZED,
      `${SERVER} refused the sign-in (HTTP ${status}).${said}`,
      'Sign in to the XS4 Face Console again with an account that manages this site, then retry.',
      d,
    );
  }
  if (status === 404) {
    return new AppError(
      FaceCodes.NOT_FOUND,
      `${SERVER} does not know ${route} (HTTP 404).${said}`,
      'Check the selected site and server, and that the XS4 Face server speaks contract version 1.',
      d,
    );
  }
  if (status >= 500) {
    return new AppError(
      FaceCodes.SERVER_ERROR,
      `${SERVER} failed while handling ${route} (HTTP ${status}).${said}`,
      'Try again in a minute; if it persists, check the XS4 Face server health in the Console.',
      d,
    );
  }
  return new AppError(
    FaceCodes.REJECTED,
    `${SERVER} rejected ${route} (HTTP ${status}).${said}`,
    "Check the values entered; the server's message names the problem.",
    d,
  );
}

export function badResponse(route: string, reason: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(
    FaceCodes.BAD_RESPONSE,
    `${SERVER} answered ${route} with something this app cannot read (${reason}).`,
    'Check that the address points at the XS4 Face server and that it speaks contract version 1.',
    { route, reason, ...extra },
  );
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
export function writeUnconfirmed(route: string, reason: UnconfirmedReason, cause: unknown): AppError {
  const why =
    reason === 'cancelled'
      ? `The operation was cancelled while ${SERVER} was handling the change (${route})`
      : reason === 'dropped'
        ? `The connection to ${SERVER} ended before it confirmed the change (${route})`
        : `${SERVER} did not confirm the change (${route}) in time`;
  return new AppError(
    FaceCodes.WRITE_UNCONFIRMED,
    `${why}: it may have been applied.`,
    'Check what XS4 Face holds now (the assistant reads it back) before saving again.',
    { route, reason },
    cause,
  );
}
