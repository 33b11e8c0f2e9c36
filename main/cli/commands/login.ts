// `xs4-setup login` / `logout`: Microsoft sign-in per XS4 Face region (system browser, or a device code), saved encrypted.
import { AppError, toErrorInfo } from '../../core/errors';
import type { MicrosoftSignIn } from '../../core/auth/microsoft-sign-in';
import { intFlag, parseFlags, stringFlag } from '../args';
import type { CliContext } from '../context';
import { EXIT_OK, exitCodeOf } from '../exit-codes';
import { cliSignIn, savedCliSignIn, type CliAuthDeps } from '../sign-in';
import { clean } from '../terminal';

export const LOGIN_FLAGS = {
  region: 'string',
  'device-code': 'boolean',
  'face-url': 'string',
  'timeout-ms': 'string',
} as const;

function authOf(ctx: CliContext): CliAuthDeps {
  if (!ctx.auth)
    throw new AppError(
      'AUTH_NOT_AVAILABLE',
      'this build has no Microsoft sign-in.',
      'Use --face-token-file instead.',
    );
  return ctx.auth;
}

/** Sign-in failures print their remedy too: the technician must know what to do next. */
async function explained(ctx: CliContext, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    const info = toErrorInfo(e);
    ctx.io.stderr.write(
      `xs4-setup: ${clean(info.message)} [${info.code}]\n  What to do: ${clean(info.remedy)}\n`,
    );
    return exitCodeOf(e);
  }
}

export function login(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, LOGIN_FLAGS, 'login');
  const timeoutMs = intFlag(flags, 'timeout-ms', 10_000, 3_600_000, 5 * 60_000, 'milliseconds');
  const out = (line: string): void => void ctx.io.stdout.write(`${clean(line)}\n`);
  return explained(ctx, async () => {
    const signIn: MicrosoftSignIn = await cliSignIn(ctx.io, authOf(ctx), stringFlag(flags, 'region'));
    const faceUrl = stringFlag(flags, 'face-url');
    // The run stops at the timeout or on Ctrl+C, whichever comes first.
    const stop = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(ctx.signal ? [ctx.signal] : [])]);
    out(`Signing in to XS4 Face (${signIn.region.name}) with a Microsoft account…`);
    const deviceCode = flags['device-code'] === true;
    // --timeout-ms ends the wait as "timed out"; Ctrl+C as "cancelled".
    const timedOut = (e: unknown): never => {
      if (ctx.signal?.aborted || !stop.aborted) throw e;
      throw new AppError(
        'AUTH_BROWSER_TIMEOUT',
        deviceCode
          ? `The code was not entered within ${Math.round(timeoutMs / 1000)} s.`
          : `The sign-in in the browser was not finished within ${Math.round(timeoutMs / 1000)} s (the browser window may have been closed).`,
        deviceCode
          ? 'Run xs4-setup login --device-code again and enter the new code in time.'
          : 'Run xs4-setup login again and finish the sign-in in the browser, or use --device-code.',
      );
    };
    let who;
    if (deviceCode) {
      who = await signIn
        .signInWithDeviceCode({
          faceUrl,
          signal: stop,
          onPrompt: (p) =>
            out(
              `To sign in, open ${p.verificationUri} on any device and enter the code ${p.userCode} (valid until ${p.expiresAt.toISOString().slice(11, 16)} UTC).`,
            ),
        })
        .catch(timedOut);
    } else {
      out('Your browser opens for the sign-in; finish it there (no browser here? use --device-code).');
      who = await signIn.signInInteractive({ faceUrl, signal: stop }).catch(timedOut);
    }
    out(`Signed in as ${who.username} (${signIn.region.name}); tokens are used only for ${who.origin}.`);
    return EXIT_OK;
  });
}

export function logout(argv: readonly string[], ctx: CliContext): Promise<number> {
  parseFlags(argv, {}, 'logout');
  return explained(ctx, async () => {
    const signIn = await savedCliSignIn(ctx.io, authOf(ctx));
    const who = await signIn?.account();
    const had = signIn ? await signIn.signOut() : false;
    ctx.io.stdout.write(
      had
        ? `Signed out${who ? ` ${clean(who.username)}` : ''}: the saved sign-in was removed from this computer.\n`
        : 'Nobody was signed in.\n',
    );
    return EXIT_OK;
  });
}
