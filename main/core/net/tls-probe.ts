// A bounded TLS handshake to host:port that reports what a technician needs: protocol, certificate, trust, name match.
//
// It also tells apart what is NOT a TLS service: plain HTTP on the port, nothing listening, a port that accepts
// but never answers the handshake. Nothing is sent after the handshake: this probe carries no secret.
import * as net from 'node:net';
import * as tls from 'node:tls';
import { text, type Text } from '../../../contract/text';
import { en } from '../../../messages/render';
import { AppError, invalidInput } from '../errors';
import { validateHost, validatePort } from './endpoint';
import { type CertificateInfo } from '../../../contract/certificate';
import { describeCertificate, describeCertificateFor } from './certificate';
import { canonicalFingerprint } from '../../../contract/rules/fingerprint';
import { classifySocketError, NetCodes } from './net-errors';

export const TlsProbeCodes = {
  OK: 'TLS_PROBE_OK',
  /** TCP connected, but no handshake answer before the deadline. */
  NO_ANSWER: 'TLS_PROBE_NO_ANSWER',
  NO_CERTIFICATE: 'TLS_PROBE_NO_CERTIFICATE',
} as const;

/** Findings about a certificate seen in a completed handshake. */
export const TlsFindingCodes = {
  EXPIRED: 'TLS_CERT_EXPIRED',
  NOT_YET_VALID: 'TLS_CERT_NOT_YET_VALID',
  EXPIRES_SOON: 'TLS_CERT_EXPIRES_SOON',
  SELF_SIGNED: 'TLS_CERT_SELF_SIGNED',
  CHAIN_UNTRUSTED: 'TLS_CHAIN_UNTRUSTED',
  NAME_MISMATCH: 'TLS_NAME_MISMATCH',
  PIN_MISMATCH: 'TLS_PIN_MISMATCH',
  OLD_PROTOCOL: 'TLS_OLD_PROTOCOL',
  /** A field of the certificate is missing or malformed (named in certificate.problems). */
  MALFORMED: 'TLS_CERT_MALFORMED',
} as const;

export type TlsFindingCode = (typeof TlsFindingCodes)[keyof typeof TlsFindingCodes];

/** Warn when fewer days than this remain. */
export const EXPIRY_WARN_DAYS = 30;

