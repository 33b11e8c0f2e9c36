// An in-process simulator of Salto Space's HTTPS web service + SHIP over HTTP(S), on 127.0.0.1, failing the way Space does.
//
// One TCP listener; each connection is routed to TLS or plain HTTP according to the current state, so HTTPS,
// the certificate, SHIP settings, licence and keys can change at run time (setState or the admin endpoint).
// The SHIP key it receives is kept only as a fingerprint.
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { makeCa, makeCert, malformedDateCert, type Pem } from './certs';
import { formatShipDateTime, SHIP_CONTENT_TYPE, SHIP_KEY_HEADER } from './wire';
import { faceKeyFingerprint } from '../../main/core/secrets/fingerprint';

export const CERT_KINDS = ['valid', 'self-signed', 'expired', 'wrong-name', 'malformed'] as const;
/** The charsets the simulator answers in, declared in the Content-Type and the XML declaration (UTF-16 with a BOM). */
export const SIM_CHARSETS = ['utf-8', 'utf-16le', 'utf-16be', 'iso-8859-1', 'windows-1252'] as const;
/** Languages whose exception messages the simulator knows (Space answers in its default language). */
export const SIM_LANGUAGES = ['eng', 'spa'] as const;

export const SpaceSimStateSchema = z
  .object({
    https: z.boolean(),
    certificate: z.enum(CERT_KINDS),
    shipEnabled: z.boolean(),
    licence: z.enum(['present', 'missing', 'constrained']),
    transport: z.enum(['https', 'stp-only']),
    /** SHIP tab › authentication: none, basic (HTTP Basic, the key as password) or custom (the Salto-SHIP-Key header). */
    auth: z.enum(['none', 'basic', 'custom']),
    /**
     * SHIP tab › "Limit communications to one server": the one address SHIP answers; others get 403 with no body
     * (assumed, docs/assumptions.md). null = off.
     */
    limitTo: z.union([z.ipv4(), z.ipv6()]).nullable(),
    /** The key typed in Space's SHIP tab (custom authentication; the password of basic). Never logged, never returned. */
    key: z.string().min(1).max(512).nullable(),
    protocolVersion: z.string().min(1).max(16),
    /** Space's own version: HTTPS with custom auth answers 415 below 6.4.4.0 (integrator guides). */
    spaceVersion: z.string().regex(/^\d+(\.\d+){0,3}$/),
    defaultLanguage: z.string().min(1).max(8),
    /** Added to the simulator's clock for GetInfo's DateTime. */
    clockOffsetSeconds: z
      .number()
      .int()
      .min(-10 * 365 * 86400)
      .max(10 * 365 * 86400),
    /** Added before every SHIP or page answer (benchmarks and slow-network tests); the admin endpoint answers at once. */
    latencyMs: z.number().int().min(0).max(600_000),
    /** What a technician typed into General options › Face recognition. */
    faceRecognition: z.record(z.string().max(100), z.string().max(2000)),
    /** The charset SHIP answers are written in. */
    charset: z.enum(SIM_CHARSETS),
  })
  .strict();

export type SpaceSimState = z.infer<typeof SpaceSimStateSchema>;
export const SpaceSimPatchSchema = SpaceSimStateSchema.partial();
export type SpaceSimPatch = z.infer<typeof SpaceSimPatchSchema>;

export const DEFAULT_SPACE_SIM_STATE: SpaceSimState = {
  https: true,
  certificate: 'self-signed',
  shipEnabled: true,
  licence: 'present',
  transport: 'https',
  auth: 'custom',
  limitTo: null,
  key: null,
  protocolVersion: '1.0',
  spaceVersion: '6.10.0.0',
  defaultLanguage: 'eng',
  clockOffsetSeconds: 0,
  latencyMs: 0,
  faceRecognition: {},
  charset: 'utf-8',
};

export interface SpaceSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  state?: SpaceSimPatch;
  /** Injected clock (GetInfo's DateTime). */
  now?: () => Date;
}

