// The failures of one network exchange, each with a stable code, a sentence naming the endpoint and a remedy.
// Only error codes are read from Node's errors, never their (translated) messages.
import { AppError } from '../errors';
import type { CertificateInfo } from '../../../contract/certificate';
import type { Endpoint } from './endpoint';

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
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new AppError(
      NetCodes.DNS,
      `The name ${ep.host} could not be resolved.`,
      'Check the spelling of the host name and the DNS server of this machine, or use the IP address.',
      { host: ep.host },
    );
  }
  if (code === 'ECONNREFUSED') {
    return new AppError(
      NetCodes.REFUSED,
      `Nothing accepts connections on ${at}.`,
      'Check that the service is running, the port is right and the firewall on the server allows it.',
      { host: ep.host, port: ep.port },
    );
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return new AppError(
      NetCodes.UNREACHABLE,
      `There is no network route to ${at}.`,
      'Check the address, the network cable or VM switch, and routing between the two servers.',
      { host: ep.host, port: ep.port },
    );
  }
  if (
    /^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST)$/.test(code) ||
    code === 'ERR_SSL_UNKNOWN_PROTOCOL'
  ) {
    return new AppError(
      NetCodes.PLAIN_HTTP,
      `${at} answers plain HTTP, not HTTPS.`,
      'Turn on HTTPS for this service, or use http:// only if the service is really meant to run without TLS.',
      { host: ep.host, port: ep.port },
    );
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO') {
    return new AppError(
      NetCodes.TLS_HANDSHAKE,
      `The TLS handshake with ${at} failed (${code}).`,
      'Check that the port serves HTTPS with a current TLS version (1.2 or 1.3).',
      { host: ep.host, port: ep.port, code },
    );
  }
  // ECONNRESET, EPIPE, "socket hang up": the peer went away.
  return new AppError(
    NetCodes.DROPPED,
    connected
      ? `${at} closed the connection before the answer was complete.`
      : `${at} closed the connection while it was being opened.`,
    'Try again; if it persists, check the service log on that server and any proxy or filter in between.',
    { host: ep.host, port: ep.port, code },
  );
}

export function tlsTrustError(reason: string, cert: CertificateInfo, ep: Endpoint): AppError {
  const detail = { host: ep.host, port: ep.port, reason, certificate: cert };
  if (reason === 'CERT_HAS_EXPIRED') {
    return new AppError(
      NetCodes.TLS_EXPIRED,
      `The certificate of ${where(ep)} expired on ${cert.validTo}.`,
      'Renew the certificate on that server, or accept this certificate explicitly if you know why it is expired.',
      detail,
    );
  }
  if (reason === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new AppError(
      NetCodes.TLS_NAME_MISMATCH,
      `The certificate of ${where(ep)} is not issued for the name ${ep.host}.`,
      `Use a name the certificate lists (${cert.subjectAltNames.join(', ') || cert.subject}), or accept this certificate explicitly.`,
      detail,
    );
  }
  return new AppError(
    NetCodes.TLS_UNTRUSTED,
    `The certificate of ${where(ep)} is not trusted by this machine (${reason}).`,
    'Compare the fingerprint with the one on the server, then accept it; or install the issuing CA on this machine.',
    detail,
  );
}

function where(ep: Endpoint): string {
  return `${ep.host}:${ep.port}`;
}

/** The connection opened but the answer did not come in time, or the connection itself did not open in time. */
export function deadlineError(signal: AbortSignal, ep: Endpoint, connected: boolean): AppError {
  if (signal.reason instanceof AppError) return signal.reason;
  return connected
    ? new AppError(
        NetCodes.RESPONSE_TIMEOUT,
        `${where(ep)} accepted the connection but did not answer in time.`,
        'The service may be hung or overloaded: restart it, or raise the timeout.',
        { host: ep.host, port: ep.port },
      )
    : new AppError(
        NetCodes.CONNECT_TIMEOUT,
        `No connection to ${where(ep)} could be opened in time.`,
        'Check the address, that the server is on, and that no firewall silently drops the traffic.',
        { host: ep.host, port: ep.port },
      );
}

export function cancelled(): AppError {
  return new AppError(NetCodes.CANCELLED, 'The request was cancelled.', 'Start it again when ready.');
}

export function noCertificate(ep: Endpoint): AppError {
  return new AppError(
    NetCodes.TLS_HANDSHAKE,
    `${where(ep)} presented no certificate.`,
    'Install a certificate for the HTTPS binding on that server.',
    { host: ep.host, port: ep.port },
  );
}

/** The certificate cannot be judged: a field is missing or malformed. Refused whatever trusts it (a pin proves identity, not sanity). */
export function malformedCertificate(ep: Endpoint, cert: CertificateInfo): AppError {
  const what = (cert.problems ?? []).join('; ');
  return new AppError(
    NetCodes.TLS_MALFORMED,
    `The certificate of ${where(ep)} is malformed (${what}), so nothing was sent.`,
    'Install a well-formed certificate for the HTTPS binding on that server (re-issue it); a certificate whose fields cannot be read cannot be checked.',
    { host: ep.host, port: ep.port, problems: cert.problems ?? [], certificate: cert },
  );
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
  return new AppError(
    NetCodes.TLS_PIN_MISMATCH,
    `${where(ep)} presented a different certificate (SHA-256 ${cert.fingerprint256}) than the one you accepted (SHA-256 ${pin})${systemTrusts ? ', although this machine trusts the new one' : ''}.`,
    'Someone replaced the certificate or is intercepting the connection. Compare the new fingerprint with the one on the server; accept the new certificate only if you know why it changed.',
    {
      host: ep.host,
      port: ep.port,
      expected: pin,
      actual: cert.fingerprint256,
      certificate: cert,
      systemTrusts,
    },
  );
}

/** An answer over the size limit: `what` says how ("sent more than … bytes"); `limit` is reported when one applies. */
export function tooLarge(ep: Endpoint, what: string, limit?: number): AppError {
  return new AppError(
    NetCodes.BODY_TOO_LARGE,
    `${where(ep)} ${what}.`,
    'Check that the URL points at the right service.',
    limit === undefined ? { host: ep.host, port: ep.port } : { host: ep.host, port: ep.port, limit },
  );
}

/** Something answered on the port that does not speak HTTP. */
export function notHttp(ep: Endpoint, code: string): AppError {
  return new AppError(
    NetCodes.DROPPED,
    `${where(ep)} answered with something that is not HTTP (${code}).`,
    'Check that the port belongs to the expected service.',
    { host: ep.host, port: ep.port, code },
  );
}
