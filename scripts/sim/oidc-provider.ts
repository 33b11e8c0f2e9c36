// Local OpenID provider for sign-in: `npm run sim:oidc -- [options]`, or startOidcSimulator() in-process for tests.
import { localRegionsFile } from './oidc/local-region';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { makeCa, makeCert, type Pem } from './certs';
import { DEFAULT_USERS, SIM_PASSWORD, SIM_TENANT, startOidcSimulator } from './oidc/oidc-server';

export * from './oidc/oidc-server';

const USAGE = `npm run sim:oidc -- [options]
  --port N               port on 127.0.0.1 (default 8444)
  --cert FILE --key FILE serve this certificate (PEM); otherwise one from a fresh throw-away CA
  --ca-out FILE          write that throw-away CA (PEM) here (for NODE_EXTRA_CA_CERTS and sim:face --oidc-ca)
  --regions-out FILE     write a regions file for XS4_SIGNIN_REGIONS_FILE (region id "local")
  --face-url URL         the XS4 Face server the "local" region's tokens are for (default https://127.0.0.1:8443/)
  --access-token-ttl S   lifetime of access tokens in seconds (default 3600)`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const o: {
    port: number;
    cert?: string;
    key?: string;
    caOut?: string;
    regionsOut?: string;
    faceUrl: string;
    ttl: number;
  } = {
    port: 8444,
    faceUrl: 'https://127.0.0.1:8443/',
    ttl: 3600,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag}: needs a value`);
      return v;
    };
    const int = (min: number, max: number): number => {
      const v = val();
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
        throw new UsageError(`${flag}: must be a whole number from ${min} to ${max}`);
      return Number(v);
    };
    if (flag === '--port') o.port = int(1, 65535);
    else if (flag === '--cert') o.cert = readFileSync(val(), 'utf8');
    else if (flag === '--key') o.key = readFileSync(val(), 'utf8');
    else if (flag === '--ca-out') o.caOut = val();
    else if (flag === '--regions-out') o.regionsOut = val();
    else if (flag === '--face-url') {
      o.faceUrl = val();
      if (!/^https:\/\//.test(o.faceUrl)) throw new UsageError('--face-url: must be an https:// URL');
    } else if (flag === '--access-token-ttl') o.ttl = int(1, 86_400);
    else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`unknown option ${flag}\n${USAGE}`);
  }
  if ((o.cert === undefined) !== (o.key === undefined)) throw new UsageError('--cert and --key go together');
  return o;
}

async function main(): Promise<void> {
  let o;
  try {
    o = parse(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sim:oidc: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  let certificate: Pem;
  if (o.cert && o.key) certificate = { cert: o.cert, key: o.key };
  else {
    const ca = makeCa('XS4 local OpenID provider CA');
    certificate = makeCert({ issuer: ca, commonName: 'login.sim', altNames: ['127.0.0.1', 'localhost'] });
    if (o.caOut) writeFileSync(o.caOut, ca.cert);
  }
  const idp = await startOidcSimulator({ port: o.port, certificate, accessTokenTtlSeconds: o.ttl });
  if (o.regionsOut) {
    writeFileSync(o.regionsOut, localRegionsFile(idp, o.faceUrl));
  }
  // Simulator accounts only: they open nothing but this loopback provider.
  process.stdout.write(
    `Local OpenID provider on ${idp.issuer}\n` +
      `  client id: ${idp.clientId} (public, native: loopback redirect, device code)\n` +
      `  XS4 Face API: scope ${idp.scope}, audience ${idp.audience}\n` +
      `  accounts (password ${SIM_PASSWORD}): ${DEFAULT_USERS.map((u) => `${u.email}${u.tenantId === SIM_TENANT ? '' : ' (another tenant)'}`).join(', ')}\n` +
      (o.caOut ? `  CA written to ${o.caOut}\n` : '') +
      (o.regionsOut ? `  regions file written to ${o.regionsOut} (set XS4_SIGNIN_REGIONS_FILE to it)\n` : ''),
  );
  const stop = (): void => void idp.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`sim:oidc: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