export interface SpaceSimulator {
  readonly url: string;
  readonly port: number;
  /** SHA-256 fingerprint of the certificate currently served (upper-case, colon-separated). */
  readonly fingerprint256: string;
  /** The CA that issued the "valid", "expired" and "wrong-name" certificates (pass as extraCa). */
  readonly caCert: string;
  /** First 8 hex of SHA-256 of the last Salto-SHIP-Key received, or null. */
  readonly lastKeyFingerprint: string | null;
  /** Number of SHIP requests received that carried a key header. */
  readonly keyedRequests: number;
  state(): Omit<SpaceSimState, 'key'> & { keyFingerprint: string | null };
  setState(patch: SpaceSimPatch): void;
  close(): Promise<void>;
}

const ADMIN_PATH = '/__sim/state';
const MAX_REQUEST_BYTES = 64 * 1024;

function versionAtLeast(v: string, min: number[]): boolean {
  const parts = v.split('.').map(Number);
  for (let i = 0; i < min.length; i++) {
    const a = parts[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

// Space pads values with spaces (see tests/fixtures/ship-error-response.xml); so does the simulator.
function shipXml(requestName: string, inner: string, charset: SpaceSimState['charset'] = 'utf-8'): string {
  const declared = {
    'utf-8': 'UTF-8',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16',
    'iso-8859-1': 'ISO-8859-1',
    'windows-1252': 'windows-1252',
  }[charset];
  return `<?xml version="1.0" encoding="${declared}"?>\n<RequestResponse>\n   <RequestName> ${requestName} </RequestName>\n${inner}\n</RequestResponse>\n`;
}

/** Exception messages as Space writes them in its default language. */
const MESSAGES: Record<(typeof SIM_LANGUAGES)[number], Record<number, string>> = {
  eng: {
    12: 'Invalid request',
    13: 'Licence feature not supported',
    14: 'Licence constraint',
    502: 'Unknown request',
  },
  spa: {
    12: 'Petición no válida',
    13: 'Licencia no válida para esta opción',
    14: 'Limitación de la licencia',
    502: 'Petición desconocida',
  },
};

// windows-1252's characters in 0x80–0x9F (the simulator encodes on its own: it is the oracle the client is judged by).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The bytes of `text` in `charset`; characters the charset lacks become "?" as a Windows service would write them. */
export function encodeAs(text: string, charset: SpaceSimState['charset']): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  if (charset === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (charset === 'utf-16be') {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  }
  const bytes = [...text].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (charset === 'windows-1252') {
      const high = CP1252_HIGH.indexOf(ch);
      if (high !== -1) return 0x80 + high;
      if (c >= 0x80 && c <= 0x9f) return 0x3f;
    }
    return c < 0x100 ? c : 0x3f;
  });
  return Buffer.from(bytes);
}

function charsetLabel(charset: SpaceSimState['charset']): string {
  return charset === 'utf-16le' ? 'utf-16' : charset;
}

function shipException(requestName: string, code: number, state: SpaceSimState): string {
  const lang = (SIM_LANGUAGES as readonly string[]).includes(state.defaultLanguage)
    ? (state.defaultLanguage as (typeof SIM_LANGUAGES)[number])
    : 'eng';
  return shipXml(
    requestName,
    `   <Exception>\n       <Code> ${code} </Code>\n       <Message> ${MESSAGES[lang][code] ?? 'Error'} </Message>\n   </Exception>`,
    state.charset,
  );
}

const SPACE_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ProAccess SPACE</title></head>
<body><div id="app">ProAccess SPACE — please sign in.</div><script>/* Space web client */</script></body></html>
`;

const requestParser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  htmlEntities: false,
});

export async function startSpaceSimulator(options: SpaceSimulatorOptions = {}): Promise<SpaceSimulator> {
  let state: SpaceSimState = SpaceSimStateSchema.parse({
    ...DEFAULT_SPACE_SIM_STATE,
    ...(options.state ?? {}),
  });
  const now = options.now ?? (() => new Date());
  let lastKeyFingerprint: string | null = null;
  let keyedRequests = 0;

  const day = 86_400_000;
  const ca = makeCa('Space Sim Test CA');
  const names = ['localhost', '127.0.0.1'];
  const certs: Record<(typeof CERT_KINDS)[number], Pem> = {
    valid: makeCert({ issuer: ca, altNames: names }),
    'self-signed': makeCert({ commonName: 'localhost', altNames: names }),
    expired: makeCert({
      issuer: ca,
      altNames: names,
      notBefore: new Date(Date.now() - 400 * day),
      notAfter: new Date(Date.now() - 2 * day),
    }),
    'wrong-name': makeCert({
      issuer: ca,
      commonName: 'space.other.example',
      altNames: ['space.other.example'],
    }),
    // Issued by the CA, then its notBefore made unreadable ("Bad time value"): a broken certificate a client must survive.
    malformed: malformedDateCert('notBefore', makeCert({ issuer: ca, altNames: names })),
  };
  const fingerprints = Object.fromEntries(
    Object.entries(certs).map(([k, p]) => [k, new X509Certificate(p.cert).fingerprint256]),
  ) as Record<(typeof CERT_KINDS)[number], string>;

  const publicState = (): Omit<SpaceSimState, 'key'> & { keyFingerprint: string | null } => {
    const { key, ...rest } = state;
    return { ...rest, keyFingerprint: key === null ? null : faceKeyFingerprint(key) };
  };

  const answerShip = (req: http.IncomingMessage, body: string, res: http.ServerResponse): void => {
    const send = (
      status: number,
      xml: string | null,
      type = SHIP_CONTENT_TYPE,
      extra: Record<string, string> = {},
    ): void => {
      if (xml === null) {
        res.writeHead(status, { 'Content-Length': '0', ...extra });
        res.end();
        return;
      }
      const bytes = encodeAs(xml, state.charset);
      res.writeHead(status, {
        'Content-Type': `${type}; charset=${charsetLabel(state.charset)}`,
        'Content-Length': String(bytes.length),
      });
      res.end(bytes);
    };
    const keyHeader = req.headers[SHIP_KEY_HEADER.toLowerCase()];
    if (typeof keyHeader === 'string') {
      keyedRequests++;
      lastKeyFingerprint = faceKeyFingerprint(keyHeader);
    }
    // "Limit communications to one server": every other address is refused before anything else is looked at.
    const from = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (state.limitTo !== null && from !== state.limitTo) return send(403, null);
    if (state.transport !== 'https') return send(501, null);
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== SHIP_CONTENT_TYPE) return send(415, null);
    if (state.https && state.auth === 'custom' && !versionAtLeast(state.spaceVersion, [6, 4, 4, 0]))
      return send(415, null);
    if (state.auth === 'custom' && (state.key === null || keyHeader !== state.key)) return send(401, null);
    if (state.auth === 'basic') {
      // HTTP Basic with the key as the password (any user name); anything else gets the Basic challenge.
      const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(String(req.headers.authorization ?? ''));
      const pass = m ? Buffer.from(m[1]!, 'base64').toString('utf8').split(':').slice(1).join(':') : null;
      if (state.key === null || pass !== state.key)
        return send(401, null, SHIP_CONTENT_TYPE, { 'WWW-Authenticate': 'Basic realm="SHIP"' });
    }
    if (XMLValidator.validate(body) !== true || /<!DOCTYPE/i.test(body))
      return send(200, shipException('', 12, state));
    const parsed = requestParser.parse(body) as { RequestCall?: { RequestName?: unknown } };
    const name =
      typeof parsed.RequestCall?.RequestName === 'string' ? parsed.RequestCall.RequestName.trim() : '';
    if (name === '') return send(200, shipException('', 12, state));
    if (state.licence === 'missing') return send(200, shipException(name, 13, state));
    if (state.licence === 'constrained') return send(200, shipException(name, 14, state));
    if (name !== 'GetInfo') return send(200, shipException(name, 502, state));
    const t = formatShipDateTime(new Date(now().getTime() + state.clockOffsetSeconds * 1000));
    return send(
      200,
      shipXml(
        name,
        `   <Params>\n       <ProtocolID> SHIP </ProtocolID>\n       <ProtocolVersion> ${state.protocolVersion} </ProtocolVersion>\n       <DateTime> ${t} </DateTime>\n       <DefaultLanguage> ${state.defaultLanguage} </DefaultLanguage>\n   </Params>`,
        state.charset,
      ),
    );
  };

  const answerAdmin = (req: http.IncomingMessage, body: string, res: http.ServerResponse): void => {
    const json = (status: number, v: unknown): void => {
      const s = JSON.stringify(v);
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(s)),
      });
      res.end(s);
    };
    if (req.method === 'GET')
      return json(200, {
        state: publicState(),
        fingerprint256: fingerprints[state.certificate],
        lastKeyFingerprint,
      });
    if (req.method !== 'POST' && req.method !== 'PATCH')
      return json(405, { error: 'method must be GET, POST or PATCH' });
    let patch: unknown;
    try {
      patch = JSON.parse(body);
    } catch {
      return json(400, { error: 'body: must be JSON' });
    }
    const p = SpaceSimPatchSchema.safeParse(patch);
    if (!p.success)
      return json(400, {
        error: p.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      });
    apply(p.data);
    return json(200, { state: publicState(), fingerprint256: fingerprints[state.certificate] });
  };

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        tooBig = true;
        res.writeHead(413, { Connection: 'close' });
        res.end();
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (tooBig) return;
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      if (path === ADMIN_PATH) return answerAdmin(req, body, res);
      if (state.latencyMs > 0) setTimeout(() => answer(req, path, body, res), state.latencyMs);
      else answer(req, path, body, res);
    });
  };

  const answer = (
    req: http.IncomingMessage,
    path: string | undefined,
    body: string,
    res: http.ServerResponse,
  ): void => {
    {
      if (path === '/' && req.method === 'POST' && state.shipEnabled) return answerShip(req, body, res);
      if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': String(Buffer.byteLength(SPACE_PAGE)),
        });
        res.end(req.method === 'HEAD' ? undefined : SPACE_PAGE);
        return;
      }
      // With SHIP disabled, POSTs reach the web service, which knows nothing of them.
      const page =
        '<!DOCTYPE html><html><head><title>404 - Not Found</title></head><body>Not Found</body></html>';
      res.writeHead(404, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(page)),
      });
      res.end(page);
    }
  };

  const plain = http.createServer(handler);
  const secure = https.createServer(
    { cert: certs[state.certificate].cert, key: certs[state.certificate].key },
    handler,
  );
  const sockets = new Set<net.Socket>();
  const listener = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    (state.https ? secure : plain).emit('connection', socket);
  });

  function apply(patch: SpaceSimPatch): void {
    const next = SpaceSimStateSchema.parse({ ...state, ...patch });
    if (next.certificate !== state.certificate)
      secure.setSecureContext({ cert: certs[next.certificate].cert, key: certs[next.certificate].key });
    state = next;
  }

  const port = await new Promise<number>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port ?? 0, '127.0.0.1', () => resolve((listener.address() as AddressInfo).port));
  });

  return {
    get url() {
      return `${state.https ? 'https' : 'http'}://127.0.0.1:${port}/`;
    },
    port,
    get fingerprint256() {
      return fingerprints[state.certificate];
    },
    caCert: ca.cert,
    get lastKeyFingerprint() {
      return lastKeyFingerprint;
    },
    get keyedRequests() {
      return keyedRequests;
    },
    state: publicState,
    setState: apply,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        plain.close();
        secure.close();
        listener.close(() => resolve());
      }),
  };
}
