// `xs4-setup login` / `logout`: Microsoft sign-in per XS4 Face region (system browser, or a device code), shared with the app.
import { text } from '../../../contract/text';
import { AppError, toErrorInfo } from '../../core/errors';
import type { MicrosoftSignIn } from '../../core/auth/microsoft-sign-in';
import { originOf } from '../../core/auth/regions';
import { msFlag, parseFlags, stringFlag } from '../args';
import type { CliContext } from '../context';
import { EXIT_OK, exitCodeOf } from '../exit-codes';
import { say, sayError } from '../say';
import { cliSignIn, forgetSignIn, savedCliSignIn, type CliAuthDeps } from '../sign-in';
import { clean } from '../terminal';

export const LOGIN_FLAGS = {
  region: 'string',
  'device-code': 'boolean',
  'face-url': 'string',
  'timeout-ms': 'string',
} as const;

function authOf(ctx: CliContext): CliAuthDeps {
  if (!ctx.auth) throw new AppError('AUTH_NOT_AVAILABLE');
  return ctx.auth;
}

/** Sign-in failures print their remedy too: the technician must know what to do next. */
async function explained(ctx: CliContext, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    const info = toErrorInfo(e);
    const { message, remedy } = sayError(info);
    ctx.io.stderr.write(
      `xs4-setup: ${clean(message)} [${info.code}]\n  ${say(text('cli.whatToDo'))} ${clean(remedy)}\n`,
    );
    return exitCodeOf(e);
  }
}

export function login(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, LOGIN_FLAGS, 'login');
  const timeoutMs = msFlag(flags, 'timeout-ms', 10_000, 3_600_000, 5 * 60_000);
  const out = (line: string): void => void ctx.io.stdout.write(`${clean(line)}\n`);
  return explained(ctx, async () => {
    const signIn: MicrosoftSignIn = await cliSignIn(ctx.io, authOf(ctx), stringFlag(flags, 'region'));
    const faceUrl = stringFlag(flags, 'face-url');
    // Named by its flag here; the sign-in checks it again as the server its tokens are bound to.
    if (faceUrl !== undefined) originOf(faceUrl, '--face-url');
    // The run stops at the timeout or on Ctrl+C, whichever comes first.
    const stop = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(ctx.signal ? [ctx.signal] : [])]);
    out(say(text('cli.login.signingIn', { region: signIn.region.name })));
    const deviceCode = flags['device-code'] === true;
    // --timeout-ms ends the wait as "timed out"; Ctrl+C as "cancelled".
    const timedOut = (e: unknown): never => {
      if (ctx.signal?.aborted || !stop.aborted) throw e;
      const params = { duration: text('cli.duration.seconds', { count: Math.round(timeoutMs / 1000) }) };
      throw deviceCode
        ? new AppError('AUTH_BROWSER_TIMEOUT', { variant: 'cliCode', params })
        : new AppError('AUTH_BROWSER_TIMEOUT', { variant: 'cli', params });
    };
    let who;
    if (deviceCode) {
      who = await signIn
        .signInWithDeviceCode({
          faceUrl,
          signal: stop,
          onPrompt: (p) =>
            out(
              say(
                text('cli.login.enterCode', {
                  url: p.verificationUri,
                  code: p.userCode,
                  time: p.expiresAt.toISOString().slice(11, 16),
                }),
              ),
            ),
        })
        .catch(timedOut);
    } else {
      out(say(text('cli.login.browserOpens')));
      who = await signIn.signInInteractive({ faceUrl, signal: stop }).catch(timedOut);
    }
    out(
      say(text('cli.login.signedIn', { user: who.username, region: signIn.region.name, origin: who.origin })),
    );
    return EXIT_OK;
  });
}

export function logout(argv: readonly string[], ctx: CliContext): Promise<number> {
  parseFlags(argv, {}, 'logout');
  return explained(ctx, async () => {
    const signIn = await savedCliSignIn(ctx.io, authOf(ctx));
    const who = await signIn?.account();
    // The sign-in is the app's too: signing out here signs both out, including a sign-in the app saved before the
    // update that only the app can decrypt (nobody reads it; it is removed).
    const had = signIn ? await signIn.signOut() : await forgetSignIn(ctx.io, authOf(ctx));
    const line = !had
      ? text('cli.logout.nobody')
      : who
        ? text('cli.logout.signedOutUser', { user: who.username })
        : text('cli.logout.signedOut');
    ctx.io.stdout.write(`${clean(say(line))}\n`);
    return EXIT_OK;
  });
}
