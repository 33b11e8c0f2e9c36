// One bounded HTTP(S) exchange with explicit trust: the system store, or a certificate fingerprint the technician accepted.
//
// Why not fetch: the request must never be written to a socket whose certificate has not been verified
// (it may carry the SHIP key or a bearer token), every failure kind must be told apart, and bodies must be
// capped. So the TLS handshake is done first, judged, and only then is the HTTP request sent over it.
import * as http from 'node:http';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { AppError } from '../errors';
import { type Endpoint, parseServiceUrl } from './endpoint';
import { type CertificateInfo } from '../../../contract/certificate';
import { describeCertificate } from './certificate';
import { normaliseFingerprint } from '../../../contract/rules/fingerprint';
import { hostInUrl } from '../../../contract/rules/url-host';

export interface TrustPolicy {
  /** SHA-256 fingerprint (any case, colons optional) of a leaf certificate the technician accepted. */
  pinnedFingerprint256?: string | undefined;
  /** Extra CA certificates (PEM) trusted in addition to the system store. */
  extraCa?: string[] | undefined;
}

export interface HttpRequest {
  url: string | Endpoint;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query relative to the URL's path, e.g. "integrations?site=1". */
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Deadline for the whole exchange, connection included. */
  timeoutMs: number;
  /** Bodies larger than this are refused (hostile or confused servers). */
  maxBodyBytes?: number;
  trust?: TrustPolicy;
  signal?: AbortSignal;
}

export interface TlsSession {
  certificate: CertificateInfo;
  /** How the certificate was accepted. */
  trustedBy: 'system' | 'pin';
  protocol: string | null;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  tls: TlsSession | null;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Stable codes of this module; the face and space clients map them into their own words where useful. */
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
  CANCELLED: 'CANCELLED',
} as const;

function where(ep: Endpoint): string {
  return `${ep.host}:${ep.port}`;
}

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

function tlsTrustError(reason: string, cert: CertificateInfo, ep: Endpoint): AppError {
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

/** Opens the connection and, for HTTPS, completes and judges the handshake before anything is written. */
function connect(
  ep: Endpoint,
  trust: TrustPolicy | undefined,
  deadline: AbortSignal,
): Promise<{ socket: net.Socket; tls: TlsSession | null }> {
  return new Promise((resolve, reject) => {
    let socket: net.Socket;
    const onAbort = (): void => {
      socket.destroy();
      reject(deadlineError(deadline, ep, false));
    };
    const done = (): void => deadline.removeEventListener('abort', onAbort);
    if (ep.protocol === 'http:') {
      socket = net.connect({ host: ep.host, port: ep.port });
      socket.once('connect', () => {
        done();
        resolve({ socket, tls: null });
      });
    } else {
      const extra = trust?.extraCa ?? [];
      const s = tls.connect({
        host: ep.host,
        port: ep.port,
        servername: net.isIP(ep.host) === 0 ? ep.host : undefined,
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
        ...(extra.length > 0 ? { ca: [...tls.rootCertificates, ...extra] } : {}),
      });
      socket = s;
      s.once('secureConnect', () => {
        done();
        const peer = s.getPeerCertificate(true);
        if (!peer || Object.keys(peer).length === 0) {
          s.destroy();
          reject(
            new AppError(
              NetCodes.TLS_HANDSHAKE,
              `${where(ep)} presented no certificate.`,
              'Install a certificate for the HTTPS binding on that server.',
              { host: ep.host, port: ep.port },
            ),
          );
          return;
        }
        const cert = describeCertificate(peer);
        const pin = trust?.pinnedFingerprint256
          ? normaliseFingerprint(trust.pinnedFingerprint256)
          : undefined;
        const session = (trustedBy: TlsSession['trustedBy']): TlsSession => ({
          certificate: cert,
          trustedBy,
          protocol: s.getProtocol(),
        });
        if (pin !== undefined && pin === cert.fingerprint256) {
          resolve({ socket: s, tls: session('pin') });
        } else if (s.authorized) {
          resolve({ socket: s, tls: session('system') });
        } else {
          s.destroy();
          if (pin !== undefined) {
            reject(
              new AppError(
                NetCodes.TLS_PIN_MISMATCH,
                `${where(ep)} presented a different certificate than the one you accepted.`,
                'Someone replaced the certificate or is intercepting the connection. Check the server; accept the new certificate only if you know why it changed.',
                {
                  host: ep.host,
                  port: ep.port,
                  expected: pin,
                  actual: cert.fingerprint256,
                  certificate: cert,
                },
              ),
            );
          } else {
            reject(tlsTrustError(String(s.authorizationError ?? 'UNKNOWN'), cert, ep));
          }
        }
      });
    }
    socket.once('error', (err: NodeJS.ErrnoException) => {
      done();
      socket.destroy();
      reject(classifySocketError(err, ep, false));
    });
    if (deadline.aborted) onAbort();
    else deadline.addEventListener('abort', onAbort, { once: true });
  });
}

function deadlineError(signal: AbortSignal, ep: Endpoint, connected: boolean): AppError {
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

const CANCELLED = (): AppError =>
  new AppError(NetCodes.CANCELLED, 'The request was cancelled.', 'Start it again when ready.');

/** Performs one request. Never retries: callers decide (only idempotent reads may be retried). */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const ep = typeof req.url === 'string' ? parseServiceUrl(req.url) : req.url;
  const maxBody = req.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), req.timeoutMs);
  const onCancel = (): void => deadline.abort(CANCELLED());
  if (req.signal?.aborted) {
    clearTimeout(timer);
    throw CANCELLED();
  }
  req.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    const conn = await connect(ep, req.trust, deadline.signal);
    return await exchange(ep, req, conn.socket, conn.tls, maxBody, deadline.signal);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onCancel);
  }
}

