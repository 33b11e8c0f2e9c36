// `xs4-setup setup --profile FILE.json`: the wizard's steps, unattended, through the same SetupService as the GUI.
import type { Sayable } from '../../../contract/text';
import { say } from '../say';
import { AppError } from '../../core/errors';
import { importProfile, type SiteProfile } from '../../core/profile/site-profile';
import { parseServiceUrl } from '../../core/net/endpoint';
import type { CheckView } from '../../../contract/setup-shapes';
import { intFlag, parseFlags, stringFlag, usageError } from '../args';
import type { CliContext } from '../context';
import type { SetupService } from '../../core/setup/service';
import { FACE_TOKEN, readSecret, SHIP_KEY } from '../secrets';
import { clean } from '../terminal';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { consoleStatusName } from '../../core/face/status-names';
import { describeChoice } from '../../core/setup/face-choice';
import { choiceLabel } from '../../core/face/server-choices';
import type { PendingProgress } from '../../core/face/face-client';
import { originOf } from '../../core/auth/regions';
import { savedCliSignIn } from '../sign-in';

async function savedSignInAccount(ctx: CliContext, faceUrl: string): Promise<{ username: string } | null> {
  if (!ctx.auth) return null;
  const who = await (await savedCliSignIn(ctx.io, ctx.auth))?.account();
  return who && who.origin === originOf(faceUrl) ? who : null;
}

/** "waiting for the XS4 Face server to receive it", every 5 s of the wait, with the time waited. */
export function pendingPrinter(out: (line: string) => void): (p: PendingProgress) => void {
  let lastShown = -1;
  return (p) => {
    const s = Math.floor(p.elapsedMs / 1000);
    if (lastShown >= 0 && s - lastShown < 5 && p.elapsedMs > 0) return;
    lastShown = s;
    out(
      `    … ${p.route}: accepted by XS4 Face, waiting for the XS4 Face server to receive it (${s} s of ${Math.round(p.deadlineMs / 1000)} s; Ctrl+C stops)`,
    );
  };
}

export const SETUP_FLAGS = {
  profile: 'string',
  'face-token-file': 'string',
  'face-token-stdin': 'boolean',
  'ship-key-file': 'string',
  'ship-key-stdin': 'boolean',
  'install-script': 'string',
  'apply-fixes': 'boolean',
  'verify-timeout-ms': 'string',
  'face-site': 'string',
  'face-server': 'string',
  'pending-timeout-ms': 'string',
  'replace-ship-key': 'boolean',
  'save-failing-policy': 'boolean',
} as const;

const MARK: Record<CheckView['status'], string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

