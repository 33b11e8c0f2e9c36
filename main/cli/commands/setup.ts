// `xs4-setup setup --profile FILE.json`: the wizard's steps, unattended, through the same SetupService as the GUI.
import { text, type Sayable, type Text } from '../../../contract/text';
import { AppError } from '../../core/errors';
import { importProfile, type SiteProfile } from '../../core/profile/site-profile';
import { parseServiceUrl } from '../../core/net/endpoint';
import type { CheckView } from '../../../contract/setup-shapes';
import { msFlag, parseFlags, stringFlag, usageError } from '../args';
import type { CliContext } from '../context';
import type { SetupService } from '../../core/setup/service';
import { FACE_TOKEN, readSecret, SHIP_KEY } from '../secrets';
import { clean, pad } from '../terminal';
import { say } from '../say';
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
      `    … ${say(text('cli.setup.pending', { route: p.route, waited: s, deadline: Math.round(p.deadlineMs / 1000) }))}`,
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

/** A verdict's status word, padded to the widest in this language so the lines stay aligned. */
function marks(): (status: CheckView['status']) => string {
  const words: Record<CheckView['status'], string> = {
    pass: say(text('cli.status.pass')),
    warn: say(text('cli.status.warn')),
    fail: say(text('cli.status.fail')),
    skip: say(text('cli.status.skip')),
  };
  const width = Math.max(...Object.values(words).map((w) => [...w].length));
  return (status) => pad(words[status], width);
}