export interface TlsProbeOptions {
  host: string;
  port: number | string;
  /** The name XS4 Face will use to reach this server (SNI and name check). Defaults to host. */
  expectedName?: string | undefined;
  timeoutMs: number;
  extraCa?: string[] | undefined;
  /** A fingerprint the technician accepted earlier; reported as matching or not. */
  pinnedFingerprint256?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface TlsProbeResult {
  host: string;
  port: number;
  expectedName: string;
  /** TLS_PROBE_OK when a handshake completed; otherwise a NetCodes value or TLS_PROBE_NO_ANSWER / TLS_PROBE_NO_CERTIFICATE. */
  code: string;
  /** What happened, in words for people (any language). */
  says: Text;
  /** The same in English (logs, evidence read by older versions). */
  message: string;
  tcpConnected: boolean;
  protocol: string | null;
  cipher: string | null;
  certificate: CertificateInfo | null;
  /** Subjects from leaf to root as the server sent them. */
  chainSubjects: string[];
  /** Chain verified by the system store plus extraCa (the name is judged separately). */
  chainTrusted: boolean | null;
  chainError: string | null;
  nameMatches: boolean | null;
  pinMatches: boolean | null;
  elapsedMs: number;
}

function sameCert(a: tls.DetailedPeerCertificate, b: tls.DetailedPeerCertificate): boolean {
  return a.fingerprint256 === b.fingerprint256;
}

function chainOf(peer: tls.DetailedPeerCertificate): string[] {
  const out: string[] = [];
  let c: tls.DetailedPeerCertificate | undefined = peer;
  while (c && typeof c === 'object' && Object.keys(c).length > 0 && out.length < 10) {
    out.push(describeCertificate(c).subject);
    const next: tls.DetailedPeerCertificate | undefined = c.issuerCertificate;
    if (!next || sameCert(next, c)) break;
    c = next;
  }
  return out;
}

/** Runs the probe. Throws only for bad input (INVALID_INPUT) and cancellation (CANCELLED); every network outcome is a result. */
export async function probeTls(opts: TlsProbeOptions): Promise<TlsProbeResult> {
  const host = validateHost(opts.host, 'host');
  const port = validatePort(opts.port, 'port');
  const expectedName =
    opts.expectedName === undefined ? host : validateHost(opts.expectedName, 'expectedName');
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0 || opts.timeoutMs > 120_000)
    throw invalidInput('timeoutMs', text('rules.betweenMs', { min: 1, max: 120_000 }));
  const pin =
    opts.pinnedFingerprint256 === undefined ? undefined : canonicalFingerprint(opts.pinnedFingerprint256);
  if (pin === null) throw invalidInput('pinnedFingerprint256', text('rules.sha256Fingerprint'));
  if (opts.signal?.aborted) throw new AppError(NetCodes.CANCELLED, { variant: 'probe' });
  const ep = { protocol: 'https:' as const, host, port, path: '/', url: `https://${host}:${port}/` };
  const t0 = Date.now();
  const where = `${net.isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const result = (
    partial: Partial<Omit<TlsProbeResult, 'says' | 'message'>> & { code: string; says: Text },
  ): TlsProbeResult => ({
    host,
    port,
    expectedName,
    tcpConnected: false,
    protocol: null,
    cipher: null,
    certificate: null,
    chainSubjects: [],
    chainTrusted: null,
    chainError: null,
    nameMatches: null,
    pinMatches: null,
    elapsedMs: Date.now() - t0,
    ...partial,
    message: en(partial.says),
  });

  return new Promise((resolve, reject) => {
    let settled = false;
    let tcpConnected = false;
    let tlsSocket: tls.TLSSocket | undefined;
    const raw = net.connect({ host, port });
    const end = (): void => {
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onCancel);
      tlsSocket?.destroy();
      raw.destroy();
    };
    const finish = (r: TlsProbeResult): void => {
      if (settled) return;
      end();
      resolve(r);
    };
    const onCancel = (): void => {
      if (settled) return;
      end();
      reject(new AppError(NetCodes.CANCELLED, { variant: 'probe' }));
    };
    const timer = setTimeout(() => {
      if (tcpConnected) {
        finish(
          result({
            code: TlsProbeCodes.NO_ANSWER,
            says: text('net.probe.noAnswer', { where, ms: opts.timeoutMs }),
            tcpConnected,
          }),
        );
      } else {
        finish(
          result({
            code: NetCodes.CONNECT_TIMEOUT,
            says: text('net.probe.connectTimeout', { where, ms: opts.timeoutMs }),
          }),
        );
      }
    }, opts.timeoutMs);
    opts.signal?.addEventListener('abort', onCancel, { once: true });
    const onError = (err: NodeJS.ErrnoException): void => {
      const e = classifySocketError(err, ep, false);
      // classifySocketError speaks through the catalogs, so its message is a Text.
      finish(result({ code: e.code, says: e.texts().message as Text, tcpConnected }));
    };
    raw.once('error', onError);
    raw.once('connect', () => {
      tcpConnected = true;
      const extra = opts.extraCa ?? [];
      const s = tls.connect({
        socket: raw,
        servername: net.isIP(expectedName) === 0 ? expectedName : undefined,
        rejectUnauthorized: false,
        // The name is judged on its own below, so the chain verdict is not mixed with it.
        checkServerIdentity: () => undefined,
        ALPNProtocols: ['http/1.1'],
        ...(extra.length > 0 ? { ca: [...tls.rootCertificates, ...extra] } : {}),
      });
      tlsSocket = s;
      s.once('error', onError);
      s.once('secureConnect', () => {
        // What the server sent is read defensively: a surprise ends the probe with a result, never an exception
        // thrown inside the TLS handler.
        try {
          const peer = s.getPeerCertificate(true);
          if (!peer || Object.keys(peer).length === 0) {
            finish(
              result({
                code: TlsProbeCodes.NO_CERTIFICATE,
                says: text('net.probe.noCertificate', { where }),
                tcpConnected,
                protocol: s.getProtocol(),
              }),
            );
            return;
          }
          const cert = describeCertificateFor(peer, expectedName);
          const nameMatches = cert.namesMatch ?? null;
          finish(
            result({
              code: TlsProbeCodes.OK,
              says: text('net.probe.ok', { where, protocol: s.getProtocol() ?? '?' }),
              tcpConnected,
              protocol: s.getProtocol(),
              cipher: s.getCipher()?.name ?? null,
              certificate: cert,
              chainSubjects: chainOf(peer),
              chainTrusted: s.authorized,
              chainError: s.authorized ? null : String(s.authorizationError ?? 'UNKNOWN'),
              nameMatches,
              pinMatches: pin === undefined ? null : pin === cert.fingerprint256,
            }),
          );
        } catch (e) {
          finish(
            result({
              code: NetCodes.TLS_HANDSHAKE,
              says: text('net.probe.unreadable', {
                where,
                cause: (e instanceof Error ? e.message : String(e)).slice(0, 300),
              }),
              tcpConnected,
            }),
          );
        }
      });
    });
  });
}

/** Whole days from `now` until the certificate's end of validity (negative once expired). */
export function daysLeft(cert: CertificateInfo, now: Date): number {
  return Math.floor((Date.parse(cert.validTo) - now.getTime()) / 86_400_000);
}

/** The findings of a completed handshake, judged at `now` (pure). */
export function tlsFindings(
  r: Pick<TlsProbeResult, 'certificate' | 'chainTrusted' | 'nameMatches' | 'pinMatches' | 'protocol'>,
  now: Date,
): TlsFindingCode[] {
  const out: TlsFindingCode[] = [];
  const c = r.certificate;
  if (!c) return out;
  // An unreadable date is its own finding; comparing NaN would silently say "valid".
  if ((c.problems ?? []).length > 0) out.push(TlsFindingCodes.MALFORMED);
  const left = daysLeft(c, now);
  if (Date.parse(c.validTo) < now.getTime()) out.push(TlsFindingCodes.EXPIRED);
  else if (left < EXPIRY_WARN_DAYS) out.push(TlsFindingCodes.EXPIRES_SOON);
  if (Date.parse(c.validFrom) > now.getTime()) out.push(TlsFindingCodes.NOT_YET_VALID);
  if (c.selfSigned) out.push(TlsFindingCodes.SELF_SIGNED);
  if (r.chainTrusted === false) out.push(TlsFindingCodes.CHAIN_UNTRUSTED);
  if (r.nameMatches === false) out.push(TlsFindingCodes.NAME_MISMATCH);
  if (r.pinMatches === false) out.push(TlsFindingCodes.PIN_MISMATCH);
  if (r.protocol !== null && /^(SSLv|TLSv1(\.[01])?$)/.test(r.protocol))
    out.push(TlsFindingCodes.OLD_PROTOCOL);
  return out;
}