export async function setup(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, SETUP_FLAGS, 'setup');
  const path = stringFlag(flags, 'profile');
  if (path === undefined) throw usageError('setup: --profile FILE.json is required');
  if (flags['face-token-stdin'] === true && flags['ship-key-stdin'] === true) {
    throw usageError('--face-token-stdin: cannot be used with --ship-key-stdin (stdin holds one secret)');
  }
  const verifyMs = intFlag(flags, 'verify-timeout-ms', 1000, 1_800_000, 120_000, 'milliseconds');
  const profile = await importProfile(path);
  const faceUrl = required(profile, 'faceUrl');
  const space = parseServiceUrl(required(profile, 'spaceUrl'), 'profile.spaceUrl');
  const pendingMs = intFlag(flags, 'pending-timeout-ms', 1000, 3_600_000, 60_000, 'milliseconds');
  const token = await readSecret(FACE_TOKEN, flags, ctx.io);
  // Without a token, the sign-in saved by `xs4-setup login` for this server is used (checked when connecting).
  const signedIn = token === undefined ? await savedSignInAccount(ctx, faceUrl) : null;
  if (token === undefined && signedIn === null)
    throw usageError(
      `setup: sign in first (xs4-setup login --face-url ${faceUrl}) or give the XS4 Face token (--face-token-file, --face-token-stdin or XS4_FACE_TOKEN)`,
    );
  const shipKey = await readSecret(SHIP_KEY, flags, ctx.io);
  if (shipKey === undefined) {
    throw usageError(
      "setup: the SHIP API key is required (--ship-key-file, --ship-key-stdin or XS4_SHIP_KEY); it must equal the key in Space's SHIP tab",
    );
  }
  if (!ctx.setup)
    throw new AppError('SETUP_NOT_AVAILABLE', 'setup: this build has no setup flow.', 'Use the desktop app.');
  const out = (line: string): void => void ctx.io.stdout.write(`${clean(line)}\n`);
  const service = await ctx.setup(
    {
      faceUrl,
      facePin: profile.facePinnedFingerprint256,
      spacePin: profile.spacePinnedFingerprint256
        ? { host: space.host, port: space.port, fingerprint: profile.spacePinnedFingerprint256 }
        : undefined,
    },
    { pendingDeadlineMs: pendingMs, onPending: pendingPrinter(out) },
  );
  const hooks = {
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onProgress: (m: Sayable) => out(`    … ${say(m)}`),
    onLogLine: (l: string) => out(`    | ${l}`),
  };
  let n = 0;
  const step = (title: string): void => out(`[${++n}/9] ${title}`);

  step('Connect to XS4 Face');
  if (signedIn) out(`    signed in as ${signedIn.username} (Microsoft account)`);
  const wanted = { site: stringFlag(flags, 'face-site'), server: stringFlag(flags, 'face-server') };
  const asked = wanted.site !== undefined || wanted.server !== undefined;
  let connected;
  try {
    connected = await service.connectFace(faceUrl, token ?? null);
  } catch (e) {
    // Several servers and none remembered: the flags choose (or the error lists each server with its flags).
    if (!(e instanceof AppError) || e.code !== 'FACE_SERVER_NOT_SELECTED') throw e;
    await service.chooseFaceServer(wanted, faceUrl);
    connected = await service.connectFace(faceUrl, null);
  }
  if (connected.state === 'needs-trust' && connected.previousFingerprint256 !== undefined) {
    // A pin is exclusive: the technician decides on a changed certificate, with both fingerprints in front of them.
    throw new AppError(
      connected.reason.code,
      `profile.facePinnedFingerprint256: ${faceUrl} now presents the certificate SHA-256 ${connected.certificate.fingerprint256}, not the accepted ${connected.previousFingerprint256}; compare the new one with the server and put it in the profile only if you know why it changed`,
      'Check the XS4 Face server certificate; a TLS-inspection proxy or a replaced certificate changes the fingerprint.',
      { expected: connected.previousFingerprint256, actual: connected.certificate.fingerprint256 },
    );
  }
  if (connected.state === 'needs-trust') {
    throw usageError(
      `profile.facePinnedFingerprint256: the certificate of ${faceUrl} is not trusted by this machine (${connected.reason.code}); ` +
        `its SHA-256 fingerprint is ${connected.certificate.fingerprint256} — compare it with the server, then put it in the profile`,
    );
  }
  if (connected.state === 'needs-token') {
    throw usageError(`setup: the XS4 Face token given was not taken for ${connected.url}`);
  }
  out(
    `    connected to ${connected.url} (certificate trusted by ${connected.trustedBy === 'pin' ? 'the accepted fingerprint' : 'this machine'})`,
  );
  const chosen = asked ? await service.chooseFaceServer(wanted) : await service.chooseFaceServer({});
  out(`    XS4 Face server: ${describeChoice(chosen)}`);
  await service.markStep('connect', `Connected to ${connected.url}, ${choiceLabel(chosen)}`, 'integrations');

  step('Integrations');
  let cards = await service.listIntegrations();
  const spaceCard = cards.find((c) => c.kind === 'salto-space');
  if (!spaceCard?.added) {
    cards = await service.addIntegrations(['salto-space']);
    out('    added the Salto Space integration');
  }
  for (const c of cards) out(`    ${c.name}: ${consoleStatusName(c.status)}`);
  await service.markStep('integrations', 'Salto Space integration present', 'spaceDetails');

  step('Space Server Details');
  const details = await service.saveSpaceDetails({
    host: space.host,
    port: space.port,
    https: space.protocol === 'https:',
  });
  out(`    ${details.host}:${details.port} over ${details.https ? 'HTTPS' : 'HTTP'} (written and read back)`);
  await service.markStep('spaceDetails', `${details.host}:${details.port}`, 'shipKey');

  step('SHIP API Key');
  const masked = await setShipKey(service, shipKey, flags['replace-ship-key'] === true);
  out(`    saved in XS4 Face (fingerprint ${masked.fingerprint}); Space's SHIP tab must hold the same key`);
  await service.markStep('shipKey', `fingerprint ${masked.fingerprint}`, 'installScript');

  step('Space Install Script');
  const scriptPath = stringFlag(flags, 'install-script');
  if (scriptPath === undefined) {
    out('    not requested (give --install-script FILE.ps1 to run it elevated)');
  } else {
    const info = await service.loadInstallScript({ kind: 'file', path: scriptPath });
    out(`    ${info.path}: SHA-256 ${info.sha256}, signature ${info.signature.status}`);
    const ran = await service.runInstallScript(info.sha256, hooks);
    out(`    ${say(ran.message)}`);
    if (ran.outcome !== 'succeeded' && ran.outcome !== 'unavailable') return EXIT_CHECK_FAILED;
  }
  await service.markStep('installScript', scriptPath === undefined ? 'not run' : 'run', 'spaceSettings');

  step('Space settings');
  // Check progress lines would drown the table; the verdicts follow right after.
  const quiet = { ...hooks, onProgress: undefined };
  let views = await service.runChecks(null, quiet);
  if (flags['apply-fixes'] === true) {
    for (const v of views.filter((x) => x.fix !== null)) {
      out(`    fixing: ${v.fix ? say(v.fix.title) : ''}`);
      await service.applyFix(v.id, hooks);
    }
    views = await service.runChecks(null, quiet);
  }
  // The Enrollment Service is set two steps later; its checks are shown by doctor, not here.
  for (const v of views.filter((x) => !x.id.startsWith('enrollment.')))
    out(`    ${MARK[v.status]}  ${say(v.title)}: ${say(v.summary)}`);
  await service.markStep(
    'spaceSettings',
    `${views.filter((v) => v.status === 'fail').length} failing`,
    'faceRecognition',
  );

  step('Face recognition values (type these into Space › General options › Face recognition)');
  for (const o of await service.generalOptions())
    out(`    ${o.label}: ${o.secret ? '•••••••• (secret: reveal it in the app)' : o.value}`);
  await service.markStep('faceRecognition', 'shown', 'enrollment');

  step('Enrollment Service');
  const e = profile.enrollment;
  if (e?.companyName !== undefined && e.privacyPolicyUrl !== undefined) {
    // The policy is checked before it is written; a failing one is saved only with --save-failing-policy.
    const result = await service.saveEnrollment({
      companyName: e.companyName,
      privacyPolicyUrl: e.privacyPolicyUrl,
      ...(flags['save-failing-policy'] === true ? { acceptFailingPolicy: true } : {}),
    });
    for (const v of result.checks) out(`    ${MARK[v.status]}  ${v.title}: ${v.summary}`);
    if (!result.saved) {
      out(
        '    not saved to XS4 Face: the privacy policy failed its check. Fix the page or the profile\'s enrollment.privacyPolicyUrl, or give --save-failing-policy to save it anyway.',
      );
      return EXIT_CHECK_FAILED;
    }
    const failing = result.checks.some((v) => v.status === 'fail');
    out(
      `    company "${result.enrollment.companyName}", privacy policy ${result.enrollment.privacyPolicyUrl} (written and read back${failing ? '; saved although its check failed, as --save-failing-policy asked' : ''})`,
    );
  } else {
    out('    not in the profile (enrollment.companyName and enrollment.privacyPolicyUrl): left as it is');
  }
  await service.markStep('enrollment', 'done', 'verify');

  step('Write back and verify');
  const verdict = await service.verify(verifyMs, hooks);
  out(`    ${say(verdict.message)}`);
  for (const d of verdict.diagnosis)
    out(`    ${MARK[d.status]}  ${say(d.title)}: ${say(d.summary)}${d.remedy ? ` — ${say(d.remedy)}` : ''}`);
  if (!verdict.connected) return EXIT_CHECK_FAILED;
  await service.markStep('verify', 'Connected', 'summary');
  out('Done: XS4 Face reports the Space integration as Connected.');
  return EXIT_OK;
}

/** Writes the SHIP key; a different key XS4 Face already holds is replaced only with --replace-ship-key. */
async function setShipKey(
  service: SetupService,
  key: string,
  replace: boolean,
): Promise<{ fingerprint: string | null }> {
  try {
    return await service.setShipKey({ value: key, ...(replace ? { replace: true } : {}) });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'SHIP_KEY_REPLACE_UNCONFIRMED') throw e;
    throw new AppError(
      e.code,
      `--replace-ship-key: ${e.message} Nothing was replaced.`,
      "Give the key XS4 Face has (--ship-key-file), or add --replace-ship-key and then type the new key into Space's SHIP tab (General options › SHIP).",
      e.detail,
    );
  }
}

function required(profile: SiteProfile, field: 'faceUrl' | 'spaceUrl'): string {
  const v = profile[field];
  if (v === undefined) throw usageError(`profile.${field}: is required for setup`);
  return v;
}
