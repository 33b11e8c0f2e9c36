// CLI around the Space simulator: `npm run sim:space -- --port 8100 --cert self-signed --auth custom`.
//
// The SHIP key is never taken from argv (it would show in process lists): it comes from the environment
// variable SPACE_SIM_SHIP_KEY or from the admin endpoint.
import { isIP } from 'node:net';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../main/core/errors';
import { validatePort } from '../../main/core/net/endpoint';
import {
  CERT_KINDS,
  SIM_CHARSETS,
  SIM_LANGUAGES,
  type SpaceSimPatch,
  SpaceSimStateSchema,
  startSpaceSimulator,
} from './space-simulator';

export { startSpaceSimulator } from './space-simulator';
export type { SpaceSimulator, SpaceSimulatorOptions, SpaceSimState, SpaceSimPatch } from './space-simulator';

export const KEY_ENV = 'SPACE_SIM_SHIP_KEY';

export const USAGE = `Usage: npm run sim:space -- [options]
  --port N                    1-65535 (default: a free port)
  --https on|off              serve HTTPS (default on)
  --cert ${CERT_KINDS.join('|')}   certificate served (default self-signed)
  --ship on|off               SHIP add-on enabled (default on)
  --licence present|missing|constrained
  --transport https|stp-only  SHIP transport (stp-only answers 501)
  --auth none|basic|custom    SHIP authentication (basic and custom need ${KEY_ENV} in the environment;
                              basic takes it as the HTTP Basic password)
  --limit-to IP               "Limit communications to one server": SHIP answers only this address (403 to others)
  --protocol-version V        GetInfo ProtocolVersion (default 1.0)
  --space-version V           Space version (HTTPS + custom auth below 6.4.4.0 answers 415)
  --clock-offset S            seconds added to Space's clock
  --charset ${SIM_CHARSETS.join('|')}
                              charset of SHIP answers (Content-Type, XML declaration; default utf-8)
  --language ${SIM_LANGUAGES.join('|')}        Space's default language (GetInfo, exception messages)
  --face-field NAME=VALUE     a field of General options › Face recognition (repeatable)
State can be changed at run time: POST JSON to /__sim/state.`;

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v))
    throw simUsage(flag, `must be one of ${allowed.join(', ')}`);
  return v as T;
}

function onOff(flag: string, v: string): boolean {
  return oneOf(flag, v, ['on', 'off'] as const) === 'on';
}

/** Parses argv (after the script name) and the environment into simulator options. Throws INVALID_INPUT naming the flag. */
export function parseSimArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
): { port: number; state: SpaceSimPatch } {
  const state: SpaceSimPatch = {};
  const face: Record<string, string> = {};
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--help' || flag === '-h') throw simUsage('--help', USAGE);
    if (!flag.startsWith('--')) throw simUsage(flag, 'is not an option (options start with --)');
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw simUsage(flag, 'needs a value');
    i++;
    switch (flag) {
      case '--port':
        port = validatePort(v, '--port');
        break;
      case '--https':
        state.https = onOff(flag, v);
        break;
      case '--cert':
        state.certificate = oneOf(flag, v, CERT_KINDS);
        break;
      case '--ship':
        state.shipEnabled = onOff(flag, v);
        break;
      case '--licence':
        state.licence = oneOf(flag, v, ['present', 'missing', 'constrained'] as const);
        break;
      case '--transport':
        state.transport = oneOf(flag, v, ['https', 'stp-only'] as const);
        break;
      case '--auth':
        state.auth = oneOf(flag, v, ['none', 'basic', 'custom'] as const);
        break;
      case '--limit-to':
        if (isIP(v) === 0) throw simUsage(flag, 'must be an IP address (the one server SHIP answers)');
        state.limitTo = v;
        break;
      case '--protocol-version':
        if (!/^\d+(\.\d+)*$/.test(v)) throw simUsage(flag, 'must be a version such as 1.0');
        state.protocolVersion = v;
        break;
      case '--space-version':
        if (!/^\d+(\.\d+){0,3}$/.test(v)) throw simUsage(flag, 'must be a version such as 6.4.4.0');
        state.spaceVersion = v;
        break;
      case '--clock-offset':
        if (!/^-?\d{1,9}$/.test(v)) throw simUsage(flag, 'must be a whole number of seconds');
        state.clockOffsetSeconds = Number(v);
        break;
      case '--charset':
        state.charset = oneOf(flag, v, SIM_CHARSETS);
        break;
      case '--language':
        state.defaultLanguage = oneOf(flag, v, SIM_LANGUAGES);
        break;
      case '--face-field': {
        const eq = v.indexOf('=');
        if (eq <= 0) throw simUsage(flag, 'must be NAME=VALUE');
        face[v.slice(0, eq)] = v.slice(eq + 1);
        break;
      }
      case '--key':
        throw simUsage(
          flag,
          `is not accepted: pass the key in the environment variable ${KEY_ENV}, never on the command line`,
        );
      default:
        throw simUsage(flag, 'is not a known option (see --help)');
    }
  }
  if (Object.keys(face).length > 0) state.faceRecognition = face;
  const key = env[KEY_ENV];
  if (key !== undefined && key !== '') state.key = key;
  if ((state.auth === 'custom' || state.auth === 'basic') && state.key === undefined) {
    throw simUsage('--auth', `${state.auth} needs the key in the environment variable ${KEY_ENV}`);
  }
  const checked = SpaceSimStateSchema.partial().safeParse(state);
  if (!checked.success)
    throw simUsage(
      checked.error.issues[0]?.path.join('.') ?? 'options',
      checked.error.issues[0]?.message ?? 'invalid',
    );
  return { port, state: checked.data };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseSimArgs>;
  try {
    parsed = parseSimArgs(process.argv.slice(2), process.env);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
  const sim = await startSpaceSimulator({ port: parsed.port, state: parsed.state });
  const s = sim.state();
  process.stdout.write(
    `Space simulator on ${sim.url}\n  certificate ${s.certificate}, SHA-256 ${sim.fingerprint256}\n  SHIP ${s.shipEnabled ? 'on' : 'off'}, transport ${s.transport}, auth ${s.auth}${s.limitTo ? `, limited to ${s.limitTo}` : ''}${s.keyFingerprint ? ` (key fingerprint ${s.keyFingerprint})` : ''}, licence ${s.licence}\n  admin: ${sim.url}__sim/state\n`,
  );
  if (s.auth !== 'none' && s.keyFingerprint === null) {
    process.stderr.write(
      `No SHIP key set: every SHIP request gets 401 until ${KEY_ENV} is set or a key is POSTed to /__sim/state.\n`,
    );
  }
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();

/** A wrong option of the simulator's own command line (a developer tool: English only, not the app's catalogs). */
function simUsage(flag: string, rule: string): AppError {
  return new AppError('INVALID_INPUT', `${flag}: ${rule}.`, 'Run with --help for the options.', {
    field: flag,
    rule,
  });
}
