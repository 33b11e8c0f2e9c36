// The failures of one network exchange, each with a stable code, a sentence naming the endpoint and a remedy.
// Only error codes are read from Node's errors, never their (translated) messages.
import { AppError } from '../errors';
import type { CertificateInfo } from '../../../contract/certificate';
import type { Endpoint } from './endpoint';
import { hostInUrl } from '../../../contract/rules/url-host';

/** Stable codes of the network layer; the face and space clients map them into their own words where useful. */
export const NetCodes = {
  DNS: 'NET_DNS',
  REFUSED: 'NET_REFUSED',
  UNREACHABLE: 'NET_UNREACHABLE',
  CONNECT_TIMEOUT: 'NET_CONNECT_TIMEOUT',
  RESPONSE_TIMEOUT: 'NET_RESPONSE_TIMEOUT',
  DROPPED: 'NET_CONNECTION_DROPPED',
  BODY_TOO_LARGE: 'NET_BODY_TOO_LARGE',
  PLAIN_HTTP: 'NET_PLAIN_HTTP_ON_TLS_PORT',
  TLS_UNTRUSTED: 'TLS_UNTRUSTED',
  TLS_EXPIRED: 'TLS_EXPIRED',
  TLS_NAME_MISMATCH: 'TLS_NAME_MISMATCH',
  TLS_PIN_MISMATCH: 'TLS_PIN_MISMATCH',
  TLS_HANDSHAKE: 'TLS_HANDSHAKE_FAILED',
  /** The certificate has a missing or malformed field (e.g. a validity date that is not a date). */
  TLS_MALFORMED: 'TLS_CERT_MALFORMED',
  CANCELLED: 'CANCELLED',
} as const;

/** Maps a socket-level error to a stable code. Only error codes are read, never translated messages. */
export function classifySocketError(err: NodeJS.ErrnoException, ep: Endpoint, connected: boolean): AppError {
  const code = err.code ?? '';
  const at = where(ep);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL')
    return new AppError(NetCodes.DNS, { params: { host: ep.host }, detail: { host: ep.host } });
  if (code === 'ECONNREFUSED')
    return new AppError(NetCodes.REFUSED, {
      params: { where: at },
      detail: { host: ep.host, port: ep.port },
    });
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL')
    return new AppError(NetCodes.UNREACHABLE, {
      params: { where: at },
      detail: { host: ep.host, port: ep.port },
    });
  if (
    /^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST)$/.test(code) ||
    code === 'ERR_SSL_UNKNOWN_PROTOCOL'
  )
    return new AppError(NetCodes.PLAIN_HTTP, {
      params: { where: at },
      detail: { host: ep.host, port: ep.port },
    });
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO')
    return new AppError(NetCodes.TLS_HANDSHAKE, {
      params: { where: at, code },
      detail: { host: ep.host, port: ep.port, code },
    });
  // ECONNRESET, EPIPE, "socket hang up": the peer went away.
  return new AppError(NetCodes.DROPPED, {
    variant: connected ? 'answering' : 'opening',
    params: { where: at },
    detail: { host: ep.host, port: ep.port, code },
  });
}

export function tlsTrustError(reason: string, cert: CertificateInfo, ep: Endpoint): AppError {
  const detail = { host: ep.host, port: ep.port, reason, certificate: cert };
  if (reason === 'CERT_HAS_EXPIRED')
    return new AppError(NetCodes.TLS_EXPIRED, { params: { where: where(ep), date: cert.validTo }, detail });
  if (reason === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return new AppError(NetCodes.TLS_NAME_MISMATCH, {
      params: {
        where: where(ep),
        host: ep.host,
        names: (cert.subjectAltNames.join(', ') || cert.subject).slice(0, 400),
      },
      detail,
    });
  return new AppError(NetCodes.TLS_UNTRUSTED, { params: { where: where(ep), reason }, detail });
}

function where(ep: Endpoint): string {
  return `${hostInUrl(ep.host)}:${ep.port}`;
}

/** The connection opened but the answer did not come in time, or the connection itself did not open in time. */
export function deadlineError(signal: AbortSignal, ep: Endpoint, connected: boolean): AppError {
  if (signal.reason instanceof AppError) return signal.reason;
  return new AppError(connected ? NetCodes.RESPONSE_TIMEOUT : NetCodes.CONNECT_TIMEOUT, {
    params: { where: where(ep) },
    detail: { host: ep.host, port: ep.port },
  });
}

export function cancelled(): AppError {
  return new AppError(NetCodes.CANCELLED, { variant: 'request' });
}

export function noCertificate(ep: Endpoint): AppError {
  return new AppError(NetCodes.TLS_HANDSHAKE, {
    variant: 'noCertificate',
    params: { where: where(ep) },
    detail: { host: ep.host, port: ep.port },
  });
}

/** The certificate cannot be judged: a field is missing or malformed. Refused whatever trusts it (a pin proves identity, not sanity). */
export function malformedCertificate(ep: Endpoint, cert: CertificateInfo): AppError {
  return new AppError(NetCodes.TLS_MALFORMED, {
    params: { where: where(ep), problems: (cert.problems ?? []).join('; ') },
    detail: { host: ep.host, port: ep.port, problems: cert.problems ?? [], certificate: cert },
  });
}

/**
 * The server presented another certificate than the one the technician accepted; both fingerprints are named, since
 * the technician decides. `systemTrusts` says whether this machine would have trusted the new one on its own.
 */
export function pinMismatch(
  ep: Endpoint,
  pin: string,
  cert: CertificateInfo,
  systemTrusts = false,
): AppError {
  return new AppError(NetCodes.TLS_PIN_MISMATCH, {
    ...(systemTrusts ? { variant: 'systemTrusts' } : {}),
    params: { where: where(ep), actual: cert.fingerprint256, pin },
    detail: {
      host: ep.host,
      port: ep.port,
      expected: pin,
      actual: cert.fingerprint256,
      certificate: cert,
      systemTrusts,
    },
  });
}

/** How an answer broke the size limit: it announced too much, sent too much, or its headers were too long. */
export type TooLarge = { announced: number } | { sent: true } | { headers: true };

/** An answer over the size limit; `limit` is reported when one applies. */
export function tooLarge(ep: Endpoint, how: TooLarge, limit?: number): AppError {
  const variant = 'announced' in how ? 'announced' : 'sent' in how ? 'sent' : 'headers';
  return new AppError(NetCodes.BODY_TOO_LARGE, {
    variant,
    params: { where: where(ep), bytes: 'announced' in how ? how.announced : 0, max: limit ?? 0 },
    detail: limit === undefined ? { host: ep.host, port: ep.port } : { host: ep.host, port: ep.port, limit },
  });
}

/** Something answered on the port that does not speak HTTP. */
export function notHttp(ep: Endpoint, code: string): AppError {
  return new AppError(NetCodes.DROPPED, {
    variant: 'notHttp',
    params: { where: where(ep), code },
    detail: { host: ep.host, port: ep.port, code },
  });
}
