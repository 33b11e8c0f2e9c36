// Parses the XS4 Face simulator's command line into options, with an error naming the flag and the rule.
import { readFileSync } from 'node:fs';
import { type Faults, GARBAGE_KINDS, ROUTE_IDS, type RouteId } from './sim-faults';
import type { FaceSimulatorOptions } from './sim-server';
import { twoSitesState } from './sim-state';

export const USAGE = `npm run sim:face -- [options]
  --port N                 port on 127.0.0.1 (1-65535; default 8443)
  --cert FILE --key FILE   serve this certificate (PEM) instead of a fresh self-signed one
  --state FILE             keep state in this JSON file (default: memory only)
  --space-ca FILE          trust this CA (PEM) for Space's certificate when calling SHIP
  --space-fingerprint FP   trust Space's certificate with this SHA-256 fingerprint
  --ship-timeout MS        SHIP GetInfo timeout (default 3000)
  --latency MS             delay every answer
  --pending MS             writes stay pending this long before they apply
  --fail ROUTE=STATUS      answer ROUTE with HTTP STATUS (repeatable; ROUTE may be *)
  --drop ROUTE             cut the connection mid-answer on ROUTE (repeatable)
  --garbage ROUTE=KIND     hostile body on ROUTE; KIND: ${GARBAGE_KINDS.join(', ')}
  --ignore-writes          accept writes but change nothing
  --fail-writes            writes end in state "failed"
  --two-sites              an account with two sites and three servers (one offline: its writes stay pending)
  --oidc-issuer URL        also accept access tokens of this OpenID provider (e.g. npm run sim:oidc), checked
                           against its JWKS: issuer, audience, expiry
  --oidc-audience AUD      the audience those tokens must carry (default api://xs4face-sim)
  --oidc-ca FILE           trust this CA (PEM) for the provider's TLS
  The bearer token is read from FACE_SIM_TOKEN (random when unset), never from argv.
  Routes: ${ROUTE_IDS.join(', ')}`;

export class UsageError extends Error {}

function int(flag: string, v: string | undefined, min: number, max: number): number {
  if (v === undefined || !/^\d+$/.test(v))
    throw new UsageError(`${flag}: needs a whole number from ${min} to ${max}`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`${flag}: must be from ${min} to ${max}, not ${v}`);
  return n;
}

function routeOf(flag: string, v: string): RouteId | '*' {
  if (v === '*' || (ROUTE_IDS as readonly string[]).includes(v)) return v as RouteId | '*';
  throw new UsageError(`${flag}: unknown route "${v}" (one of *, ${ROUTE_IDS.join(', ')})`);
}

function file(flag: string, v: string | undefined): string {
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag}: needs a file path`);
  try {
    return readFileSync(v, 'utf8');
  } catch {
    throw new UsageError(`${flag}: cannot read ${v}`);
  }
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): FaceSimulatorOptions {
  const faults: Partial<Faults> & {
    status: NonNullable<Faults['status']>;
    drop: Faults['drop'];
    garbage: NonNullable<Faults['garbage']>;
  } = { status: {}, drop: [], garbage: {} };
  const o: FaceSimulatorOptions = { port: 8443 };
  const oidc: { issuer?: string; audience?: string; ca?: string[] } = {};
  let cert: string | undefined;
  let key: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const val = (): string | undefined => argv[++i];
    switch (flag) {
      case '--port':
        o.port = int(flag, val(), 1, 65535);
        break;
      case '--cert':
        cert = file(flag, val());
        break;
      case '--key':
        key = file(flag, val());
        break;
      case '--state': {
        const v = val();
        if (!v || v.startsWith('--')) throw new UsageError('--state: needs a file path');
        o.stateFile = v;
        break;
      }
      case '--space-ca':
        o.spaceTrust = { ...o.spaceTrust, ca: [file(flag, val())] };
        break;
      case '--space-fingerprint': {
        const v = val() ?? '';
        if (v.replace(/[^0-9a-f]/gi, '').length !== 64)
          throw new UsageError(
            '--space-fingerprint: needs a SHA-256 fingerprint (64 hex digits, colons allowed)',
          );
        o.spaceTrust = { ...o.spaceTrust, fingerprint256: v };
        break;
      }
      case '--ship-timeout':
        o.shipTimeoutMs = int(flag, val(), 1, 600_000);
        break;
      case '--latency':
        faults.latencyMs = int(flag, val(), 0, 600_000);
        break;
      case '--pending':
        faults.pendingMs = int(flag, val(), 0, 3_600_000);
        break;
      case '--ignore-writes':
        faults.ignoreWrites = true;
        break;
      case '--fail-writes':
        faults.failWrites = true;
        break;
      case '--drop':
        faults.drop.push(routeOf(flag, val() ?? ''));
        break;
      case '--fail': {
        const [r, s] = (val() ?? '').split('=');
        faults.status[routeOf(flag, r ?? '')] = int(flag, s, 100, 599);
        break;
      }
      case '--garbage': {
        const [r, k] = (val() ?? '').split('=');
        if (!(GARBAGE_KINDS as readonly string[]).includes(k ?? ''))
          throw new UsageError(`--garbage: kind must be one of ${GARBAGE_KINDS.join(', ')}`);
        faults.garbage[routeOf(flag, r ?? '')] = k as (typeof GARBAGE_KINDS)[number];
        break;
      }
      case '--two-sites':
        o.initialState = twoSitesState();
        break;
      case '--oidc-issuer': {
        const v = val() ?? '';
        if (!/^https:\/\/[^\s]+$/.test(v)) throw new UsageError('--oidc-issuer: needs an https:// URL');
        oidc.issuer = v.replace(/\/$/, '');
        break;
      }
      case '--oidc-audience': {
        const v = val() ?? '';
        if (v === '' || v.startsWith('--')) throw new UsageError('--oidc-audience: needs a value');
        oidc.audience = v;
        break;
      }
      case '--oidc-ca':
        oidc.ca = [file(flag, val())];
        break;
      case '--help':
      case '-h':
        throw new UsageError(USAGE);
      default:
        throw new UsageError(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if ((cert === undefined) !== (key === undefined)) throw new UsageError('--cert and --key go together');
  if (oidc.issuer !== undefined)
    o.oidc = {
      issuer: oidc.issuer,
      audience: oidc.audience ?? 'api://xs4face-sim',
      ...(oidc.ca ? { ca: oidc.ca } : {}),
    };
  else if (oidc.audience !== undefined || oidc.ca !== undefined)
    throw new UsageError('--oidc-audience and --oidc-ca need --oidc-issuer');
  if (cert !== undefined && key !== undefined) o.certificate = { cert, key };
  const t = env.FACE_SIM_TOKEN?.trim();
  if (t) o.token = t;
  const a = env.FACE_SIM_ADMIN_TOKEN?.trim();
  if (a) o.adminToken = a;
  o.faults = faults;
  return o;
}
