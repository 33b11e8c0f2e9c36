// Flags shared by `doctor` and `collect` that describe the servers to check, turned into validated check inputs.
import type { CheckInputs } from '../core/checks/types';
import { DEFAULT_CHECK_TIMEOUT_MS, DEFAULT_RUN_DEADLINE_MS } from '../core/checks/runner';
import { FACE_ID, FACE_ID_RULE } from '../core/face/face-contract';
import { parseServiceUrl } from '../core/net/endpoint';
import { invalidInput } from '../core/errors';
import { canonicalFingerprint } from '../../contract/rules/fingerprint';
import { secretFingerprint } from '../core/secrets/fingerprint';
import { type FlagSpec, type ParsedFlags, msFlag, stringFlag, usageError } from './args';
import type { CliIo } from './io';
import { text, type Sayable } from '../../contract/text';
import { FACE_TOKEN, readSecret, SHIP_KEY } from './secrets';

export const LIVE_FLAGS: FlagSpec = {
  'face-url': 'string',
  'space-url': 'string',
  'ship-key-file': 'string',
  'ship-key-stdin': 'boolean',
  'face-token-file': 'string',
  'face-token-stdin': 'boolean',
  'face-fingerprint': 'string',
  'space-fingerprint': 'string',
  'face-site': 'string',
  'face-server': 'string',
  'timeout-ms': 'string',
};

/** How the runner names a missing input in a skip, in the CLI's words: the flag, or where the secret comes from. */
export const CLI_INPUT_LABELS: Partial<Record<keyof CheckInputs, Sayable>> = {
  faceUrl: '--face-url',
  spaceUrl: '--space-url',
  shipKey: text('cli.input.shipKey'),
  faceToken: text('cli.input.faceToken'),
};

export interface LiveSettings {
  inputs: CheckInputs;
  timeoutMs: number;
  deadlineMs: number;
}

/**
 * `signedInToken` gives a token from the saved Microsoft sign-in for a server URL (undefined when nobody is signed in
 * for it); it is asked only when no token was given by file, stdin or environment.
 */
export async function liveSettings(
  flags: ParsedFlags,
  io: CliIo,
  signedInToken?: (faceUrl: string) => Promise<string | undefined>,
): Promise<LiveSettings> {
  if (flags['ship-key-stdin'] === true && flags['face-token-stdin'] === true) {
    throw usageError(text('cli.usage.stdinOneSecret'), { flag: 'face-token-stdin' });
  }
  const inputs: CheckInputs = {};
  const face = stringFlag(flags, 'face-url');
  if (face !== undefined) inputs.faceUrl = parseServiceUrl(face, '--face-url').url;
  const space = stringFlag(flags, 'space-url');
  if (space !== undefined) inputs.spaceUrl = parseServiceUrl(space, '--space-url').url;
  // An accepted fingerprint is exclusive: that host is then trusted with that certificate only (docs/cli.md).
  for (const [flag, input] of [
    ['face-fingerprint', 'facePinnedFingerprint256'],
    ['space-fingerprint', 'spacePinnedFingerprint256'],
  ] as const) {
    const raw = stringFlag(flags, flag);
    if (raw === undefined) continue;
    const fp = canonicalFingerprint(raw);
    if (fp === null) throw invalidInput(`--${flag}`, text('rules.sha256Fingerprint'));
    inputs[input] = fp;
  }
  const shipKey = await readSecret(SHIP_KEY, flags, io);
  if (shipKey !== undefined) inputs.shipKey = shipKey;
  const faceToken = await readSecret(FACE_TOKEN, flags, io);
  if (faceToken !== undefined) inputs.faceToken = faceToken;
  else if (inputs.faceUrl && signedInToken) {
    const t = await signedInToken(inputs.faceUrl);
    if (t !== undefined) inputs.faceToken = t;
  }
  const site = stringFlag(flags, 'face-site');
  const server = stringFlag(flags, 'face-server');
  if ((site === undefined) !== (server === undefined)) {
    const [flag, other] = site === undefined ? ['face-site', 'face-server'] : ['face-server', 'face-site'];
    throw usageError(text('cli.usage.siteWithServer', { flag, other }), { flag });
  }
  // The ids as XS4 Face gives them (the client's one rule).
  if (site !== undefined && !FACE_ID.test(site))
    throw usageError(text('cli.usage.flagRule', { flag: 'face-site', rule: FACE_ID_RULE }), {
      flag: 'face-site',
    });
  if (server !== undefined && !FACE_ID.test(server))
    throw usageError(text('cli.usage.flagRule', { flag: 'face-server', rule: FACE_ID_RULE }), {
      flag: 'face-server',
    });
  if (site !== undefined) inputs.faceSiteId = site;
  if (server !== undefined) inputs.faceServerId = server;
  const timeoutMs = msFlag(flags, 'timeout-ms', 100, 600_000, DEFAULT_CHECK_TIMEOUT_MS);
  // Dependent checks run one after another, so the whole run gets room for a few timeouts in a row.
  return { inputs, timeoutMs, deadlineMs: Math.max(DEFAULT_RUN_DEADLINE_MS, timeoutMs * 4) };
}

/** The inputs as people may see them: URLs, and secrets as fingerprints. */
export function shownInputs(inputs: CheckInputs): {
  faceUrl?: string;
  spaceUrl?: string;
  shipKeyFingerprint?: string;
  faceTokenFingerprint?: string;
  faceSiteId?: string;
  faceServerId?: string;
} {
  return {
    ...(inputs.faceUrl ? { faceUrl: inputs.faceUrl } : {}),
    ...(inputs.faceSiteId ? { faceSiteId: inputs.faceSiteId } : {}),
    ...(inputs.faceServerId ? { faceServerId: inputs.faceServerId } : {}),
    ...(inputs.spaceUrl ? { spaceUrl: inputs.spaceUrl } : {}),
    ...(inputs.shipKey ? { shipKeyFingerprint: secretFingerprint(inputs.shipKey) } : {}),
    ...(inputs.faceToken ? { faceTokenFingerprint: secretFingerprint(inputs.faceToken) } : {}),
  };
}