export async function setup(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, SETUP_FLAGS, 'setup');
  const path = stringFlag(flags, 'profile');
  if (path === undefined) throw usageError(text('cli.usage.setupProfile'), { flag: 'profile' });
  if (flags['face-token-stdin'] === true && flags['ship-key-stdin'] === true) {
    throw usageError(text('cli.usage.stdinOneSecret'), { flag: 'face-token-stdin' });
  }
  const verifyMs = msFlag(flags, 'verify-timeout-ms', 1000, 1_800_000, 120_000);
  const profile = await importProfile(path);
  const faceUrl = required(profile, 'faceUrl');
  const space = parseServiceUrl(required(profile, 'spaceUrl'), 'profile.spaceUrl');
  const pendingMs = msFlag(flags, 'pending-timeout-ms', 1000, 3_600_000, 60_000);
  const token = await readSecret(FACE_TOKEN, flags, ctx.io);
  // Without a token, the sign-in saved by `xs4-setup login` for this server is used (checked when connecting).
  const signedIn = token === undefined ? await savedSignInAccount(ctx, faceUrl) : null;
  if (token === undefined && signedIn === null) throw usageError(text('cli.usage.setupSignIn', { faceUrl }));
  const shipKey = await readSecret(SHIP_KEY, flags, ctx.io);
  if (shipKey === undefined) throw usageError(text('cli.usage.setupShipKey'));
  if (!ctx.setup) throw new AppError('SETUP_NOT_AVAILABLE', { params: { command: 'setup' } });
  const out = (line: string): void => void ctx.io.stdout.write(`${clean(line)}\n`);
  /** An indented line of a step, in this run's language. */
  const line = (t: Text): void => out(`    ${say(t)}`);
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
  const mark = marks();
  let n = 0;
  const step = (title: Text): void => out(`[${++n}/9] ${say(title)}`);
  /** What the Summary step shows for a step done here (in this run's language, as the app records its own). */
  const done = (t: Text): string => say(t);

  step(text('cli.setup.step.connect'));
  if (signedIn) line(text('cli.setup.signedInAs', { user: signedIn.username }));
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
    const pins = { expected: connected.previousFingerprint256, actual: connected.certificate.fingerprint256 };
    throw new AppError('FACE_TLS_PIN_MISMATCH', {
      variant: 'cliProfile',
      params: { field: text('fields.profile.facePinnedFingerprint256'), url: faceUrl, ...pins },
      detail: pins,
    });
  }
  if (connected.state === 'needs-trust') {
    throw usageError(
      text('cli.usage.setupUntrusted', {
        field: text('fields.profile.facePinnedFingerprint256'),
        url: faceUrl,
        code: connected.reason.code,
        fingerprint: connected.certificate.fingerprint256,
      }),
      { field: 'profile.facePinnedFingerprint256' },
    );
  }
  if (connected.state === 'needs-token') {
    throw usageError(text('cli.usage.setupTokenNotTaken', { url: connected.url }));
  }
  line(
    connected.trustedBy === 'pin'
      ? text('cli.setup.connectedPin', { url: connected.url })
      : text('cli.setup.connectedSystem', { url: connected.url }),
  );
  const chosen = asked ? await service.chooseFaceServer(wanted) : await service.chooseFaceServer({});
  line(text('cli.setup.faceServer', { server: describeChoice(chosen) }));
  await service.markStep(
    'connect',
    done(text('cli.setup.done.connect', { url: connected.url, server: choiceLabel(chosen) })),
    'integrations',
  );

  step(text('cli.setup.step.integrations'));
  let cards = await service.listIntegrations();
  const spaceCard = cards.find((c) => c.kind === 'salto-space');
  if (!spaceCard?.added) {
    cards = await service.addIntegrations(['salto-space']);
    line(text('cli.setup.addedSpace'));
  }
  for (const c of cards) out(`    ${c.name}: ${say(consoleStatusName(c.status))}`);
  await service.markStep('integrations', done(text('cli.setup.done.integrations')), 'spaceDetails');

  step(text('cli.setup.step.spaceDetails'));
  const details = await service.saveSpaceDetails({
    host: space.host,
    port: space.port,
    https: space.protocol === 'https:',
  });
  line(
    details.https
      ? text('cli.setup.spaceDetailsHttps', { host: details.host, port: details.port })
      : text('cli.setup.spaceDetailsHttp', { host: details.host, port: details.port }),
  );
  await service.markStep('spaceDetails', `${details.host}:${details.port}`, 'shipKey');

  step(text('cli.setup.step.shipKey'));
  const masked = await setShipKey(service, shipKey, flags['replace-ship-key'] === true);
  line(text('cli.setup.shipKeySaved', { fingerprint: masked.fingerprint ?? '' }));
  await service.markStep(
    'shipKey',
    done(text('cli.setup.done.shipKey', { fingerprint: masked.fingerprint ?? '' })),
    'installScript',
  );

  step(text('cli.setup.step.installScript'));
  const scriptPath = stringFlag(flags, 'install-script');
  if (scriptPath === undefined) {
    line(text('cli.setup.scriptNotRequested'));
  } else {
    const info = await service.loadInstallScript({ kind: 'file', path: scriptPath });
    line(
      text('cli.setup.scriptLoaded', {
        path: info.path,
        sha256: info.sha256,
        signature: info.signature.status,
      }),
    );
    const ran = await service.runInstallScript(info.sha256, hooks);
    out(`    ${say(ran.message)}`);
    if (ran.outcome !== 'succeeded' && ran.outcome !== 'unavailable') return EXIT_CHECK_FAILED;
  }
  await service.markStep(
    'installScript',
    done(scriptPath === undefined ? text('cli.setup.done.scriptNotRun') : text('cli.setup.done.scriptRun')),
    'spaceSettings',
  );

  step(text('cli.setup.step.spaceSettings'));
  // Check progress lines would drown the table; the verdicts follow right after.
  const quiet = { ...hooks, onProgress: undefined };
  let views = await service.runChecks(null, quiet);
  if (flags['apply-fixes'] === true) {
    for (const v of views.filter((x) => x.fix !== null)) {
      line(text('cli.setup.fixing', { fix: v.fix?.title ?? v.title }));
      await service.applyFix(v.id, hooks);
    }
    views = await service.runChecks(null, quiet);
  }
  // The Enrollment Service is set two steps later; its checks are shown by doctor, not here.
  for (const v of views.filter((x) => !x.id.startsWith('enrollment.')))
    out(`    ${mark(v.status)}  ${say(v.title)}: ${say(v.summary)}`);
  await service.markStep(
    'spaceSettings',
    done(text('cli.setup.done.spaceSettings', { count: views.filter((v) => v.status === 'fail').length })),
    'faceRecognition',
  );

  step(text('cli.setup.step.faceRecognition'));
  for (const o of await service.generalOptions())
    out(`    ${say(o.label)}: ${o.secret ? say(text('cli.setup.secretValue')) : o.value}`);
  await service.markStep('faceRecognition', done(text('cli.setup.done.faceRecognition')), 'enrollment');

  step(text('cli.setup.step.enrollment'));
  const e = profile.enrollment;
  if (e?.companyName !== undefined && e.privacyPolicyUrl !== undefined) {
    // The policy is checked before it is written; a failing one is saved only with --save-failing-policy.
    const result = await service.saveEnrollment({
      companyName: e.companyName,
      privacyPolicyUrl: e.privacyPolicyUrl,
      ...(flags['save-failing-policy'] === true ? { acceptFailingPolicy: true } : {}),
    });
    for (const v of result.checks) out(`    ${mark(v.status)}  ${say(v.title)}: ${say(v.summary)}`);
    if (!result.saved) {
      line(text('cli.setup.enrollmentNotSaved'));
      return EXIT_CHECK_FAILED;
    }
    const saved = { company: result.enrollment.companyName, url: result.enrollment.privacyPolicyUrl };
    line(
      result.checks.some((v) => v.status === 'fail')
        ? text('cli.setup.enrollmentSavedFailing', saved)
        : text('cli.setup.enrollmentSaved', saved),
    );
  } else {
    line(text('cli.setup.enrollmentNotInProfile'));
  }
  await service.markStep('enrollment', done(text('cli.setup.done.enrollment')), 'verify');

  step(text('cli.setup.step.verify'));
  const verdict = await service.verify(verifyMs, hooks);
  out(`    ${say(verdict.message)}`);
  for (const d of verdict.diagnosis)
    out(`    ${mark(d.status)}  ${say(d.title)}: ${say(d.summary)}${d.remedy ? ` — ${say(d.remedy)}` : ''}`);
  if (!verdict.connected) return EXIT_CHECK_FAILED;
  await service.markStep('verify', done(text('cli.setup.done.verify')), 'summary');
  out(say(text('cli.setup.finished')));
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
    // The CLI's words for the app's confirmation: the flag that gives it, and the core's sentence inside.
    throw new AppError('SHIP_KEY_REPLACE_UNCONFIRMED', {
      variant: 'cli',
      params: { cause: e.texts().message },
      ...(e.detail !== undefined ? { detail: e.detail } : {}),
    });
  }
}

/** The profile's fields setup cannot run without, by their labels. */
const REQUIRED: Record<'faceUrl' | 'spaceUrl', Text> = {
  faceUrl: text('fields.profile.faceUrl'),
  spaceUrl: text('fields.profile.spaceUrl'),
};

function required(profile: SiteProfile, field: 'faceUrl' | 'spaceUrl'): string {
  const v = profile[field];
  if (v === undefined)
    throw usageError(text('cli.usage.setupRequired', { field: REQUIRED[field] }), {
      field: `profile.${field}`,
    });
  return v;
}
