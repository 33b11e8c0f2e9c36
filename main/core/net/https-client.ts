// One bounded HTTP(S) exchange with explicit trust: the system store, or a certificate fingerprint the technician accepted.
//
// Why not fetch: the request must never be written to a socket whose certificate has not been verified
// (it may carry the SHIP key or a bearer token), every failure kind must be told apart, and bodies must be
// capped. So the TLS handshake is done first, judged, and only then is the HTTP request sent over it.
// Every failure's code, sentence and remedy are built in net-errors.ts.
import * as http from 'node:http';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { AppError } from '../errors';
import { type Endpoint, parseServiceUrl } from './endpoint';
import {
  cancelled,
  classifySocketError,
  deadlineError,
  malformedCertificate,
  noCertificate,
  notHttp,
  pinMismatch,
  tlsTrustError,
  tooLarge,
} from './net-errors';
import { type CertificateInfo } from '../../../contract/certificate';
import { describeCertificateFor } from './certificate';
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
  /** Told when the request is handed to the verified connection: from then on the server may act on it, whatever
   * happens to its answer (a write cancelled, cut or timed out after this may have been applied). */
  onSent?: () => void;
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
        // Everything below reads what the server sent: any surprise becomes a failure of this call, never an
        // exception thrown inside the TLS handler (that would crash the process or leave the caller waiting).
        try {
          const peer = s.getPeerCertificate(true);
          if (!peer || Object.keys(peer).length === 0) {
            s.destroy();
            reject(noCertificate(ep));
            return;
          }
          const cert = describeCertificateFor(peer, ep.host);
          if (cert.problems !== undefined) {
            s.destroy();
            reject(malformedCertificate(ep, cert));
            return;
          }
          const pin = trust?.pinnedFingerprint256
            ? normaliseFingerprint(trust.pinnedFingerprint256)
            : undefined;
          const session = (trustedBy: TlsSession['trustedBy']): TlsSession => ({
            certificate: cert,
            trustedBy,
            protocol: s.getProtocol(),
          });
          // A pin is exclusive: a pinned host is accepted only with that certificate, even when the system would
          // trust another (a TLS-inspection proxy, a wrongly issued certificate). The technician decides on a change.
          if (pin !== undefined) {
            if (pin === cert.fingerprint256) {
              resolve({ socket: s, tls: session('pin') });
            } else {
              s.destroy();
              reject(pinMismatch(ep, pin, cert, s.authorized));
            }
          } else if (s.authorized) {
            resolve({ socket: s, tls: session('system') });
          } else {
            s.destroy();
            reject(tlsTrustError(String(s.authorizationError ?? 'UNKNOWN'), cert, ep));
          }
        } catch (e) {
          s.destroy();
          reject(
            classifySocketError(
              Object.assign(new Error(String(e)), { code: 'ERR_TLS_PEER_CERTIFICATE' }),
              ep,
              false,
            ),
          );
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

/** Performs one request. Never retries: callers decide (only idempotent reads may be retried). */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const ep = typeof req.url === 'string' ? parseServiceUrl(req.url) : req.url;
  const maxBody = req.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), req.timeoutMs);
  const onCancel = (): void => deadline.abort(cancelled());
  if (req.signal?.aborted) {
    clearTimeout(timer);
    throw cancelled();
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
        fail(tooLarge(ep, { announced: declared }, maxBody));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBody) {
          fail(tooLarge(ep, { sent: true }, maxBody));
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
        fail(tooLarge(ep, { headers: true }));
      } else if (err.code?.startsWith('HPE_')) {
        fail(notHttp(ep, err.code));
      } else {
        fail(classifySocketError(err, ep, true));
      }
    });
    if (deadline.aborted) {
      onAbort();
      return;
    }
    deadline.addEventListener('abort', onAbort, { once: true });
    req.onSent?.();
    request.end(req.body);
  });
}