function exchange(
  ep: Endpoint,
  req: HttpRequest,
  socket: net.Socket,
  session: TlsSession | null,
  maxBody: number,
  deadline: AbortSignal,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (e: AppError): void => {
      if (settled) return;
      settled = true;
      deadline.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(e);
    };
    const onAbort = (): void => {
      request.destroy();
      fail(deadlineError(deadline, ep, true));
    };
    const rel = (req.path ?? '').replace(/^\//, '');
    const headers: Record<string, string> = {
      Host: `${hostInUrl(ep.host)}:${ep.port}`,
      Connection: 'close',
      ...req.headers,
    };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const request = http.request({
      method: req.method ?? 'GET',
      path: `${ep.path}${rel}`,
      headers,
      createConnection: () => socket,
      // Node's own header limit keeps never-ending header lines bounded.
      maxHeaderSize: 16 * 1024,
    });
    request.on('response', (res) => {
      const declared = Number(res.headers['content-length'] ?? '0');
      if (declared > maxBody) {
        fail(
          new AppError(
            NetCodes.BODY_TOO_LARGE,
            `${where(ep)} announced a ${declared}-byte answer; at most ${maxBody} bytes are read.`,
            'Check that the URL points at the right service.',
            { host: ep.host, port: ep.port, limit: maxBody },
          ),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBody) {
          fail(
            new AppError(
              NetCodes.BODY_TOO_LARGE,
              `${where(ep)} sent more than ${maxBody} bytes.`,
              'Check that the URL points at the right service.',
              { host: ep.host, port: ep.port, limit: maxBody },
            ),
          );
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => {
        if (settled) return;
        if (!res.complete) {
          fail(classifySocketError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), ep, true));
          return;
        }
        settled = true;
        deadline.removeEventListener('abort', onAbort);
        socket.destroy();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          tls: session,
        });
      });
      res.on('error', (err: NodeJS.ErrnoException) => fail(classifySocketError(err, ep, true)));
      res.on('aborted', () =>
        fail(classifySocketError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), ep, true)),
      );
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'HPE_HEADER_OVERFLOW') {
        fail(
          new AppError(
            NetCodes.BODY_TOO_LARGE,
            `${where(ep)} sent oversized HTTP headers.`,
            'Check that the URL points at the right service.',
            { host: ep.host, port: ep.port },
          ),
        );
      } else if (err.code?.startsWith('HPE_')) {
        fail(
          new AppError(
            NetCodes.DROPPED,
            `${where(ep)} answered with something that is not HTTP (${err.code}).`,
            'Check that the port belongs to the expected service.',
            { host: ep.host, port: ep.port, code: err.code },
          ),
        );
      } else {
        fail(classifySocketError(err, ep, true));
      }
    });
    if (deadline.aborted) {
      onAbort();
      return;
    }
    deadline.addEventListener('abort', onAbort, { once: true });
    request.end(req.body);
  });
}
